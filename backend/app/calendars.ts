import { calendarWithYears, BUNDLED_HOLIDAYS } from '../domain/calendar-years';
import type { WorkCalendar } from '../domain/calendar';
import type { Store } from './ports/store.port';

/**
 * How long a process counts on the loaded years it read before reading them again. A year is
 * loaded once a year; this spares every request a query (a round trip on CloudBase), and a load
 * in this process is seen at once (`forgetCalendar`), in another within this time.
 */
export const CALENDAR_REREAD_MS = 5_000;

const kept = new WeakMap<Store, { at: number; calendar: WorkCalendar }>();

/**
 * R-TIME-1, R-TIME-3: the working-day calendar a request or a job counts on: `base` (the bundled
 * data) while no year is loaded, else the bundled data with the loaded years in place of theirs.
 * `now` (the request's instant, in ms) lets a process reuse what it read within CALENDAR_REREAD_MS.
 */
export async function calendarFor(store: Store, base: WorkCalendar, now?: number): Promise<WorkCalendar> {
  const known = now === undefined ? undefined : kept.get(store);
  if (known && now !== undefined && Math.abs(now - known.at) < CALENDAR_REREAD_MS) return known.calendar;
  const loaded = await store.listCalendarYears();
  const calendar = loaded.length === 0 ? base : calendarWithYears(BUNDLED_HOLIDAYS, loaded);
  if (now !== undefined) kept.set(store, { at: now, calendar });
  return calendar;
}

/** After a load in this process: the next request reads the years again. */
export function forgetCalendar(store: Store): void {
  kept.delete(store);
}
