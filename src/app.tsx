import type { PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import { refreshUnreadBadge } from './lib/inbox-badge';
import { listenForPrivacyRequests } from './lib/privacy';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: APIs that need the user's agreement to the privacy guide wait for the consent sheet.
    listenForPrivacyRequests();
    // weapp only: Taro sets Taro.cloud = wx.cloud there; on H5 it is undefined.
    if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
      const env = process.env.TARO_APP_CLOUD_ENV;
      // Without a configured env the mini-program's default cloud environment is used.
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
    }
  });
  // Notifications: the 消息 tab's unread badge, each time the app comes to the front — after the
  // first screen's own request, never competing with it.
  useDidShow(() => {
    setTimeout(() => void refreshUnreadBadge(), 2000);
  });
  return children;
}

export default App;
