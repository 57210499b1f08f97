import { readDevIdentity } from '../../api/dev-identity';
import { addDays, formatMonthDay, shanghaiDateOf, weekdayOf } from '../../lib/dates';

/**
 * Calendar days for the date choices of the staff forms. These are plain calendar days (no
 * working-day counting: every deadline and notice period is the server's to judge).
 */

/** Today in Asia/Shanghai: the day the local dev bar picked, else the real one. */
export function todayOf(now: number = Date.now()): string {
  return readDevIdentity().day ?? shanghaiDateOf(now);
}

/** `2026-09-18` → `9月18日 周五`: what a chip says to a screen reader. */
export function chipLabel(date: string): string {
  return `${formatMonthDay(date)} ${weekdayOf(date)}`;
}

/** `count` consecutive calendar days from `from + offset`. */
export function daysFrom(from: string, offset: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(from, offset + index));
}

/** Today and the three days before it, today first: the days a step is usually recorded on. */
export function recentDays(today: string): string[] {
  return [0, -1, -2, -3].map((offset) => addDays(today, offset));
}
