import { Text } from '@tarojs/components';
import { formatDateRange } from '../lib/dates';

/** `2026年10月19日 至 10月22日`, breaking a line only between the dates, never inside one. */
export function DateRange({ from, to }: { from: string; to: string }) {
  const [start, end] = formatDateRange(from, to).split(' 至 ');
  return (
    <Text>
      <Text className='nowrap'>{start}</Text> 至 <Text className='nowrap'>{end}</Text>
    </Text>
  );
}
