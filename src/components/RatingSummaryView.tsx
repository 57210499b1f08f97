import { Text, View } from '@tarojs/components';
import type { RatingSummary } from '../../types/api';
import { barPercent } from '../lib/money';
import { StarsDisplay } from './Stars';
import './RatingSummaryView.css';

const ROWS = ['5', '4', '3', '2', '1'] as const;

/** The residents' ratings of a project: average, count, and how many gave each number of stars. */
export function RatingSummaryView({ summary }: { summary: RatingSummary }) {
  if (summary.count === 0) {
    return <Text className='muted block'>还没有居民评价</Text>;
  }
  return (
    <View className='rating-summary' data-testid='rating-summary'>
      <View className='rating-summary__head'>
        <Text className='rating-summary__average'>{summary.average.toFixed(1)}</Text>
        <View className='rating-summary__side'>
          <StarsDisplay average={summary.average} />
          <Text className='block muted small' data-testid='rating-count'>
            {summary.count} 位居民评价
          </Text>
        </View>
      </View>
      {ROWS.map((stars) => (
        <View key={stars} className='rating-summary__row' aria-label={`${stars} 星 ${summary.histogram[stars]} 人`}>
          <Text className='rating-summary__label'>{stars} 星</Text>
          <View className='rating-summary__track'>
            <View className='rating-summary__fill' style={{ width: `${barPercent(summary.histogram[stars], summary.count)}%` }} />
          </View>
          <Text className='rating-summary__count'>{summary.histogram[stars]}</Text>
        </View>
      ))}
    </View>
  );
}
