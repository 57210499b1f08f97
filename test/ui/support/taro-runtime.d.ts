// The React runtime of Taro ships without type declarations; page tests use a few of its exports.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createH5NativeComponentConfig(component: unknown, react: unknown, reactDom: unknown): unknown;
  export const useDidHide: typeof import('@tarojs/taro').useDidHide;
  export const useDidShow: typeof import('@tarojs/taro').useDidShow;
  export const useLaunch: typeof import('@tarojs/taro').useLaunch;
  export const useLoad: typeof import('@tarojs/taro').useLoad;
  export const usePullDownRefresh: typeof import('@tarojs/taro').usePullDownRefresh;
  export const useReachBottom: typeof import('@tarojs/taro').useReachBottom;
  export const useReady: typeof import('@tarojs/taro').useReady;
  export const useRouter: typeof import('@tarojs/taro').useRouter;
  export const useShareAppMessage: typeof import('@tarojs/taro').useShareAppMessage;
  export const useUnload: typeof import('@tarojs/taro').useUnload;
}
