import {
  addCalendarMonths,
  addDays,
  compareDates,
  dateOfDayNumber,
  dayNumberOf,
  daysBetween,
  daysInMonth,
  defaultCalendar,
  isDateString,
  loadWorkCalendar,
  partsOf,
  shanghaiDateOf,
  WorkCalendar,
  weekdayOf,
} from '../../backend/domain/calendar';

describe('dates as YYYY-MM-DD strings', () => {
  test.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    ['', false],
    [20260105, false],
    [null, false],
  ])('%p is a real date: %p', (value, expected) => {
    expect(isDateString(value)).toBe(expected);
  });

  it('refuses to compute with a string that is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => partsOf('tomorrow')).toThrow(RangeError);
  });

  test.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['2026-09-18', 20_714],
    ['0001-01-01', -719_162],
  ])('%s is day number %i since 1970-01-01, and back', (date, dayNumber) => {
    expect(dayNumberOf(date)).toBe(dayNumber);
    expect(dateOfDayNumber(dayNumber)).toBe(date);
  });

  test.each([
    ['2026-09-18', 5],
    ['2026-09-20', 0],
    ['2026-02-14', 6],
    ['1970-01-01', 4],
    ['1969-12-28', 0],
    ['1969-12-27', 6],
  ])('%s falls on weekday %i (0 = Sunday)', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  test.each([
    ['2026-04-02', '2026-04-03', -1],
    ['2026-04-03', '2026-04-03', 0],
    ['2027-01-01', '2026-12-31', 1],
  ])('comparing %s with %s gives %i', (a, b, sign) => {
    expect(compareDates(a, b)).toBe(sign);
  });

  test.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-07-31', 6, '2027-01-31'],
  ])('R-TIME-2: %s plus %i calendar months is %s (the month’s last day where there is no same-numbered day)', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('R-TIME-1: instants become Asia/Shanghai dates without the process time zone', () => {
  test.each([
    ['2026-09-30T15:59:59Z', '2026-09-30', '23:59:59 in Shanghai is still 30 Sep'],
    ['2026-09-30T16:00:00Z', '2026-10-01', '00:00:00 in Shanghai is already 1 Oct'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01', 'milliseconds do not matter'],
    ['2026-09-30T23:59:59+08:00', '2026-09-30', 'an instant written in Shanghai time'],
    ['2026-10-01T00:00:00+08:00', '2026-10-01', 'midnight written in Shanghai time'],
    ['2026-09-30T08:59:59-07:00', '2026-09-30', 'an instant written in Los Angeles summer time (15:59:59Z)'],
    ['2026-09-30T09:00-0700', '2026-10-01', 'a compact offset without seconds (16:00Z)'],
    ['2026-12-31T16:00:00Z', '2027-01-01', 'the new year starts 8 hours before it does in UTC'],
  ])('R-TIME-1: %s is %s (%s)', (instant, date) => {
    expect(shanghaiDateOf(instant)).toBe(date);
  });

  test.each([
    [Date.UTC(2026, 8, 30, 15, 59, 59, 999), '2026-09-30'],
    [Date.UTC(2026, 8, 30, 16, 0, 0, 0), '2026-10-01'],
    [-1, '1970-01-01'],
    [-8 * 3_600_000 - 1, '1969-12-31'],
  ])('R-TIME-1: epoch milliseconds %i is %s in Shanghai', (instant, date) => {
    expect(shanghaiDateOf(instant)).toBe(date);
  });

  test.each([
    ['2026-09-30T16:00:00', 'no offset: JavaScript would read it in the process time zone'],
    ['2026-02-30T00:00:00Z', 'no such day'],
    ['2026-09-30T24:00:00Z', 'hour 24'],
    ['2026-09-30', 'a date is not an instant'],
    ['yesterday', 'not ISO 8601'],
  ])('R-TIME-1: refuses %s (%s)', (instant) => {
    expect(() => shanghaiDateOf(instant)).toThrow(RangeError);
  });

  test.each([[1.5], [Number.NaN], [Number.MAX_VALUE]])('refuses %p as epoch milliseconds', (instant) => {
    expect(() => shanghaiDateOf(instant)).toThrow(RangeError);
  });
});

describe('R-TIME-1: working days per the State Council schedule', () => {
  test.each([
    ['2026-09-18', true, 'a plain Friday'],
    ['2026-09-19', false, 'a plain Saturday'],
    ['2026-09-20', true, 'Sunday 20 Sep 2026 is a make-up workday for National Day'],
    ['2026-02-14', true, 'Saturday 14 Feb 2026 is a make-up workday for Spring Festival'],
    ['2026-02-16', false, 'Monday 16 Feb 2026 is Spring Festival'],
    ['2026-04-06', false, 'Monday 6 Apr 2026 is Qingming'],
    ['2026-06-19', false, 'Friday 19 Jun 2026 is Dragon Boat'],
    ['2026-09-25', false, 'Friday 25 Sep 2026 is Mid-Autumn'],
    ['2026-10-07', false, 'Wednesday 7 Oct 2026 is National Day'],
    ['2026-10-10', true, 'Saturday 10 Oct 2026 is a make-up workday'],
    ['2025-10-06', false, 'Monday 6 Oct 2025 is Mid-Autumn inside National Day'],
    ['2025-09-28', true, 'Sunday 28 Sep 2025 is a make-up workday'],
  ])('R-TIME-1: %s is a working day: %p (%s)', (date, working) => {
    expect(defaultCalendar.isWorkingDay(date)).toBe(working);
    expect(defaultCalendar.dayInfo(date)).toEqual({ working, provisional: false });
  });

  test.each([
    [2004, true],
    [2025, true],
    [2026, true],
    [2003, false],
    [2027, false],
  ])('R-TIME-3: the shipped holiday data covers %i: %p', (year, covered) => {
    expect(defaultCalendar.covers(year)).toBe(covered);
  });

  test.each([
    ['2027-01-01', true, 'a Friday; New Year of 2027 is not known yet, so Monday–Friday is the guess'],
    ['2027-01-02', false, 'a Saturday'],
  ])('R-TIME-3: in an uncovered year %s is a working day: %p, provisionally (%s)', (date, working) => {
    expect(defaultCalendar.dayInfo(date)).toEqual({ working, provisional: true });
  });

  it('R-TIME-1: a calendar built from other holiday data follows that data', () => {
    const calendar = new WorkCalendar({ holidays: { '2030-01-01': 'New Year' }, workdays: { '2030-01-05': 'make-up' } });
    expect(calendar.covers(2030)).toBe(true);
    expect(calendar.covers(2026)).toBe(false);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true);
    expect(calendar.addWorkingDays('2029-12-31', 1)).toEqual({ on: '2030-01-02', provisional: false });
  });

  it('loadWorkCalendar builds a fresh calendar from the shipped data', () => {
    const calendar = loadWorkCalendar();
    expect(calendar).not.toBe(defaultCalendar);
    expect(calendar.addWorkingDays('2026-09-18', 3)).toEqual(defaultCalendar.addWorkingDays('2026-09-18', 3));
  });
});

describe('R-TIME-2: N working days — the start day is not counted; the period ends on the N-th working day after it', () => {
  test.each([
    ['2026-09-18', 3, '2026-09-22', 'published on Friday 18 Sep 2026, the window ends on Tue 22 Sep (Sun 20 Sep is a make-up workday)'],
    ['2026-02-13', 1, '2026-02-14', 'Friday 13 Feb 2026 plus 1 is the make-up Saturday 14 Feb'],
    ['2026-02-13', 3, '2026-02-25', 'a window crossing Spring Festival 2026 (15–23 Feb) ends Wed 25 Feb'],
    ['2025-01-24', 3, '2025-02-05', 'a window crossing Spring Festival 2025 (make-up Sun 26 Jan, 28 Jan–4 Feb off) ends Wed 5 Feb'],
    ['2026-04-03', 1, '2026-04-07', 'crossing Qingming 2026 (4–6 Apr) ends Tue 7 Apr'],
    ['2026-06-18', 1, '2026-06-22', 'crossing Dragon Boat 2026 (19–21 Jun) ends Mon 22 Jun'],
    ['2025-05-30', 1, '2025-06-03', 'crossing Dragon Boat 2025 (31 May–2 Jun) ends Tue 3 Jun'],
    ['2026-09-24', 1, '2026-09-28', 'crossing Mid-Autumn 2026 (25–27 Sep) ends Mon 28 Sep'],
    ['2026-09-30', 3, '2026-10-10', 'crossing National Day 2026 (1–7 Oct) ends on the make-up Saturday 10 Oct'],
    ['2025-09-30', 3, '2025-10-11', 'crossing National Day and Mid-Autumn 2025 (1–8 Oct) ends on the make-up Saturday 11 Oct'],
    ['2025-09-26', 1, '2025-09-28', 'Friday 26 Sep 2025 plus 1 is the make-up Sunday 28 Sep'],
    ['2025-12-31', 1, '2026-01-04', 'across New Year 2026 (1–3 Jan off) to the make-up Sunday 4 Jan'],
    ['2026-03-13', 15, '2026-04-03', 'fifteen working days from Friday 13 Mar 2026 end Friday 3 Apr'],
    ['2026-09-19', 1, '2026-09-20', 'a count starting on a Saturday is not counted from the Saturday'],
  ])('R-TIME-2: %s plus %i working days ends on %s: %s', (start, count, on) => {
    expect(defaultCalendar.addWorkingDays(start, count)).toEqual({ on, provisional: false });
  });

  test.each([
    ['2026-12-28', 15, '2027-01-18', 'fifteen working days from 28 Dec 2026 reach into 2027'],
    ['2026-12-31', 1, '2027-01-01', 'one working day from New Year’s Eve 2026 lands on 1 Jan 2027, a guess'],
  ])('R-TIME-3: %s plus %i working days is %s, provisional (%s)', (start, count, on) => {
    expect(defaultCalendar.addWorkingDays(start, count)).toEqual({ on, provisional: true });
  });

  it('R-TIME-3: a count inside a known year stays exact even next to an unknown one', () => {
    expect(defaultCalendar.addWorkingDays('2026-12-30', 1)).toEqual({ on: '2026-12-31', provisional: false });
  });

  test.each([[0], [-1], [1.5], [Number.NaN]])('refuses %p as a count of working days', (count) => {
    expect(() => defaultCalendar.addWorkingDays('2026-09-18', count)).toThrow(RangeError);
  });
});

describe('R-TIME-2: N months — the same-numbered day of the N-th month after, else its last day; moved off rest days', () => {
  test.each([
    ['2025-01-31', 1, '2025-02-28', '31 Jan 2025 + 1 month is Fri 28 Feb, a working day'],
    ['2021-01-31', 1, '2021-03-01', '31 Jan 2021 + 1 month is Sun 28 Feb, moved to Mon 1 Mar'],
    ['2026-01-31', 1, '2026-02-28', '31 Jan 2026 + 1 month is Sat 28 Feb, a make-up workday, so it stays'],
    ['2026-04-09', 1, '2026-05-09', 'lands on Sat 9 May 2026, a make-up workday, so it stays'],
    ['2026-09-01', 1, '2026-10-08', 'lands on 1 Oct 2026, National Day, moved to Thu 8 Oct'],
    ['2025-12-20', 6, '2026-06-22', 'lands on Sat 20 Jun 2026, Dragon Boat, moved to Mon 22 Jun'],
    ['2026-04-07', 1, '2026-05-07', 'lands on Thu 7 May 2026, a plain working day'],
  ])('R-TIME-2: %s plus %i months ends on %s: %s', (start, count, on) => {
    expect(defaultCalendar.addMonths(start, count)).toEqual({ on, provisional: false });
  });

  test.each([
    ['2026-07-31', 6, '2027-02-01', 'Sun 31 Jan 2027 moved to Mon 1 Feb, guessed'],
    ['2026-12-15', 1, '2027-01-15', 'Fri 15 Jan 2027, guessed'],
  ])('R-TIME-3: %s plus %i months is %s, provisional (%s)', (start, count, on) => {
    expect(defaultCalendar.addMonths(start, count)).toEqual({ on, provisional: true });
  });

  it('R-TIME-3: a move off a rest day into an unknown year is provisional', () => {
    const calendar = new WorkCalendar({ holidays: { '2030-12-31': 'test' }, workdays: {} });
    expect(calendar.onOrAfterWorkingDay('2030-12-31')).toEqual({ on: '2031-01-01', provisional: true });
  });

  test.each([[0], [-2], [0.5]])('refuses %p as a count of months', (count) => {
    expect(() => defaultCalendar.addMonths('2026-01-31', count)).toThrow(RangeError);
  });
});

describe('working days left ("还剩 N 个工作日")', () => {
  test.each([
    ['2026-09-18', '2026-09-22', 3, 'Sun 20 Sep (make-up), Mon 21 and Tue 22 remain'],
    ['2026-09-30', '2026-10-10', 3, 'only 8, 9 and the make-up 10 Oct remain across National Day'],
    ['2026-09-22', '2026-09-22', 0, 'on the last day itself none remain after today'],
    ['2026-09-25', '2026-09-22', 0, 'after the deadline none remain'],
  ])('from %s to %s: %i (%s)', (today, deadlineOn, left) => {
    expect(defaultCalendar.workingDaysLeft(today, deadlineOn)).toBe(left);
  });
});
