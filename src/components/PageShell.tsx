import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { DevBar } from './DevBar';
import './PageShell.css';

/** The frame of every page: the dev bar (H5 local mode only) above the page's content. */
export function PageShell({ children }: PropsWithChildren) {
  return (
    <View className='page-shell'>
      <DevBar />
      {children}
    </View>
  );
}
