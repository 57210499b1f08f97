import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

/**
 * Dates on screen and in date fields. A calendar date from the server is `YYYY-MM-DD` in
 * Asia/Shanghai; an instant is ISO 8601. Every value here is a dayjs in UTC mode, so the phone's
 * time zone never enters: a calendar date is read as that day's UTC midnight, and an instant is
 * moved by Shanghai's fixed offset before its fields are read. Which days count (working days,
 * deadlines) is the server's to say; this file only writes and reads dates.
 */
dayjs.extend(utc);
dayjs.extend(customParseFormat);

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DATE_FORMAT = 'YYYY-MM-DD';
/** Asia/Shanghai has kept UTC+8 all year since 1991: a fixed offset is exact for every date shown. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** A calendar date, strictly `YYYY-MM-DD` and a real day (not 2026-02-30), else null. */
function calendarDay(date: string): Dayjs | null {
  const parsed = dayjs.utc(date, DATE_FORMAT, true);
  return parsed.isValid() ? parsed : null;
}

/** An instant as its wall-clock time in Shanghai (held in UTC fields), else null. */
function shanghaiTimeOf(instant: string | number): Dayjs | null {
  const parsed = dayjs.utc(instant);
  return parsed.isValid() ? parsed.add(SHANGHAI_OFFSET_MINUTES, 'minute') : null;
}

/** `2026-09-22` → `2026年9月22日`. */
export function formatDate(date: string): string {
  return calendarDay(date)?.format('YYYY年M月D日') ?? date;
}

/** `2026-09-22` → `9月22日`: short enough for a chip. */
export function formatMonthDay(date: string): string {
  return calendarDay(date)?.format('M月D日') ?? date;
}

/** `2026-09-22` → `周二`. */
export function weekdayOf(date: string): string {
  const day = calendarDay(date);
  return day ? WEEKDAYS[day.day()] : '';
}

/** `2026-09-22` → `2026年9月22日（周二）`. */
export function formatDateWithWeekday(date: string): string {
  const weekday = weekdayOf(date);
  return weekday ? `${formatDate(date)}（${weekday}）` : date;
}

/** `2026-11-26`, `2026-12-01` → `2026年11月26日 至 12月1日` (the year once when both share it). */
export function formatDateRange(from: string, to: string): string {
  const start = calendarDay(from);
  const end = calendarDay(to);
  const sameYear = start !== null && end !== null && start.year() === end.year();
  return `${formatDate(from)} 至 ${sameYear ? formatMonthDay(to) : formatDate(to)}`;
}

/** The Asia/Shanghai calendar date of an instant: `2026-09-21T16:00:00Z` → `2026-09-22`. */
export function shanghaiDateOf(instant: string | number): string {
  return shanghaiTimeOf(instant)?.format(DATE_FORMAT) ?? '';
}

/** An instant as `2026年9月22日 09:30` in Asia/Shanghai. */
export function formatInstant(instant: string): string {
  return shanghaiTimeOf(instant)?.format('YYYY年M月D日 HH:mm') ?? instant;
}

/** `2026-09-14` + 4 → `2026-09-18`: calendar days, across months and years. */
export function addDays(date: string, days: number): string {
  return calendarDay(date)?.add(days, 'day').format(DATE_FORMAT) ?? date;
}

/**
 * What a date field (the picker) gave, as the `YYYY-MM-DD` the server reads; null when it is not
 * a real calendar date, so that a page never sends one.
 */
export function dateOfInput(value: unknown): string | null {
  return typeof value === 'string' ? (calendarDay(value.trim())?.format(DATE_FORMAT) ?? null) : null;
}
