import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { NotificationView } from '../../../types/api';
import { listNotifications, readNotifications } from '../../api';
import { Action } from '../../components/Action';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { formatInstant } from '../../lib/dates';
import { showUnreadBadge } from '../../lib/inbox-badge';
import { openProposal } from '../../lib/navigation';
import { usePaged } from '../../lib/use-answer';
import './index.css';

/**
 * 消息: the inbox, for residents and staff alike — what the server told me (my proposals'
 * progress, answers to my comments, ratings opening in my community; for staff the work that
 * waits), newest first. Tapping an item marks it read and opens its proposal; the unread count is
 * also the 消息 tab's badge.
 */
export default function InboxPage() {
  const [unread, setUnread] = useState(0);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [allReadBefore, setAllReadBefore] = useState<string | null>(null);
  const [markingAll, setMarkingAll] = useState(false);
  const loadPage = useCallback(async (cursor?: string) => {
    const answer = await listNotifications(cursor);
    if (answer.ok) {
      setUnread(answer.data.unread);
      void showUnreadBadge(answer.data.unread);
      if (!cursor) {
        setReadIds(new Set());
        setAllReadBefore(null);
      }
    }
    return answer;
  }, []);
  const list = usePaged<NotificationView>(loadPage);

  const isRead = (item: NotificationView) => item.read || readIds.has(item.id) || (allReadBefore !== null && item.at <= allReadBefore);

  const settle = (left: number) => {
    setUnread(left);
    void showUnreadBadge(left);
  };

  const open = (item: NotificationView) => {
    if (!isRead(item)) {
      setReadIds((ids) => new Set([...ids, item.id]));
      void readNotifications({ ids: [item.id] }).then((answer) => answer.ok && settle(answer.data.unread));
    }
    if (item.proposalId) openProposal(item.proposalId);
  };

  const readAll = async () => {
    const newest = list.state.status === 'ready' ? list.state.data.items[0]?.at : undefined;
    setMarkingAll(true);
    const answer = await readNotifications({ all: true });
    setMarkingAll(false);
    if (!answer.ok) return;
    setAllReadBefore(newest ?? new Date().toISOString());
    settle(answer.data.unread);
  };

  return (
    <PageShell>
      <View className='inbox'>
        {list.state.status === 'loading' && <Skeleton rows={4} />}
        {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
        {list.state.status === 'ready' &&
          (list.state.data.items.length === 0 ? (
            <EmptyState message='还没有消息。项目有进展、意见有回复或有待办事项时，会在这里告诉您。' />
          ) : (
            <View>
              <View className='inbox__bar'>
                <Text className='inbox__count' data-testid='inbox-unread'>
                  {unread > 0 ? `未读 ${unread} 条` : '没有未读消息'}
                </Text>
                {unread > 0 ? (
                  <Action variant='secondary' busy={markingAll} busyLabel='正在标记…' onClick={() => void readAll()} testId='inbox-read-all'>
                    全部已读
                  </Action>
                ) : null}
              </View>
              {list.state.data.items.map((item) => (
                <InboxItem key={item.id} item={item} read={isRead(item)} onOpen={() => open(item)} />
              ))}
              <LoadMore
                hasMore={Boolean(list.state.data.nextCursor)}
                loading={list.loadingMore}
                error={list.moreError}
                onMore={() => void list.loadMore()}
                endText='以上是全部消息'
              />
            </View>
          ))}
      </View>
    </PageShell>
  );
}

function InboxItem({ item, read, onOpen }: { item: NotificationView; read: boolean; onOpen: () => void }) {
  return (
    <View
      className={`card inbox__item${read ? '' : ' inbox__item--unread'}`}
      role='button'
      hoverClass='inbox__item--pressed'
      data-testid='inbox-item'
      data-read={read ? 'true' : 'false'}
      onClick={onOpen}
    >
      <View className='inbox__head'>
        {read ? null : <View className='inbox__dot' aria-label='未读' />}
        <Text className='inbox__title'>{item.title}</Text>
      </View>
      <Text className='inbox__text'>{item.text}</Text>
      <View className='inbox__foot'>
        <Text className='inbox__at'>{formatInstant(item.at)}</Text>
        {item.proposalId ? <Text className='inbox__go'>查看项目 ›</Text> : null}
      </View>
    </View>
  );
}
