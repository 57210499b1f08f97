import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { hasCommentsOpenToStaff } from '../../domain/comments';
import { authorize } from '../../domain/permissions';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { commentView } from '../comments';
import { commentChain } from '../proposals';
import { personText, recordId } from '../schemas';

/** comment.reply: the community answers a comment (R-PUB-3); the author is told. */
export const replyComment = defineUseCase({
  schema: z.object({ commentId: recordId, text: personText(TEXT_LIMITS.reply) }),
  requiresSignIn: true,
  async run(input, context) {
    const { store, contentCheck } = context.services;
    const openid = context.caller.openid as string;
    const comment = await store.findComment(input.commentId);
    const stored = comment ? await store.findProposal(comment.proposalId) : null;
    if (!comment || !stored || comment.status === 'hidden') return fail('not_found', '没有这条意见', 'commentId');
    const refused = authorize(context.actor, 'comment.reply', stored.record);
    if (refused) return { ok: false, error: refused };
    if (!hasCommentsOpenToStaff(stored.record)) return fail('invalid_state', '该项目尚无公示意见');
    const verdict = await contentCheck.check(input.text, { openid, scene: 'reply' }).catch(() => 'review' as const);
    if (verdict === 'risky') return fail('content_rejected', '回复内容未通过安全检查，请修改', 'text');
    const replied = await store.replyComment({
      commentId: comment.id,
      text: input.text,
      openid,
      at: context.at,
      audit: { chainId: commentChain(stored.record.id), at: context.at, actor: openid, action: 'comment.reply', from: null, to: null, detail: { commentId: comment.id } },
      outbox: [
        {
          recipientOpenid: comment.authorOpenid,
          kind: 'comment_answered',
          payload: { proposalId: stored.record.id, title: stored.record.title, commentId: comment.id },
        },
      ],
    });
    return ok(commentView(replied, context.actor, stored.record));
  },
});
