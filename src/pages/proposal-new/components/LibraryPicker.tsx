import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../../common/glossary';
import type { LibraryEntry } from '../../../../types/api';
import { listLibrary } from '../../../api';
import { LoadMore } from '../../../components/LoadMore';
import { ErrorState, Skeleton } from '../../../components/PageStates';
import { useCallback } from 'react';
import { usePaged } from '../../../lib/use-answer';

/** Entries of the project library usable in the community (R-SUP-3) to start a proposal from; one is picked. */
export function LibraryPicker({
  communityId,
  selected,
  onPick,
}: {
  communityId?: string;
  selected: LibraryEntry | null;
  onPick: (entry: LibraryEntry) => void;
}) {
  const loadPage = useCallback((cursor?: string) => listLibrary(cursor, communityId), [communityId]);
  const list = usePaged(loadPage);
  if (list.state.status === 'loading') return <Skeleton rows={2} />;
  if (list.state.status === 'error') return <ErrorState error={list.state.error} onRetry={() => void list.reload()} />;
  if (list.state.data.items.length === 0) return <Text className='muted block'>项目库里还没有项目</Text>;
  return (
    <View className='library' role='radiogroup' aria-label='项目库'>
      {list.state.data.items.map((entry) => (
        <View
          key={entry.id}
          className={`library__entry${selected?.id === entry.id ? ' library__entry--on' : ''}`}
          role='radio'
          aria-checked={selected?.id === entry.id}
          onClick={() => onPick(entry)}
        >
          <Text className='library__title'>{entry.title}</Text>
          <Text className='library__meta'>{CATEGORY_LABELS[entry.category]}</Text>
          <Text className='library__plan'>{entry.plan}</Text>
        </View>
      ))}
      {list.state.data.nextCursor ? (
        <LoadMore hasMore loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
      ) : null}
    </View>
  );
}
