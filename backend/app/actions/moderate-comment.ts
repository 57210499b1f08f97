import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commentView } from '../comments';
import { commentChain, commitRefused } from '../proposals';
import { recordId } from '../schemas';

export const moderateComment = defineAction({
  name: 'comment.moderate',
  summary: 'A community worker publishes or hides a comment the content check was unsure of (R-PUB-2).',
  schema: z.object({ commentId: recordId, publish: z.boolean() }),
  access: { signIn: true, permission: 'comment.moderate' },
  audit: ['comments'],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const comment = await store.findComment(input.commentId);
    const stored = comment ? await store.findProposal(comment.proposalId) : null;
    if (!comment || !stored) return fail('not_found', '没有这条意见', 'commentId');
    const refused = context.authorize(stored.record);
    if (refused) return refused;
    if (comment.status !== 'pending') return fail('invalid_state', '这条意见已处理');
    const moderated = await store.moderateComment({
      commentId: comment.id,
      publish: input.publish,
      at: context.at,
      audit: context.auditEntry({ chainId: commentChain(stored.record.id), detail: { commentId: comment.id, status: input.publish ? 'published' : 'hidden' } }),
    });
    if (!moderated.ok) return commitRefused(moderated);
    return ok(commentView(moderated.value, context.actor, stored.record));
  },
});
