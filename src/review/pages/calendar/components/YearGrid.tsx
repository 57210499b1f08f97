import { Text, View } from '@tarojs/components';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** The cells of one month, Monday first: blanks before the 1st, then each day. */
function cellsOf(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  return cells;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The year on month calendars: days off 休 in red, make-up working days 班 in orange, other
 * weekends grey — what the schedule will mean before it is saved.
 */
export function YearGrid({ year, holidays, workdays, months }: { year: number; holidays: string[]; workdays: string[]; months?: number[] }) {
  const off = new Set(holidays);
  const work = new Set(workdays);
  const shown = months ?? Array.from({ length: 12 }, (_, index) => index + 1);
  return (
    <View className='year-grid' data-testid='year-grid'>
      <View className='year-grid__legend'>
        <Text className='year-grid__key year-grid__day--off'>休</Text>
        <Text className='small'>放假</Text>
        <Text className='year-grid__key year-grid__day--work'>班</Text>
        <Text className='small'>调休上班</Text>
        <Text className='year-grid__key year-grid__day--weekend'>六</Text>
        <Text className='small'>周末</Text>
      </View>
      {shown.map((month) => (
        <View key={month} className='year-grid__month' data-testid={`month-${month}`}>
          <Text className='year-grid__title'>{month}月</Text>
          <View className='year-grid__week'>
            {WEEK.map((name) => (
              <Text key={name} className='year-grid__head'>
                {name}
              </Text>
            ))}
            {cellsOf(year, month).map((date, index) => {
              if (!date) return <Text key={`blank-${index}`} className='year-grid__day' />;
              const kind = off.has(date) ? 'off' : work.has(date) ? 'work' : isWeekend(date) ? 'weekend' : 'plain';
              return (
                <View key={date} className={`year-grid__day year-grid__day--${kind}`} aria-label={date}>
                  <Text>{Number(date.slice(8))}</Text>
                  {kind === 'off' ? <Text className='year-grid__mark'>休</Text> : kind === 'work' ? <Text className='year-grid__mark'>班</Text> : null}
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
