import type { AuditDraft, StoredCalendarYear } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { COLLECTIONS } from './collections';
import { queryAll, type Doc } from './doc-db';

function calendarYearOf(doc: Doc): StoredCalendarYear {
  return {
    year: doc.year as number,
    holidays: [...(doc.holidays as string[])],
    workdays: [...(doc.workdays as string[])],
    note: doc.note as string,
    setAt: doc.setAt as string,
    setBy: doc.setBy as string,
  };
}

/** The years of the working-day calendar the city loaded: one document a year, `_id` = the year. */
export function cloudBaseCalendar(core: CloudBaseCore) {
  return {
    async listCalendarYears(): Promise<StoredCalendarYear[]> {
      return (await queryAll(core.db, COLLECTIONS.calendarYears, [{}], [['year', 'asc']])).map(calendarYearOf);
    },

    async saveCalendarYear(input: { year: StoredCalendarYear; audit: AuditDraft }): Promise<StoredCalendarYear> {
      const { year } = input;
      return core.transact(async (unit) => {
        const doc = unit.put(COLLECTIONS.calendarYears, String(year.year), { ...year, holidays: [...year.holidays], workdays: [...year.workdays] });
        await core.appendAudit(unit, input.audit);
        return calendarYearOf(doc);
      });
    },
  };
}
