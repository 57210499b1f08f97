// `@tarojs/taro` for page tests: the real H5 API implementation plus the React hooks, which the
// webpack build would otherwise inject. Two kinds of API cannot work in jsdom and are stood in for:
// navigation (there is no app router: calls are recorded in `navigations`) and the image picker
// (there is no file dialog: a test says what the resident picks with `pickImagesNext`).
import * as apis from '@tarojs/plugin-platform-h5/dist/runtime/apis';
import { fakeChooseImage, recordNavigation } from './taro-fakes';

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

export const navigateTo = recordNavigation('navigateTo');
export const redirectTo = recordNavigation('redirectTo');
export const switchTab = recordNavigation('switchTab');
export const reLaunch = recordNavigation('reLaunch');
export const chooseImage = fakeChooseImage;

export default { ...apis, navigateTo, redirectTo, switchTab, reLaunch, chooseImage };
