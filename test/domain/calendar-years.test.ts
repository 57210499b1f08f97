import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dayLabel, humanizeDates } from '../../common/dates';
import { defaultCalendar } from '../../backend/domain/calendar';
import {
  calendarWithYears,
  calendarYearOf,
  checkCalendarYear,
  deadlineChanges,
  recomputedRecord,
  type LoadedYear,
} from '../../backend/domain/calendar-years';
import { reviewDueOn } from '../../backend/domain/deadlines';
import { buildProposal } from './factories';

/** A 2027 schedule for the tests (New Year's Day on Friday 1 Jan; Spring Festival 6–12 Feb; make-up Sunday 14 Feb). */
const YEAR_2027: LoadedYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-14'],
};

describe('R-TIME-1, R-TIME-3: the working-day calendar as data', () => {
  const loaded = calendarWithYears(chineseDays, [YEAR_2027]);

  it('R-TIME-3: a year the bundled data does not know is counted on weekdays and provisional, until it is loaded', () => {
    expect(reviewDueOn('2026-12-28', calendarWithYears(chineseDays, []))).toEqual({ on: '2027-01-18', provisional: true });
    expect(reviewDueOn('2026-12-28', loaded)).toEqual({ on: '2027-01-19', provisional: false });
  });

  it('R-TIME-1: a loaded make-up Sunday is a working day and a loaded holiday is not', () => {
    expect(loaded.isWorkingDay('2027-02-14')).toBe(true);
    expect(loaded.isWorkingDay('2027-02-10')).toBe(false);
    expect(loaded.isWorkingDay('2027-02-15')).toBe(true);
  });

  it('R-TIME-1: a loaded year replaces the bundled days of that year, and leaves the other years alone', () => {
    const replaced = calendarWithYears(chineseDays, [{ year: 2026, holidays: ['2026-01-01'], workdays: [] }]);
    expect(replaced.isWorkingDay('2026-10-01')).toBe(true);
    expect(defaultCalendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(replaced.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('R-TIME-3: calendar.get tells where a year comes from: bundled, loaded or none (provisional)', () => {
    const bundled = calendarYearOf(chineseDays, [], 2026);
    expect(bundled).toMatchObject({ year: 2026, source: 'bundled', provisional: false });
    expect(bundled.holidays).toContain('2026-10-01');
    expect(bundled.workdays).toContain('2026-10-10');
    expect(bundled.holidays.every((day) => day.startsWith('2026-'))).toBe(true);
    expect(calendarYearOf(chineseDays, [], 2027)).toEqual({ year: 2027, holidays: [], workdays: [], source: 'none', provisional: true });
    expect(calendarYearOf(chineseDays, [YEAR_2027], 2027)).toEqual({ ...YEAR_2027, source: 'loaded', provisional: false });
  });
});

describe('R-TIME-1: a schedule the city may load', () => {
  it('R-TIME-1: a sound schedule is kept with duplicates dropped and days sorted', () => {
    expect(checkCalendarYear({ year: 2027, holidays: ['2027-02-07', '2027-01-01', '2027-01-01'], workdays: ['2027-02-14'] })).toEqual({
      ok: true,
      value: { year: 2027, holidays: ['2027-01-01', '2027-02-07'], workdays: ['2027-02-14'] },
    });
  });

  test.each([
    [{ holidays: ['2026-12-31'], workdays: [] }, 'holidays', '2026年12月31日不是 2027 年的日期'],
    [{ holidays: ['2027-02-30'], workdays: [] }, 'holidays', '不是 2027 年的日期'],
    [{ holidays: ['2027-01-01'], workdays: ['2028-01-01'] }, 'workdays', '不是 2027 年的日期'],
    [{ holidays: [], workdays: [] }, 'holidays', '元旦'],
    [{ holidays: ['2027-01-01'], workdays: ['2027-01-04'] }, 'workdays', '1月4日本来就是工作日'],
    [{ holidays: ['2027-01-01', '2027-02-14'], workdays: ['2027-02-14'] }, 'workdays', '2月14日不能既放假又上班'],
  ])('R-TIME-1: %j is refused on %s (%s)', (days, field, message) => {
    const checked = checkCalendarYear({ year: 2027, ...days });
    expect(checked).toEqual({ ok: false, error: { code: 'invalid_input', field, message: expect.stringContaining(message) } });
  });
});

describe('R-TIME-3: open deadlines when a year is loaded', () => {
  const before = calendarWithYears(chineseDays, []);
  const after = calendarWithYears(chineseDays, [YEAR_2027]);

  it('R-REV-1, R-TIME-3: a review received on 28 Dec 2026 moves from a provisional 18 Jan to a certain 19 Jan', () => {
    const record = buildProposal({ state: 'street_review', submittedToStreetOn: '2026-12-28' });
    expect(deadlineChanges(record, before, after)).toEqual([
      { name: 'reviewDueOn', from: { on: '2027-01-18', provisional: true }, to: { on: '2027-01-19', provisional: false } },
    ]);
  });

  it('R-PUB-1, R-TIME-3: a provisional publicity window is recounted on the loaded year', () => {
    const record = buildProposal({ state: 'publicity' });
    record.publicity = { ...record.publicity!, publishedOn: '2026-12-30', endsOn: { on: '2027-01-04', provisional: true } };
    expect(recomputedRecord(record, after).publicity!.endsOn).toEqual({ on: '2027-01-05', provisional: false });
    expect(deadlineChanges(record, before, after)).toEqual([
      { name: 'publicityEndsOn', from: { on: '2027-01-04', provisional: true }, to: { on: '2027-01-05', provisional: false } },
    ]);
  });

  it('R-PUB-1: a window counted on known days never moves, nor does a record in another state', () => {
    const standing = buildProposal({ state: 'publicity' });
    expect(recomputedRecord(standing, after)).toBe(standing);
    const done = buildProposal({ state: 'completed' });
    expect(recomputedRecord(done, after)).toBe(done);
    expect(deadlineChanges(done, before, after)).toEqual([]);
  });

  it('R-IMP-4: a deadline that no loaded day touches does not change', () => {
    expect(deadlineChanges(buildProposal({ state: 'implementing' }), before, after)).toEqual([]);
  });
});

describe('dates on screen and in messages', () => {
  it('writes 12月5日, with the year when asked, and leaves other text alone', () => {
    expect(dayLabel('2026-12-05')).toBe('12月5日');
    expect(dayLabel('2027-01-19', true)).toBe('2027年1月19日');
    expect(dayLabel('明天')).toBe('明天');
    expect(humanizeDates('会议须在 2026-12-10 之后')).toBe('会议须在 12月10日 之后');
  });
});
