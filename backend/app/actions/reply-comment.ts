import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { hasCommentsOpenToStaff } from '../../domain/comments';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commentView } from '../comments';
import { commentChain } from '../proposals';
import { personText, recordId } from '../schemas';

export const replyComment = defineAction({
  name: 'comment.reply',
  summary: 'The community answers a comment (R-PUB-3); the author is told.',
  schema: z.object({ commentId: recordId, text: personText(TEXT_LIMITS.reply) }),
  access: { signIn: true, permission: 'comment.reply' },
  audit: ['comments'],
  next: [],
  async run(input, context) {
    const { store, contentCheck } = context.services;
    const openid = context.caller.openid as string;
    const comment = await store.findComment(input.commentId);
    const stored = comment ? await store.findProposal(comment.proposalId) : null;
    if (!comment || !stored || comment.status === 'hidden') return fail('not_found', '没有这条意见', 'commentId');
    const refused = context.authorize(stored.record);
    if (refused) return refused;
    if (!hasCommentsOpenToStaff(stored.record)) return fail('invalid_state', '该项目尚无公示意见');
    const verdict = await contentCheck.check(input.text, { openid, scene: 'reply' }).catch(() => 'review' as const);
    if (verdict === 'risky') return fail('content_rejected', '回复内容未通过安全检查，请修改', 'text');
    const replied = await store.replyComment({
      commentId: comment.id,
      text: input.text,
      openid,
      at: context.at,
      audit: context.auditEntry({ chainId: commentChain(stored.record.id), detail: { commentId: comment.id } }),
      outbox: [
        {
          recipientOpenid: comment.authorOpenid,
          kind: 'comment_answered',
          // The reply's text rides along: the author's inbox item shows it (notifications).
          payload: { proposalId: stored.record.id, title: stored.record.title, commentId: comment.id, reply: input.text },
        },
      ],
    });
    return ok(commentView(replied, context.actor, stored.record));
  },
});
