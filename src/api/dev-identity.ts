import Taro from '@tarojs/taro';

// Local mode only (H5 against `npm start`): the demo user and the day chosen in the dev bar.
// The server honours the matching headers only when it runs in local mode.

const OPENID_KEY = 'dev.openid';
const DAY_KEY = 'dev.day';

export interface DevIdentity {
  openid: string | null;
  /** `YYYY-MM-DD` in Asia/Shanghai, or null for the real clock. */
  day: string | null;
}

export function readDevIdentity(): DevIdentity {
  const openid = Taro.getStorageSync(OPENID_KEY);
  const day = Taro.getStorageSync(DAY_KEY);
  return { openid: openid || null, day: day || null };
}

export function writeDevIdentity(identity: DevIdentity): void {
  Taro.setStorageSync(OPENID_KEY, identity.openid ?? '');
  Taro.setStorageSync(DAY_KEY, identity.day ?? '');
}

/** The headers that carry the dev identity: noon of the chosen day keeps it inside that day. */
export function devHeaders(identity: DevIdentity): Record<string, string> {
  const headers: Record<string, string> = {};
  if (identity.openid) headers['x-dev-openid'] = identity.openid;
  if (identity.day) headers['x-dev-now'] = `${identity.day}T12:00:00+08:00`;
  return headers;
}
