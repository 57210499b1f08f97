import { Text, View } from '@tarojs/components';
import { barPercent } from '../../lib/money';
import './Bars.css';

export interface BarSeries {
  key: string;
  label: string;
}

export interface BarGroup {
  key: string;
  label: string;
  /** One value per series key; `text` is how the value reads (¥… or a count). */
  values: Record<string, { value: number; text: string }>;
}

/**
 * A bar chart of plain Views — the width of each bar is its share of the largest value — so it
 * draws the same on weapp and H5 without a chart library. Each group is a name on its own line
 * with one bar per series under it; the value is written beside every bar, so the chart reads
 * without colours and in 大字模式 wraps instead of overflowing a 375-px phone.
 */
export function Bars({ groups, series, testId }: { groups: BarGroup[]; series: BarSeries[]; testId?: string }) {
  // One series: the group's name stands where a series label would, on the bar's own line.
  const single = series.length === 1;
  const max = Math.max(0, ...groups.flatMap((group) => series.map((each) => group.values[each.key]?.value ?? 0)));
  return (
    <View className='bars' data-testid={testId}>
      {!single ? (
        <View className='bars__legend' aria-hidden='true'>
          {series.map((each, index) => (
            <View key={each.key} className='bars__key'>
              <View className={`bars__swatch bars__fill--${index}`} />
              <Text>{each.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {groups.map((group) => (
        <View key={group.key} className={`bars__group${single ? ' bars__group--single' : ''}`} data-testid={testId ? `${testId}-${group.key}` : undefined}>
          {single ? null : <Text className='bars__name'>{group.label}</Text>}
          {series.map((each, index) => {
            const value = group.values[each.key] ?? { value: 0, text: '0' };
            const percent = barPercent(value.value, max);
            return (
              <View key={each.key} className='bars__row' aria-label={`${group.label} ${each.label} ${value.text}`}>
                <Text className={single ? 'bars__label bars__label--wide' : 'bars__label'}>{single ? group.label : each.label}</Text>
                <View className='bars__track'>
                  <View className={`bars__fill bars__fill--${single ? 1 : index}`} style={{ width: `${percent}%` }} />
                </View>
                <Text className='bars__value'>{value.text}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
