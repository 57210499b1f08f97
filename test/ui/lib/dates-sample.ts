import { addDays, dateOfInput, formatDate, formatDateRange, formatInstant, formatMonthDay, shanghaiDateOf, weekdayOf } from '../../../src/lib/dates';

// Run as a child process under a chosen TZ by dates.test.tsx: it prints what the date helpers
// write for a fixed sample, which must not depend on the process time zone.
const sample = {
  date: formatDate('2026-03-08'),
  monthDay: formatMonthDay('2026-12-31'),
  weekday: weekdayOf('2026-03-08'),
  range: formatDateRange('2026-12-30', '2027-01-05'),
  justBeforeMidnight: shanghaiDateOf('2026-03-07T15:59:59Z'),
  atMidnight: shanghaiDateOf('2026-03-07T16:00:00Z'),
  instant: formatInstant('2026-11-01T09:30:00Z'),
  nextYear: addDays('2026-12-31', 1),
  input: dateOfInput('2026-03-08'),
};
process.stdout.write(JSON.stringify(sample));
