import { z } from 'zod';
import { authorize } from '../../domain/permissions';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { commentView } from '../comments';
import { commentChain, commitRefused } from '../proposals';
import { recordId } from '../schemas';

/** comment.moderate: a community worker publishes or hides a comment the content check was unsure of (R-PUB-2). */
export const moderateComment = defineUseCase({
  schema: z.object({ commentId: recordId, publish: z.boolean() }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const comment = await store.findComment(input.commentId);
    const stored = comment ? await store.findProposal(comment.proposalId) : null;
    if (!comment || !stored) return fail('not_found', '没有这条意见', 'commentId');
    const refused = authorize(context.actor, 'comment.moderate', stored.record);
    if (refused) return { ok: false, error: refused };
    if (comment.status !== 'pending') return fail('invalid_state', '这条意见已处理');
    const moderated = await store.moderateComment({
      commentId: comment.id,
      publish: input.publish,
      at: context.at,
      audit: {
        chainId: commentChain(stored.record.id),
        at: context.at,
        actor: context.caller.openid as string,
        action: 'comment.moderate',
        from: null,
        to: null,
        detail: { commentId: comment.id, status: input.publish ? 'published' : 'hidden' },
      },
    });
    if (!moderated.ok) return commitRefused(moderated);
    return ok(commentView(moderated.value, context.actor, stored.record));
  },
});
