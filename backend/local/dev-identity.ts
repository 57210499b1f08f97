import type { IncomingHttpHeaders } from 'node:http';
import type { Answer } from '../../types/api';
import type { Caller } from '../app/action';
import { fail } from '../app/answers';
import { isDateString, shanghaiDateOf } from '../domain/calendar';

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
// An ISO 8601 instant with a zone: the dev clock must not depend on this machine's time zone.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** spec/api.md: the dev clock takes instants in the years 2000–2099 (as days in Shanghai). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

function inYears(instant: Date): boolean {
  const year = Number(shanghaiDateOf(instant.getTime()).slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export interface RequestIdentity {
  caller: Caller;
  now: Date;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Who calls and when, for one HTTP request. In local mode the `x-dev-openid` and `x-dev-now`
 * headers say so; otherwise either header is `forbidden` (spec/api.md) and the caller is
 * anonymous, because outside WeChat there is no platform identity to trust.
 */
export function identityOf(
  headers: IncomingHttpHeaders,
  options: { localMode: boolean; clock: () => Date },
): { ok: true; identity: RequestIdentity } | { ok: false; answer: Answer<never> } {
  const openid = single(headers['x-dev-openid']);
  const now = single(headers['x-dev-now']);
  if (!options.localMode) {
    if (openid !== undefined || now !== undefined) {
      return { ok: false, answer: fail('forbidden', '仅本地模式可用调试身份') };
    }
    return { ok: true, identity: { caller: { openid: null }, now: options.clock() } };
  }
  if (openid !== undefined && openid !== '' && !OPENID_PATTERN.test(openid)) {
    return { ok: false, answer: fail('invalid_input', '调试身份格式不正确', 'x-dev-openid') };
  }
  let instant = options.clock();
  if (now !== undefined && now !== '') {
    // `new Date` would read 2026-02-30 as 2 March: the date part must be a real date.
    const parsed = INSTANT_PATTERN.test(now) && isDateString(now.slice(0, 10)) ? new Date(now) : null;
    if (!parsed || Number.isNaN(parsed.getTime())) {
      return { ok: false, answer: fail('invalid_input', '调试时间格式不正确', 'x-dev-now') };
    }
    // A year the calendar cannot hold (9999, 0001) is bad input like any other, not a crash later.
    if (!inYears(parsed)) return { ok: false, answer: fail('invalid_input', `调试时间须在 ${FIRST_YEAR}–${LAST_YEAR} 年之间`, 'x-dev-now') };
    instant = parsed;
  }
  return { ok: true, identity: { caller: { openid: openid || null }, now: instant } };
}
