import { Text, View } from '@tarojs/components';
import type { ApiError } from '../../types/api';
import { messageOf } from '../lib/labels';
import { Action } from './Action';
import './PageStates.css';

/** Grey placeholder rows shown while a page (or a part of it) loads. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label='加载中'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='skeleton__row' />
      ))}
    </View>
  );
}

/** Nothing to show yet, with an optional next step. */
export function EmptyState({ message, actionLabel, onAction }: { message: string; actionLabel?: string; onAction?: () => void }) {
  return (
    <View className='page-state'>
      <Text className='page-state__text'>{message}</Text>
      {actionLabel && onAction ? (
        <View className='page-state__action'>
          <Action variant='secondary' onClick={onAction}>
            {actionLabel}
          </Action>
        </View>
      ) : null}
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <View className='page-state page-state--error' role='alert'>
      <Text className='page-state__text'>{messageOf(error) || '加载失败'}</Text>
      <View className='page-state__action'>
        <Action onClick={onRetry}>重试</Action>
      </View>
    </View>
  );
}
