import { Text, View } from '@tarojs/components';
import type { ApiError } from '../../types/api';
import { messageOf } from '../lib/labels';
import { Action } from './Action';

/** The foot of a paged list: "load more" while there is a next page, its failure, or the end. */
export function LoadMore({
  hasMore,
  loading,
  error,
  onMore,
  endText = '没有更多了',
}: {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  onMore: () => void;
  endText?: string;
}) {
  return (
    <View className='load-more'>
      {error ? (
        <View className='load-more__error' role='alert'>
          {messageOf(error)}
        </View>
      ) : null}
      {hasMore ? (
        <Action variant='plain' block busy={loading} busyLabel='加载中…' onClick={onMore}>
          {error ? '重新加载' : '加载更多'}
        </Action>
      ) : (
        <Text className='load-more__end'>{endText}</Text>
      )}
    </View>
  );
}
