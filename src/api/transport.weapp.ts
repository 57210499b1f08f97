import Taro from '@tarojs/taro';
import type { Transport } from './transport.types';
import { unreachable } from './transport.types';

/** weapp: the `api` cloud function; the caller's identity is added by WeChat, never by us. */
export const send: Transport = async (action, payload) => {
  try {
    const response = await Taro.cloud.callFunction({ name: 'api', data: { action, payload } });
    return response.result as Awaited<ReturnType<Transport>>;
  } catch {
    return unreachable();
  }
};
