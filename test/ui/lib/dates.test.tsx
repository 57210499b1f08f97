import { formatDate, formatDateRange, formatDateWithWeekday, formatInstant, shanghaiDateOf, weekdayOf } from '../../../src/lib/dates';

describe('dates on screen, the same in every time zone of the phone', () => {
  it('writes a calendar date in Chinese', () => {
    expect(formatDate('2026-09-22')).toBe('2026年9月22日');
  });

  it.each([
    ['2026-09-20', '周日'],
    ['2026-09-22', '周二'],
    ['2026-10-01', '周四'],
    ['2024-02-29', '周四'],
  ])('names the weekday of %s as %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('adds the weekday in brackets', () => {
    expect(formatDateWithWeekday('2026-09-22')).toBe('2026年9月22日（周二）');
  });

  it('takes the Shanghai calendar day of an instant, also just before and after midnight there', () => {
    expect(shanghaiDateOf('2026-09-21T15:59:59Z')).toBe('2026-09-21');
    expect(shanghaiDateOf('2026-09-21T16:00:00Z')).toBe('2026-09-22');
  });

  it('writes an instant in Shanghai time', () => {
    expect(formatInstant('2026-09-19T08:00:00Z')).toBe('2026年9月19日 16:00');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(weekdayOf('soon')).toBe('');
  });
});

describe('a window of dates', () => {
  it('writes the year once when both ends share it', () => {
    expect(formatDateRange('2026-11-26', '2026-12-01')).toBe('2026年11月26日 至 12月1日');
    expect(formatDateRange('2026-12-30', '2027-01-05')).toBe('2026年12月30日 至 2027年1月5日');
  });
});
