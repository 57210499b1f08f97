import { type PropsWithChildren, useEffect } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../lib/large-text';
import { DevBar } from './DevBar';
import { PrivacySheet } from './privacy/PrivacySheet';
import './PageShell.css';
import './ui.css';

/**
 * The frame of every page: the dev bar (H5 local mode only) above the page's content, and the
 * remembered 大字模式 as a class that scales the page's text and tap targets; WeChat's privacy
 * consent sheet (weapp only) over it when an API waits for the user's agreement.
 */
export function PageShell({ children }: PropsWithChildren) {
  const [largeText] = useLargeText();
  // Issue 17 (a11y), H5 only: Taro's page container is the element that scrolls; a keyboard
  // reaches it only when it can take focus (WCAG 2.1.1).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((element) => element.setAttribute('tabindex', '0'));
  });
  return (
    <View className={`page-shell${largeText ? ' page-shell--large' : ''}`} data-testid='page-shell'>
      <DevBar />
      {children}
      <PrivacySheet />
    </View>
  );
}
