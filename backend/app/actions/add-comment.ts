import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { canComment } from '../../domain/comments';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commentView, hourWindowOf } from '../comments';
import { messagesTo } from '../notifications';
import { commentChain, commitRefused } from '../proposals';
import { personText, recordId, requestId } from '../schemas';

export const addComment = defineAction({
  name: 'comment.add',
  summary: 'A resident of the community comments while the publicity window is open (R-PUB-2). The content check fails closed: unsure or unreachable makes the comment `pending` for a community worker; refused text is `content_rejected`. A retried requestId answers the first comment.',
  schema: z.object({ proposalId: recordId, text: personText(TEXT_LIMITS.comment), requestId }),
  access: { signIn: true, permission: 'comment.add' },
  audit: ['comments'],
  next: ['comment.reply', 'comment.moderate'],
  async run(input, context) {
    const { store, contentCheck, limits, newId } = context.services;
    const openid = context.caller.openid as string;
    const stored = await store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const { record } = stored;
    const refused = context.authorize(record);
    if (refused) return refused;
    const open = canComment(record, context.today, context.services.calendar);
    if (!open.ok) return open;

    const verdict = await contentCheck.check(input.text, { openid, scene: 'comment' }).catch(() => 'review' as const);
    if (verdict === 'risky') return fail('content_rejected', '意见内容未通过安全检查，请修改后再发表', 'text');
    const commentId = newId('cm');
    const added = await store.addComment({
      comment: {
        id: commentId,
        proposalId: record.id,
        authorOpenid: openid,
        authorName: context.user?.name ?? '居民',
        text: input.text,
        status: verdict === 'pass' ? 'published' : 'pending',
        createdAt: context.at,
      },
      request: { openid, action: 'comment.add', requestId: input.requestId },
      rateLimit: { openid, action: 'comment.add', windowStart: hourWindowOf(context.at), max: limits.commentsPerHour },
      proposalState: 'publicity',
      audit: context.auditEntry({ chainId: commentChain(record.id), detail: { requestId: input.requestId, status: verdict === 'pass' ? 'published' : 'pending' } }),
      // Notifications: the community's workers have a comment to answer, or to publish first (R-PUB-3).
      outbox: messagesTo(
        await store.staffOf('community', record.communityId),
        'comment_received',
        { proposalId: record.id, title: record.title, commentId, status: verdict === 'pass' ? 'published' : 'pending' },
        openid,
      ),
    });
    if (!added.ok) return commitRefused(added);
    return ok(commentView(added.value.comment, context.actor, record));
  },
});
