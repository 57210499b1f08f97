// `@tarojs/taro` for page tests: the real H5 API implementation plus the React hooks, which the
// webpack build would otherwise inject.
export * from '@tarojs/plugin-platform-h5/dist/runtime/apis';
export {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useShareAppMessage,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime';
import * as apis from '@tarojs/plugin-platform-h5/dist/runtime/apis';
export default apis;
