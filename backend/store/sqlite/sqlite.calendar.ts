import type { AuditDraft, StoredCalendarYear } from '../../app/ports/store.port';
import type { SqliteCore } from './sqlite.core';

interface CalendarRow {
  year: number;
  holidays: string;
  workdays: string;
  note: string;
  set_at: string;
  set_by: string;
}

function calendarYearOf(row: CalendarRow): StoredCalendarYear {
  return {
    year: row.year,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    note: row.note,
    setAt: row.set_at,
    setBy: row.set_by,
  };
}

/** The years of the working-day calendar the city loaded (migration 16). */
export function sqliteCalendar(core: SqliteCore) {
  const { db } = core;
  const statements = {
    all: db.prepare('SELECT * FROM calendar_years ORDER BY year'),
    one: db.prepare('SELECT * FROM calendar_years WHERE year = ?'),
    save: db.prepare(
      `INSERT INTO calendar_years (year, holidays, workdays, note, set_at, set_by)
       VALUES (@year, @holidays, @workdays, @note, @setAt, @setBy)
       ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, workdays = excluded.workdays,
         note = excluded.note, set_at = excluded.set_at, set_by = excluded.set_by`,
    ),
  };
  return {
    async listCalendarYears(): Promise<StoredCalendarYear[]> {
      return (statements.all.all() as CalendarRow[]).map(calendarYearOf);
    },

    async saveCalendarYear(input: { year: StoredCalendarYear; audit: AuditDraft }): Promise<StoredCalendarYear> {
      const { year } = input;
      return core.transaction(() => {
        statements.save.run({ ...year, holidays: JSON.stringify(year.holidays), workdays: JSON.stringify(year.workdays) });
        core.appendAudit(input.audit);
        return calendarYearOf(statements.one.get(year.year) as CalendarRow);
      });
    },
  };
}
