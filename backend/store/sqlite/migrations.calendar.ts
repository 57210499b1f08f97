import type { Migration } from './migrations';

/** Issue 16: the working-day calendar as data, version 16. Never edited once landed. */
export const CALENDAR_MIGRATIONS: Migration[] = [
  {
    version: 16,
    name: 'calendar-years',
    // The State Council's holiday schedule of a year, as the city loaded it (calendar.set): it
    // replaces the bundled days of that year. Days are JSON arrays of YYYY-MM-DD.
    sql: `
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
        holidays TEXT NOT NULL,
        workdays TEXT NOT NULL,
        note TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL
      );
    `,
  },
];
