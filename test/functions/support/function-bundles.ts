import path from 'node:path';
import type { WxServerSdkStandIn } from './wx-server-sdk.stand-in';

/**
 * Loading the built cloud functions in Node with `wx-server-sdk` replaced by the stand-in, and a
 * test clock: only `Date` is faked (jest's fake timers with everything else real), so the
 * functions read their time as in production — `new Date()` — and nothing in an event can set it.
 */

export const API_BUNDLE = path.resolve(__dirname, '../../../cloudfunctions/api/index.js');
export const CRON_BUNDLE = path.resolve(__dirname, '../../../cloudfunctions/cron/index.js');

export type FunctionMain = (event: unknown) => Promise<any>;

/** Requires the bundles afresh, their `require('wx-server-sdk')` answered by the stand-in. */
export function loadBundles(standIn: WxServerSdkStandIn): { api: FunctionMain; cron: FunctionMain } {
  let loaded!: { api: FunctionMain; cron: FunctionMain };
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => standIn.module);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(API_BUNDLE) as { main: FunctionMain };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cron = require(CRON_BUNDLE) as { main: FunctionMain };
    loaded = { api: api.main, cron: cron.main };
  });
  return loaded;
}

const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** Fakes the clock only (Date), leaving every timer real. */
export function useTestClock(): void {
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS] });
}

/** Sets the clock to 10:00 Shanghai time of `day` (or to an exact instant). */
export function setClock(dayOrInstant: string): void {
  jest.setSystemTime(new Date(dayOrInstant.length === 10 ? `${dayOrInstant}T10:00:00+08:00` : dayOrInstant));
}

/** Calls a function as `openid` (null: no OPENID) on `day`. */
export function caller(standIn: WxServerSdkStandIn, main: FunctionMain) {
  return async function call(openid: string | null, day: string, event: Record<string, unknown>): Promise<any> {
    standIn.as(openid);
    setClock(day);
    return main(event);
  };
}
