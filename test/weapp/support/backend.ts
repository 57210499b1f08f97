import { loadBundles, setClock, type FunctionMain } from '../../functions/support/function-bundles';
import { createWxServerSdkStandIn, type WxServerSdkStandIn } from '../../functions/support/wx-server-sdk.stand-in';

/**
 * The server side of the weapp tests: the built `api` cloud function (cloudfunctions/api/index.js)
 * in-process on a fresh store seeded with the demo data, through the same wx-server-sdk stand-in
 * as the contract suite. The caller is whoever the mini-program's `wx.cloud.callFunction` runs
 * as: WeChat adds the OPENID, never the page.
 */

/** The demo is seeded on a Monday morning; its publicity window is open that day. */
export const SEED_DAY = '2026-03-02';
export const SEED_AT = '2026-03-02T01:00:00.000Z';

export interface Backend {
  standIn: WxServerSdkStandIn;
  /** The function as WeChat calls it for `openid` (null: a visitor WeChat has not identified). */
  call(openid: string | null, event: { action: string; payload: unknown }): Promise<any>;
  /** A direct call for the test's own setup and checks; throws on a refusal. */
  ok(openid: string | null, action: string, payload: unknown): Promise<any>;
  /** Sets the clock (10:00 Shanghai time of a day) for both the server and the pages. */
  setDay(day: string): void;
}

export async function startBackend(): Promise<Backend> {
  const standIn = createWxServerSdkStandIn();
  const bundles = loadBundles(standIn);
  const api: FunctionMain = bundles.api;
  // The demo data as an operator seeds an environment: the cron function's console task.
  setClock(SEED_AT);
  standIn.as(null);
  // A test environment (issue 13: seed-demo refuses one that is not marked so).
  const stage = process.env.DEPLOY_STAGE;
  process.env.DEPLOY_STAGE = 'test';
  const seeded = await bundles.cron({ task: 'seed-demo' }).finally(() => {
    if (stage === undefined) delete process.env.DEPLOY_STAGE;
    else process.env.DEPLOY_STAGE = stage;
  });
  if (!seeded.ok) throw new Error(`seed-demo failed: ${JSON.stringify(seeded)}`);
  setClock(SEED_DAY);
  const call = async (openid: string | null, event: { action: string; payload: unknown }) => {
    standIn.as(openid);
    // The page's data crosses the process boundary as JSON, as it does in WeChat.
    return JSON.parse(JSON.stringify(await api(JSON.parse(JSON.stringify(event)))));
  };
  return {
    standIn,
    call,
    async ok(openid, action, payload) {
      const answer = await call(openid, { action, payload });
      if (!answer.ok) throw new Error(`${action} as ${openid} answered ${JSON.stringify(answer)}`);
      return answer.data;
    },
    setDay: (day) => setClock(day),
  };
}
