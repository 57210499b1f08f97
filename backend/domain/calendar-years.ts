/**
 * The working-day calendar as data (R-TIME-1, R-TIME-3): the bundled holiday data (2004–2026)
 * stays the default, and a year loaded from the State Council's notice (`calendar.set`) replaces
 * the bundled days of that year. Pure: the loaded years come in as an argument.
 */
import type { CalendarYearView, DateString } from '../../types/api';
import type { Deadline, DeadlineName, ProposalRecord } from '../../types/domain';
import { dayLabel } from '../../common/dates';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { WorkCalendar, weekdayOf, yearOf, isDateString, type HolidayData } from './calendar';
import { deadlinesOf, publicityEndsOn } from './deadlines';
import { fail, succeed, type Result } from './result';

/** A year's schedule as the city loaded it. */
export interface LoadedYear {
  year: number;
  holidays: DateString[];
  workdays: DateString[];
}

/** The holiday data shipped with `chinese-days` (2004–2026): the default of every year it knows. */
export const BUNDLED_HOLIDAYS: HolidayData = chineseDays;

export type { CalendarYearView };

function daysOfYear(days: Record<string, string>, year: number): DateString[] {
  const prefix = `${year}-`;
  return Object.keys(days)
    .filter((day) => day.startsWith(prefix))
    .sort();
}

/** R-TIME-1: the calendar of the bundled data with each loaded year in place of its bundled days. */
export function calendarWithYears(bundled: HolidayData, loaded: readonly LoadedYear[]): WorkCalendar {
  const replaced = new Set(loaded.map((entry) => entry.year));
  const keep = (days: Record<string, string>) => Object.fromEntries(Object.entries(days).filter(([day]) => !replaced.has(yearOf(day))));
  const holidays = keep(bundled.holidays);
  const workdays = keep(bundled.workdays);
  for (const entry of loaded) {
    for (const day of entry.holidays) holidays[day] = 'loaded';
    for (const day of entry.workdays) workdays[day] = 'loaded';
  }
  return new WorkCalendar({ holidays, workdays });
}

/** R-TIME-3: one year's schedule, where it comes from, and whether its deadlines are provisional. */
export function calendarYearOf(bundled: HolidayData, loaded: readonly LoadedYear[], year: number): CalendarYearView {
  const own = loaded.find((entry) => entry.year === year);
  if (own) return { year, holidays: [...own.holidays].sort(), workdays: [...own.workdays].sort(), source: 'loaded', provisional: false };
  const holidays = daysOfYear(bundled.holidays, year);
  if (holidays.length === 0) return { year, holidays: [], workdays: [], source: 'none', provisional: true };
  return { year, holidays, workdays: daysOfYear(bundled.workdays, year), source: 'bundled', provisional: false };
}

function uniqueSorted(days: readonly string[]): DateString[] {
  return [...new Set(days)].sort();
}

/**
 * R-TIME-1: a schedule the city may load: every day a real date of that year; at least one
 * holiday (every schedule has New Year's Day); make-up working days only on a Saturday or Sunday;
 * no day both a holiday and a make-up working day. Duplicates are dropped, the days sorted.
 */
export function checkCalendarYear(input: LoadedYear): Result<LoadedYear> {
  const { year } = input;
  for (const [field, days] of [['holidays', input.holidays], ['workdays', input.workdays]] as const) {
    const stray = days.find((day) => !isDateString(day) || yearOf(day) !== year);
    if (stray !== undefined) return fail('invalid_input', `${dayLabel(stray, true)}不是 ${year} 年的日期`, field);
  }
  if (input.holidays.length === 0) return fail('invalid_input', `${year} 年的放假安排至少有元旦一天`, 'holidays');
  const weekday = input.workdays.find((day) => weekdayOf(day) !== 0 && weekdayOf(day) !== 6);
  if (weekday !== undefined) return fail('invalid_input', `${dayLabel(weekday)}本来就是工作日，调休上班日应是周六或周日`, 'workdays');
  const both = input.workdays.find((day) => input.holidays.includes(day));
  if (both !== undefined) return fail('invalid_input', `${dayLabel(both)}不能既放假又上班`, 'workdays');
  return succeed({ year, holidays: uniqueSorted(input.holidays), workdays: uniqueSorted(input.workdays) });
}

/** One running deadline of a proposal that a new schedule moves or makes certain. */
export interface DeadlineChange {
  name: DeadlineName;
  from: Deadline;
  to: Deadline;
}

/**
 * R-TIME-3: the record as it stands on the `after` calendar. Running deadlines are computed from
 * their start day, so only a publicity window (kept as published) is rewritten, and only while it
 * is still provisional: a window counted on known days never moves.
 */
export function recomputedRecord(record: ProposalRecord, after: WorkCalendar): ProposalRecord {
  const publicity = record.publicity;
  if (record.state !== 'publicity' || !publicity || !publicity.endsOn.provisional) return record;
  return { ...record, publicity: { ...publicity, endsOn: publicityEndsOn(publicity.publishedOn, after) } };
}

/** R-TIME-3: the running deadlines whose day or provisional mark differ between two calendars. */
export function deadlineChanges(record: ProposalRecord, before: WorkCalendar, after: WorkCalendar): DeadlineChange[] {
  const old = deadlinesOf(record, before);
  const now = deadlinesOf(recomputedRecord(record, after), after);
  return (Object.keys(now) as DeadlineName[])
    .filter((name) => old[name] !== undefined && (old[name]!.on !== now[name]!.on || old[name]!.provisional !== now[name]!.provisional))
    .map((name) => ({ name, from: old[name]!, to: now[name]! }));
}
