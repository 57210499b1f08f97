import { callApi } from './local-server-process';

/** Calls the local server as `openid` on `day` (10:00 Shanghai time), as the dev bar would. */
export function apiAt(url: string) {
  return async function api(openid: string | null, day: string, action: string, payload: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'x-dev-now': `${day}T10:00:00+08:00` };
    if (openid) headers['x-dev-openid'] = openid;
    return callApi(url, action, payload, headers);
  };
}

/** Like `api`, but fails the test with the server's answer unless the call succeeded. */
export function okAt(url: string) {
  const api = apiAt(url);
  return async function ok(openid: string | null, day: string, action: string, payload: unknown): Promise<any> {
    const { status, body } = await api(openid, day, action, payload);
    if (status !== 200 || !body.ok) throw new Error(`${action} as ${openid} on ${day} answered ${status} ${JSON.stringify(body)}`);
    return body.data;
  };
}
