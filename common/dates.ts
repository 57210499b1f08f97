/**
 * Dates as people read them: `2026-12-05` → `12月5日` (the year added when asked). Messages from
 * the server and labels on the pages both use this, so that no screen shows an ISO date.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `12月5日`, or `2026年12月5日` with the year; any other text is returned as it is. */
export function dayLabel(date: string, withYear = false): string {
  const match = DATE.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  return `${withYear ? `${Number(year)}年` : ''}${Number(month)}月${Number(day)}日`;
}

/** Every `YYYY-MM-DD` inside a text rewritten as `12月5日` (for server messages shown as they are). */
export function humanizeDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole) => dayLabel(whole));
}
