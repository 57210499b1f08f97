import cloud from 'wx-server-sdk';
import type { Answer } from '../../types/api';
import type { WxCloud } from '../wechat/wx-cloud';
import { createCloudRuntime, lazyRuntime } from './cloud-runtime';

// The `api` cloud function: the WeChat door of the same dispatch that the local server uses,
// on the CloudBase store. The caller is `cloud.getWXContext().OPENID` and nothing else: an openid
// or a role anywhere in the event or the payload is never read. The clock is the function's own
// (`new Date()`): nothing in the event can set it. The answer is the envelope; HTTP statuses do
// not exist here.

const wx = cloud as unknown as WxCloud;
// The SDK types `env` as a string, but the documented value for "this function's env" is a symbol.
wx.init({ env: wx.DYNAMIC_CURRENT_ENV });

const runtime = lazyRuntime(() => createCloudRuntime(wx));

interface ApiEvent {
  action?: unknown;
  payload?: unknown;
}

export async function main(event: ApiEvent | null | undefined): Promise<Answer<unknown>> {
  try {
    const context = wx.getWXContext();
    const openid = typeof context.OPENID === 'string' && context.OPENID.length > 0 ? context.OPENID : null;
    const now = new Date();
    const action = event?.action;
    const payload = event?.payload;
    const { answer } = await runtime().dispatch(action, payload, { openid }, now);
    return answer;
  } catch (error) {
    console.error('[api] failed', error);
    return { ok: false, error: { code: 'internal', message: '系统繁忙，请稍后再试' } };
  }
}
