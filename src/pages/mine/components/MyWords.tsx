import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { COMMENT_STATUS_LABELS } from '../../../../common/glossary';
import type { CommentStatus, MyComment, MyRating } from '../../../../types/api';
import { call } from '../../../api';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { formatInstant } from '../../../lib/dates';
import { PAGES, openProposal, openTab } from '../../../lib/navigation';
import { type Paged, usePaged } from '../../../lib/use-answer';

const STATUS_TONES: Readonly<Record<CommentStatus, string>> = { published: 'tag--green', pending: 'tag--orange', hidden: 'tag--grey' };

/** A paged list of mine: loading, failure, empty (with where to go) and load more. */
function MyList<T>({ list, empty, children }: { list: Paged<T>; empty: string; children: (item: T) => JSX.Element }) {
  if (list.state.status === 'loading') return <Skeleton rows={2} />;
  if (list.state.status === 'error') return <ErrorState error={list.state.error} onRetry={() => void list.reload()} />;
  if (list.state.data.items.length === 0) return <EmptyState message={empty} actionLabel='去看看项目' onAction={() => openTab(PAGES.projects)} />;
  return (
    <View>
      {list.state.data.items.map(children)}
      <LoadMore hasMore={Boolean(list.state.data.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
    </View>
  );
}

/** 我的意见: every comment I wrote, with how it stands (only I see pending or hidden ones) and the replies. */
export function MyComments() {
  const loadPage = useCallback((cursor?: string) => call('comment.mine', cursor ? { cursor } : {}), []);
  const list = usePaged(loadPage);
  return (
    <Section title='我的意见' testId='my-comments'>
      <MyList list={list} empty='您还没有发表过意见'>
        {(comment: MyComment) => (
          <View
            key={comment.id}
            className='card card--tappable mine__word'
            role='link'
            aria-label={`我对“${comment.title}”的意见`}
            data-testid={`my-comment-${comment.id}`}
            onClick={() => openProposal(comment.proposalId)}
          >
            <View className='mine__word-head'>
              <Text className='mine__word-title'>{comment.title}</Text>
              <Text className={`tag ${STATUS_TONES[comment.status]}`}>{COMMENT_STATUS_LABELS[comment.status]}</Text>
            </View>
            <Text className='mine__word-text'>{comment.text}</Text>
            <Text className='mine__word-time'>{formatInstant(comment.createdAt)}</Text>
            {comment.replies.map((reply) => (
              <View key={reply.repliedAt} className='mine__reply'>
                <Text className='mine__reply-label'>社区回复 · {formatInstant(reply.repliedAt)}</Text>
                <Text className='mine__word-text'>{reply.text}</Text>
              </View>
            ))}
          </View>
        )}
      </MyList>
    </Section>
  );
}

/** 我的评价: the stars I gave, the latest changed first; a tap opens the project to change them. */
export function MyRatings() {
  const loadPage = useCallback((cursor?: string) => call('rating.mine', cursor ? { cursor } : {}), []);
  const list = usePaged(loadPage);
  return (
    <Section title='我的评价' testId='my-ratings'>
      <MyList list={list} empty='您还没有评价过项目'>
        {(rating: MyRating) => (
          <View
            key={rating.proposalId}
            className='card card--tappable mine__word'
            role='link'
            aria-label={`我对“${rating.title}”的评价：${rating.stars} 星`}
            data-testid={`my-rating-${rating.proposalId}`}
            onClick={() => openProposal(rating.proposalId)}
          >
            <Text className='mine__word-title'>{rating.title}</Text>
            <Text className='mine__stars' aria-hidden>
              {'★'.repeat(rating.stars)}
              <Text className='mine__stars-off'>{'★'.repeat(5 - rating.stars)}</Text>
            </Text>
            <Text className='mine__word-text'>{rating.stars} 星{rating.text ? `：${rating.text}` : ''}</Text>
            <Text className='mine__word-time'>{formatInstant(rating.updatedAt)}</Text>
          </View>
        )}
      </MyList>
    </Section>
  );
}
