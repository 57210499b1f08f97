import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { CommentView, ProposalView } from '../../../../../types/api';
import { listComments } from '../../../../api';
import { moderateComment, replyComment } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { LoadMore } from '../../../../components/LoadMore';
import { Section } from '../../../../components/Section';
import { formatInstant } from '../../../../lib/dates';
import { messageOf } from '../../../../lib/labels';
import { usePaged } from '../../../../lib/use-answer';
import { Gate } from '../../../workbench/gate';
import { allows } from '../../../workbench/proposal-info';
import { useAction } from '../../../workbench/use-action';
import { FormError } from '../../../workbench/feedback';
import { TextBox } from '../../../workbench/fields';

/** 意见与回复: every comment (pending ones too, for staff in scope), each answered once. */
export function Comments({ proposal }: { proposal: ProposalView }) {
  const loadPage = useCallback((cursor?: string) => listComments({ proposalId: proposal.id, cursor, limit: 20 }), [proposal.id]);
  const list = usePaged(loadPage);
  return (
    <Section title='居民意见' extra={<Text>{proposal.commentCount} 条已公开</Text>} testId='comments'>
      {list.state.status === 'loading' || list.state.status === 'error' ? (
        <Gate state={list.state} onRetry={() => void list.reload()} rows={2}>
          {() => null}
        </Gate>
      ) : list.state.data.items.length === 0 ? (
        <Text className='info-line' style={{ padding: '0 32px' }}>
          还没有居民发表意见
        </Text>
      ) : (
        <View>
          {list.state.data.items.map((comment) => (
            <StaffComment key={comment.id} comment={comment} proposal={proposal} onChanged={() => void list.refresh()} />
          ))}
          <LoadMore hasMore={Boolean(list.state.data.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} endText='没有更多意见了' />
        </View>
      )}
    </Section>
  );
}

function StaffComment({ comment, proposal, onChanged }: { comment: CommentView; proposal: ProposalView; onChanged: () => void }) {
  const [text, setText] = useState('');
  const reply = useAction<CommentView>();
  const moderate = useAction<CommentView>();
  const canReply = allows(proposal, 'comment.reply') && !comment.reply && comment.status === 'published';
  const canModerate = allows(proposal, 'comment.moderate') && comment.status === 'pending';
  const sendReply = () => {
    if (!text.trim()) return reply.refuse('text', '请填写回复内容');
    void reply.run(() => replyComment({ commentId: comment.id, text: text.trim() }), () => {
      setText('');
      onChanged();
    });
  };
  return (
    <View className={`comment-staff${comment.status === 'pending' ? ' comment-staff--pending' : ''}`} data-testid='staff-comment'>
      <View className='comment-staff__head'>
        <Text className='comment-staff__author'>{comment.author}</Text>
        <Text className='comment-staff__time'>{formatInstant(comment.createdAt)}</Text>
      </View>
      {comment.status === 'pending' ? <Text className='tag tag--orange'>待审核，居民暂看不到</Text> : null}
      {comment.status === 'hidden' ? <Text className='tag tag--grey'>未公开</Text> : null}
      <Text className='comment-staff__text'>{comment.text}</Text>
      {comment.reply ? (
        <View className='comment-staff__reply'>
          <Text className='comment-staff__reply-label'>社区回复 · {formatInstant(comment.reply.repliedAt)}</Text>
          <Text className='comment-staff__text'>{comment.reply.text}</Text>
        </View>
      ) : null}
      {canModerate ? (
        <View>
          <FormError message={moderate.error ? messageOf(moderate.error) : null} />
          <View className='comment-staff__buttons'>
            <Action busy={moderate.busy} onClick={() => void moderate.run(() => moderateComment({ commentId: comment.id, publish: true }), onChanged)}>
              公开
            </Action>
            <Action variant='plain' busy={moderate.busy} onClick={() => void moderate.run(() => moderateComment({ commentId: comment.id, publish: false }), onChanged)}>
              不公开
            </Action>
          </View>
        </View>
      ) : null}
      {canReply ? (
        <View style={{ marginTop: '16px' }}>
          <TextBox label='回复这条意见' name={`reply-${comment.id}`} short value={text} onChange={setText} maxlength={TEXT_LIMITS.reply} placeholder='回复这条意见，居民会看到' error={reply.fieldError('text')} />
          <FormError message={reply.formError(['text'])} />
          <Action block busy={reply.busy} busyLabel='正在回复…' onClick={sendReply} testId='send-reply'>
            发送回复
          </Action>
        </View>
      ) : null}
    </View>
  );
}
