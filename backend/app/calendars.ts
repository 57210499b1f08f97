import { calendarWithYears, BUNDLED_HOLIDAYS } from '../domain/calendar-years';
import type { WorkCalendar } from '../domain/calendar';
import type { Store } from './ports/store.port';

/**
 * R-TIME-1, R-TIME-3: the working-day calendar a request or a job counts on: `base` (the bundled
 * data) while no year is loaded, else the bundled data with the loaded years in place of theirs.
 * Read from the store each time, so that every process counts on a year from the moment the city
 * loads it (one small read: a handful of years at most).
 */
export async function calendarFor(store: Store, base: WorkCalendar): Promise<WorkCalendar> {
  const loaded = await store.listCalendarYears();
  return loaded.length === 0 ? base : calendarWithYears(BUNDLED_HOLIDAYS, loaded);
}
