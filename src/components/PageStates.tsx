import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '../../types/api';
import './PageStates.css';

/** Grey placeholder rows shown while a page loads. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='skeleton__row' />
      ))}
    </View>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <View className='page-state'>
      <Text className='page-state__text'>{message}</Text>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <View className='page-state page-state--error' role='alert'>
      <Text className='page-state__text'>{error.message || '加载失败'}</Text>
      <Button className='page-state__retry' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
