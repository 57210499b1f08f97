/**
 * Dates on screen. A calendar date from the server is `YYYY-MM-DD` in Asia/Shanghai; an instant is
 * ISO 8601. Everything here is arithmetic on UTC fields, so the phone's time zone never matters.
 */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function parts(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** `2026-09-22` → `2026年9月22日`. */
export function formatDate(date: string): string {
  const p = parts(date);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : date;
}

/** `2026-09-22` → `周二`. */
export function weekdayOf(date: string): string {
  const p = parts(date);
  return p ? WEEKDAYS[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()] : '';
}

/** `2026-09-22` → `2026年9月22日（周二）`. */
export function formatDateWithWeekday(date: string): string {
  const weekday = weekdayOf(date);
  return weekday ? `${formatDate(date)}（${weekday}）` : date;
}

/** `2026-11-26`, `2026-12-01` → `2026年11月26日 至 12月1日` (the year once when both share it). */
export function formatDateRange(from: string, to: string): string {
  const end = from.slice(0, 4) === to.slice(0, 4) ? formatDate(to).replace(/^\d{4}年/, '') : formatDate(to);
  return `${formatDate(from)} 至 ${end}`;
}

/** The Asia/Shanghai calendar date of an instant: `2026-09-22T01:00:00Z` → `2026-09-22`. */
export function shanghaiDateOf(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as `2026年9月22日 09:30` in Asia/Shanghai. */
export function formatInstant(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${formatDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}
