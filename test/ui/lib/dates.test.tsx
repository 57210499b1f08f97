import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  addDays,
  dateOfInput,
  formatDate,
  formatDateRange,
  formatDateWithWeekday,
  formatInstant,
  formatMonthDay,
  shanghaiDateOf,
  weekdayOf,
} from '../../../src/lib/dates';

describe('dates on screen', () => {
  it('writes a calendar date in Chinese', () => {
    expect(formatDate('2026-09-22')).toBe('2026年9月22日');
    expect(formatMonthDay('2026-09-02')).toBe('9月2日');
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
    expect(shanghaiDateOf(Date.UTC(2026, 11, 31, 16))).toBe('2027-01-01');
  });

  it('writes an instant in Shanghai time', () => {
    expect(formatInstant('2026-09-19T08:00:00Z')).toBe('2026年9月19日 16:00');
    expect(formatInstant('2026-09-19T08:00:00+08:00')).toBe('2026年9月19日 08:00');
  });

  it('leaves text that is not a date as it is, and a day that does not exist too', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(weekdayOf('soon')).toBe('');
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
    expect(formatDateWithWeekday('2026-13-01')).toBe('2026-13-01');
    expect(shanghaiDateOf('soon')).toBe('');
    expect(formatInstant('soon')).toBe('soon');
  });
});

describe('a window of dates', () => {
  it('writes the year once when both ends share it', () => {
    expect(formatDateRange('2026-11-26', '2026-12-01')).toBe('2026年11月26日 至 12月1日');
    expect(formatDateRange('2026-12-30', '2027-01-05')).toBe('2026年12月30日 至 2027年1月5日');
  });
});

describe('calendar days for the date fields', () => {
  it('counts calendar days across a month, a leap day and a year', () => {
    expect(addDays('2026-09-14', 4)).toBe('2026-09-18');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('takes what the date picker gave as YYYY-MM-DD, and refuses what is not a real day', () => {
    expect(dateOfInput('2026-09-22')).toBe('2026-09-22');
    expect(dateOfInput(' 2026-09-22 ')).toBe('2026-09-22');
    expect(dateOfInput('2026-02-30')).toBeNull();
    expect(dateOfInput('2026/09/22')).toBeNull();
    expect(dateOfInput(['2026', '09', '22'])).toBeNull();
  });
});

describe('the same in every time zone of the phone', () => {
  const root = path.resolve(__dirname, '../../..');

  /** The sample of dates-sample.ts written by a process whose time zone is `zone`. */
  function sampleIn(zone: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(__dirname, 'dates-sample.ts')], { cwd: root, env: { ...process.env, TZ: zone } });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}`))));
    });
  }

  it('writes and reads dates alike in Shanghai, Los Angeles and Kiritimati (UTC+14)', async () => {
    const expected = {
      date: '2026年3月8日',
      monthDay: '12月31日',
      weekday: '周日',
      range: '2026年12月30日 至 2027年1月5日',
      justBeforeMidnight: '2026-03-07',
      atMidnight: '2026-03-08',
      instant: '2026年11月1日 17:30',
      nextYear: '2027-01-01',
      input: '2026-03-08',
    };
    const samples = await Promise.all(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map(sampleIn));
    expect(samples).toEqual([expected, expected, expected]);
  }, 60_000);
});
