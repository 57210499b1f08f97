/**
 * Reads the dates of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知)
 * as pasted into the calendar page: "二、春节：2月6日（农历除夕）至12日（农历正月初六）放假调休，
 * 共7天。2月14日（周日）上班。" A part that says 放假 gives a day or a range of days off; a part
 * that says 上班 gives the make-up working days it lists. Dates typed as 2027-02-14 count too.
 */
export interface NoticeDays {
  holidays: string[];
  workdays: string[];
}

const pad = (value: number) => String(value).padStart(2, '0');

function dateOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const ISO = /(\d{4})-(\d{2})-(\d{2})/g;
const RANGE = /(\d{1,2})月(\d{1,2})日(?:[（(][^）)]*[）)])?\s*(?:至|到|—|-|~)\s*(?:(\d{1,2})月)?(\d{1,2})日/;
const DAY = /(\d{1,2})月(\d{1,2})日/g;

function rangeDays(year: number, from: string, to: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let time = start; time <= end && days.length < 40; time += 86_400_000) days.push(new Date(time).toISOString().slice(0, 10));
  return days.filter((day) => day.startsWith(`${year}-`));
}

export function parseHolidayNotice(text: string, year: number): NoticeDays {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const part of text.split(/[。；;，,\n]/)) {
    const isWork = part.includes('上班');
    const isOff = part.includes('放假') || part.includes('休息');
    for (const match of part.matchAll(ISO)) {
      const date = dateOf(Number(match[1]), Number(match[2]), Number(match[3]));
      if (date && Number(match[1]) === year) (isWork ? workdays : holidays).add(date);
    }
    if (isWork) {
      for (const match of part.matchAll(DAY)) {
        const date = dateOf(year, Number(match[1]), Number(match[2]));
        if (date) workdays.add(date);
      }
    } else if (isOff) {
      const range = RANGE.exec(part);
      if (range) {
        const from = dateOf(year, Number(range[1]), Number(range[2]));
        const to = dateOf(year, Number(range[3] ?? range[1]), Number(range[4]));
        if (from && to) rangeDays(year, from, to).forEach((day) => holidays.add(day));
      } else {
        for (const match of part.matchAll(DAY)) {
          const date = dateOf(year, Number(match[1]), Number(match[2]));
          if (date) holidays.add(date);
        }
      }
    }
  }
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
