import cloud from 'wx-server-sdk';
import type { Answer } from '../../types/api';

// The `api` cloud function: the WeChat door of the same dispatch that the local server uses.
// The caller is `cloud.getWXContext().OPENID` and nothing else: a role or openid in the payload
// is never read. The CloudBase store adapter arrives with the production issue; until then
// every action answers `internal` with a message that says so.

// The SDK types `env` as a string, but the documented value for "this function's env" is a symbol.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

interface ApiEvent {
  action?: unknown;
  payload?: unknown;
}

export async function main(event: ApiEvent): Promise<Answer<never>> {
  const { OPENID } = cloud.getWXContext();
  void OPENID;
  void event;
  return { ok: false, error: { code: 'internal', message: '云端数据存储尚未接入，请使用本地模式（npm start）' } };
}
