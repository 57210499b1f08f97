/**
 * The small checks the lifecycle's rows and a new proposal share: each answers a refusal with the
 * field it is about, or null.
 */
import type { DateString } from '../../types/domain';
import { compareDates, isDateString } from './calendar';
import { isFen } from './money';
import { hasText, refusal, type Refusal } from './result';

export type Check = Refusal | null;

export function requireText(value: string | undefined, field: string, label: string): Check {
  return hasText(value) ? null : refusal('invalid_input', `请填写${label}`, field);
}

export function requireLength(value: string, max: number, field: string, label: string): Check {
  return Array.from(value).length <= max ? null : refusal('invalid_input', `${label}不得超过 ${max} 个字`, field);
}

export function requirePositiveFen(value: number | undefined, field: string, label: string): Check {
  return isFen(value) && value > 0 ? null : refusal('invalid_input', `${label}须为以分计的正整数`, field);
}

export function requireCount(value: number, field: string, label: string): Check {
  return Number.isSafeInteger(value) && value >= 0 ? null : refusal('invalid_input', `${label}须为非负整数`, field);
}

/** A date a staff member reports, which must lie in `[notBefore, today]`. */
export function requireReportedDate(
  value: DateString,
  notBefore: DateString,
  today: DateString,
  field: string,
  label: string,
): Check {
  if (!isDateString(value)) return refusal('invalid_input', `${label}须为 YYYY-MM-DD 格式的日期`, field);
  if (compareDates(value, notBefore) < 0) return refusal('invalid_input', `${label}不得早于 ${notBefore}`, field);
  if (compareDates(value, today) > 0) return refusal('invalid_input', `${label}不得晚于今天`, field);
  return null;
}

export function firstRefusal(...checks: Check[]): Check {
  return checks.find((check) => check !== null) ?? null;
}

/** Drops the keys whose value is undefined, so that an absent field is absent, not `undefined`. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
