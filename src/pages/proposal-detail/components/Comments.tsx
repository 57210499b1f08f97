import { useCallback, useRef, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { CommentView, ProposalView } from '../../../../types/api';
import { addComment, listComments } from '../../../api';
import { Action } from '../../../components/Action';
import { LoadMore } from '../../../components/LoadMore';
import { ErrorState, Skeleton } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { formatInstant } from '../../../lib/dates';
import { messageOf } from '../../../lib/labels';
import { allows } from '../../../lib/proposal';
import { newRequestId } from '../../../lib/request-id';
import { askForNotices, canAskForNotices } from '../../../lib/subscribe';
import { usePaged } from '../../../lib/use-answer';

/** 意见: 20 at a time with the community's answers; the box only while `comment.add` is allowed. */
export function Comments({ proposal, onChanged }: { proposal: ProposalView; onChanged: () => void }) {
  const loadPage = useCallback((cursor?: string) => listComments({ proposalId: proposal.id, cursor, limit: 20 }), [proposal.id]);
  const list = usePaged(loadPage);
  return (
    <Section title='居民意见' extra={<Text>{proposal.commentCount} 条</Text>} testId='comments'>
      {allows(proposal, 'comment.add') ? (
        <CommentBox
          proposalId={proposal.id}
          onAdded={(comment) => {
            list.prepend(comment);
            onChanged();
          }}
        />
      ) : null}
      {list.state.status === 'loading' && <Skeleton rows={2} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <Text className='detail__empty'>还没有居民发表意见</Text>
        ) : (
          <View>
            {list.state.data.items.map((comment) => (
              <CommentItem key={comment.id} comment={comment} />
            ))}
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
              endText='没有更多意见了'
            />
          </View>
        ))}
    </Section>
  );
}

function CommentItem({ comment }: { comment: CommentView }) {
  return (
    <View className='card comment' data-testid='comment'>
      <View className='comment__head'>
        <Text className='comment__author'>
          {comment.author}
          {comment.mine ? '（我）' : ''}
        </Text>
        <Text className='comment__time'>{formatInstant(comment.createdAt)}</Text>
      </View>
      {comment.status === 'pending' ? <Text className='tag tag--orange'>待社区审核后公开</Text> : null}
      <Text className='comment__text'>{comment.text}</Text>
      {comment.reply ? (
        <View className='comment__reply'>
          <Text className='comment__reply-label'>社区回复 · {formatInstant(comment.reply.repliedAt)}</Text>
          <Text className='comment__text'>{comment.reply.text}</Text>
        </View>
      ) : null}
    </View>
  );
}

function CommentBox({ proposalId, onAdded }: { proposalId: string; onAdded: (comment: CommentView) => void }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<CommentView | null>(null);
  const [asked, setAsked] = useState(false);
  // One idempotency key per comment: kept across retries, renewed after a success.
  const requestId = useRef(newRequestId());

  const send = async () => {
    if (!text.trim()) {
      setError('请先写下您的意见');
      return;
    }
    setSending(true);
    setError(null);
    const answer = await addComment({ proposalId, text: text.trim(), requestId: requestId.current });
    setSending(false);
    if (!answer.ok) {
      setError(messageOf(answer.error));
      return;
    }
    requestId.current = newRequestId();
    setText('');
    setSent(answer.data);
    onAdded(answer.data);
  };

  return (
    <View className='card comment-box' data-testid='comment-box'>
      <Text className='detail__label'>公示期内，欢迎发表您的意见</Text>
      <Textarea
        className='field__textarea'
        value={text}
        maxlength={TEXT_LIMITS.comment}
        placeholder='对这个项目有什么意见或建议？'
        onInput={(event) => {
          setText(event.detail.value);
          setError(null);
        }}
      />
      <Text className='comment-box__count'>
        {Array.from(text).length}/{TEXT_LIMITS.comment}
      </Text>
      {error ? (
        <View className='detail__form-error' role='alert'>
          {error}
        </View>
      ) : null}
      {sent ? (
        <View className='detail__form-ok' role='status'>
          <Text className='block'>{sent.status === 'pending' ? '意见已提交，社区审核后公开。' : '意见已发表，社区会在这里回复。'}</Text>
          {canAskForNotices('comment') && !asked ? (
            <Action
              variant='link'
              onClick={() => {
                setAsked(true);
                void askForNotices('comment');
              }}
            >
              接收回复通知
            </Action>
          ) : null}
        </View>
      ) : null}
      <Action block busy={sending} busyLabel='正在发表…' onClick={() => void send()} testId='send-comment'>
        发表意见
      </Action>
    </View>
  );
}
