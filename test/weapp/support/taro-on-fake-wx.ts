/**
 * For the weapp-only modules tested from their source (subscribe.weapp.ts): `@tarojs/taro` as
 * the promise style of the `wx` object on globalThis (the fake of fake-wx.ts), the way Taro's
 * weapp runtime wraps wx. The built app uses Taro's own runtime.
 */
const wx = () => (globalThis as unknown as { wx: Record<string, (options: unknown) => Promise<unknown>> }).wx;

const Taro = new Proxy(
  {},
  {
    get: (_target, name: string) => (options: Record<string, unknown> = {}) => wx()[name](options),
  },
);

export default Taro;
