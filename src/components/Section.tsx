import type { PropsWithChildren, ReactNode } from 'react';
import { View } from '@tarojs/components';

/** A titled part of a page. */
export function Section({ title, extra, children, testId }: PropsWithChildren<{ title: string; extra?: ReactNode; testId?: string }>) {
  return (
    <View className='section' data-testid={testId}>
      <View className='section__head'>
        <View className='section__title' role='heading' aria-level='2'>
          {title}
        </View>
        {extra ? <View className='section__extra'>{extra}</View> : null}
      </View>
      {children}
    </View>
  );
}
