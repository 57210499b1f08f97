/**
 * Dates and the mainland-China working-day calendar (R-TIME-1..3).
 *
 * A date is a `YYYY-MM-DD` string in Asia/Shanghai. Arithmetic runs on integer day numbers
 * (days since 1970-01-01) with the civil-calendar formulas of H. Hinnant, so nothing here
 * reads the process time zone or the clock. The holiday schedule is data (the `chinese-days`
 * JSON), never that package's functions: they read the process time zone and treat a year they
 * do not know as plain Monday–Friday without saying so.
 */
import type { DateString } from '../../types/api';
import type { Deadline } from '../../types/domain';
import chineseDays from 'chinese-days/dist/chinese-days.json';

/** The shape of `chinese-days/dist/chinese-days.json`: date → "English,中文,n". */
export interface HolidayData {
  /** Statutory days off, weekends inside a holiday included. */
  holidays: Record<string, string>;
  /** Make-up working days 调休上班 on a weekend. */
  workdays: Record<string, string>;
  /**
   * R-TIME-3: years whose schedule is known besides those with a listed holiday (a schedule
   * loaded for a year, e.g. with calendar.set): their deadlines are not provisional.
   */
  years?: readonly number[];
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
/** Asia/Shanghai is UTC+8 all year and has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MINUTES = 480;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, `days_from_civil`). */
function dayNumberOfParts({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number (Hinnant, `civil_from_days`). */
function partsOfDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatParts({ year, month, day }: DateParts): DateString {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The parts of a date string, or null when it is not a real `YYYY-MM-DD` date. */
function tryParseDate(date: string): DateParts | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // A date such as 2026-02-30 survives the pattern but not the round trip through a day number.
  return formatParts(partsOfDayNumber(dayNumberOfParts(parts))) === date ? parts : null;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDateString(value: unknown): value is DateString {
  return typeof value === 'string' && tryParseDate(value) !== null;
}

/** The parts of a date; throws RangeError for anything but a real `YYYY-MM-DD` date. */
export function partsOf(date: DateString): DateParts {
  const parts = tryParseDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return parts;
}

export function dayNumberOf(date: DateString): number {
  return dayNumberOfParts(partsOf(date));
}

export function dateOfDayNumber(dayNumber: number): DateString {
  return formatParts(partsOfDayNumber(dayNumber));
}

export function yearOf(date: DateString): number {
  return partsOf(date).year;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(date: DateString): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: DateString, days: number): DateString {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Negative when `a` is before `b`, 0 when equal, positive when after. */
export function compareDates(a: DateString, b: DateString): number {
  return Math.sign(dayNumberOf(a) - dayNumberOf(b));
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: DateString, b: DateString): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

export function daysInMonth(year: number, month: number): number {
  // The day before the first of the next month.
  return partsOfDayNumber(dayNumberOfParts({ year, month: month + 1, day: 1 }) - 1).day;
}

/** The same day-of-month `months` later, or that month's last day where there is none. */
export function addCalendarMonths(date: DateString, months: number): DateString {
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(Z|([+-])([01]\d|2[0-3]):?([0-5]\d))$/;

/**
 * R-TIME-1: the Asia/Shanghai date of an instant (ISO 8601 with `Z` or an offset, or epoch
 * milliseconds). Computed with UTC+8 arithmetic, never with the process time zone; an ISO string
 * without an offset is refused because JavaScript would read it in the process time zone.
 */
export function shanghaiDateOf(instant: string | number): DateString {
  if (typeof instant === 'number') {
    if (!Number.isSafeInteger(instant)) throw new RangeError(`Not epoch milliseconds: ${instant}`);
    return dateOfDayNumber(Math.floor((instant + SHANGHAI_OFFSET_MINUTES * 60_000) / MS_PER_DAY));
  }
  const match = INSTANT_PATTERN.exec(instant);
  if (!match || !isDateString(match[1])) throw new RangeError(`Not an ISO 8601 instant with an offset: ${JSON.stringify(instant)}`);
  const [, date, hours, minutes, zone, sign, offsetHours, offsetMinutes] = match;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  // Seconds never move a date: the offset is whole minutes, so the minute decides the day.
  const utcMinutes = dayNumberOf(date) * MINUTES_PER_DAY + Number(hours) * 60 + Number(minutes) - offset;
  return dateOfDayNumber(Math.floor((utcMinutes + SHANGHAI_OFFSET_MINUTES) / MINUTES_PER_DAY));
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`Not a positive whole count: ${count}`);
}

/** What the calendar knows of one day. */
export interface DayInfo {
  working: boolean;
  /** True when the day's year is not in the holiday data: `working` is then Monday–Friday only. */
  provisional: boolean;
}

/**
 * R-TIME-1: a working day is Monday–Friday except statutory holidays, plus the make-up working
 * days on weekends, per the State Council's schedule of that year (the holiday data).
 */
export class WorkCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly makeUpWorkdays: ReadonlySet<string>;
  private readonly coveredYears: ReadonlySet<number>;

  constructor(data: HolidayData) {
    this.holidays = new Set(Object.keys(data.holidays));
    this.makeUpWorkdays = new Set(Object.keys(data.workdays));
    // Every published schedule lists at least New Year's Day, so a year with no holiday is unknown.
    this.coveredYears = new Set([...Object.keys(data.holidays).map(yearOf), ...(data.years ?? [])]);
  }

  /** True when the holiday schedule of `year` is known. */
  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  /** R-TIME-1, R-TIME-3: whether a day is a working day and whether that answer is provisional. */
  dayInfo(date: DateString): DayInfo {
    const weekday = weekdayOf(date);
    const provisional = !this.covers(yearOf(date));
    if (this.makeUpWorkdays.has(date)) return { working: true, provisional };
    if (this.holidays.has(date)) return { working: false, provisional };
    return { working: weekday !== 0 && weekday !== 6, provisional };
  }

  isWorkingDay(date: DateString): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * R-TIME-2: "N working days" from `start`: the start day is not counted; the period ends at
   * 24:00 of the N-th working day after it. Provisional when a counted-over day lies in a year
   * the calendar does not know (R-TIME-3).
   */
  addWorkingDays(start: DateString, count: number): Deadline {
    assertCount(count);
    let day = dayNumberOf(start);
    let counted = 0;
    let provisional = false;
    while (counted < count) {
      day += 1;
      const info = this.dayInfo(dateOfDayNumber(day));
      provisional = provisional || info.provisional;
      if (info.working) counted += 1;
    }
    return { on: dateOfDayNumber(day), provisional };
  }

  /**
   * R-TIME-2: "N months" from `start` end on the same-numbered day of the N-th month after (the
   * month's last day where there is none); a rest day or holiday moves the end to the next
   * working day (民法典 art. 201–203).
   */
  addMonths(start: DateString, count: number): Deadline {
    assertCount(count);
    return this.onOrAfterWorkingDay(addCalendarMonths(start, count));
  }

  /** `date` itself when it is a working day, else the next working day. */
  onOrAfterWorkingDay(date: DateString): Deadline {
    let day = dayNumberOf(date);
    let info = this.dayInfo(date);
    let provisional = info.provisional;
    while (!info.working) {
      day += 1;
      info = this.dayInfo(dateOfDayNumber(day));
      provisional = provisional || info.provisional;
    }
    return { on: dateOfDayNumber(day), provisional };
  }

  /**
   * Working days after `today` up to and including `deadlineOn` ("还剩 N 个工作日"): 0 on the
   * last day itself and after it. Whether a deadline has passed is `compareDates`, not this count.
   */
  workingDaysLeft(today: DateString, deadlineOn: DateString): number {
    const last = dayNumberOf(deadlineOn);
    let left = 0;
    for (let day = dayNumberOf(today) + 1; day <= last; day += 1) {
      if (this.dayInfo(dateOfDayNumber(day)).working) left += 1;
    }
    return left;
  }
}

/** The calendar built from the holiday data shipped with `chinese-days` (2004–2026). */
export function loadWorkCalendar(): WorkCalendar {
  return new WorkCalendar(chineseDays);
}

export const defaultCalendar: WorkCalendar = loadWorkCalendar();
