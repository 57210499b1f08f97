import type { DateString } from '../../../types/domain';
import type { AuditDraft } from './store.port';

/** A year's holiday schedule as the city loaded it (issue 16). */
export interface StoredCalendarYear {
  year: number;
  holidays: DateString[];
  workdays: DateString[];
  note: string;
  setAt: string;
  setBy: string;
}

/** The Store's part for the working-day calendar (issue 16): the years the city loaded (calendar.set). */
export interface CalendarStore {
  /** Every loaded year, oldest first. */
  listCalendarYears(): Promise<StoredCalendarYear[]>;
  /** Saves (or replaces) a year's schedule with its audit entry. */
  saveCalendarYear(input: { year: StoredCalendarYear; audit: AuditDraft }): Promise<StoredCalendarYear>;
}
