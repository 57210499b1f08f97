import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';
import type { ActionName, AnswerOf, RequestOf, Transport } from './transport.types';
import { unreachable } from './transport.types';

/** weapp: the `api` cloud function; the caller's identity is added by WeChat, never by us. */
export const send: Transport = async <A extends ActionName>(action: A, payload: RequestOf<A>) => {
  try {
    const response = await Taro.cloud.callFunction({ name: 'api', data: { action, payload } });
    return response.result as Answer<AnswerOf<A>>;
  } catch {
    return unreachable<AnswerOf<A>>();
  }
};
