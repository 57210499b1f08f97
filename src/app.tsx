import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
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
  return children;
}

export default App;
