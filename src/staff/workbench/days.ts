import { readDevIdentity } from '../../api/dev-identity';
import { shanghaiDateOf, weekdayOf } from '../../lib/dates';

/**
 * Calendar days for the date choices of the staff forms. These are plain calendar days (no
 * working-day counting: every deadline and notice period is the server's to judge).
 */

/** Today in Asia/Shanghai: the day the local dev bar picked, else the real one. */
export function todayOf(now: number = Date.now()): string {
  return readDevIdentity().day ?? shanghaiDateOf(now);
}

/** `2026-09-14` + 4 → `2026-09-18`, on UTC fields so the phone's time zone never matters. */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `2026-09-18` → `9月18日 周五`: short enough for a chip. */
export function chipLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${weekdayOf(date)}`;
}

/** `2026-09-18` → `9月18日`. */
export function chipDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** `count` consecutive calendar days from `from + offset`. */
export function daysFrom(from: string, offset: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addCalendarDays(from, offset + index));
}

/** Today and the three days before it, today first: the days a step is usually recorded on. */
export function recentDays(today: string): string[] {
  return [0, -1, -2, -3].map((offset) => addCalendarDays(today, offset));
}
