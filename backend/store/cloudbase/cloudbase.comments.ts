import type { ProposalState } from '../../../types/domain';
import type { CommentVisibility } from '../../domain/comments';
import { applyRatingChange, NO_RATINGS, replaceRating, type Histogram } from '../../domain/ratings';
import type { AuditDraft, CommentRecord, CommitOutcome, Cursor, OutboxDraft, RateLimit, RatingRecord, RequestKey, Slice } from '../../app/ports/store.port';
import { Rollback, type CloudBaseCore } from './cloudbase.core';
import { commentOf, keysetPage, newestFirstPage } from './cloudbase.documents';
import { claimRequest, countRate } from './cloudbase.proposals';
import { COLLECTIONS, ratingDocId } from './collections';
import type { Doc, Filter } from './doc-db';

/** Comments during publicity (R-PUB-2, R-PUB-3) and ratings after completion (R-EVA-1). */
export function cloudBaseComments(core: CloudBaseCore) {
  return {
    async addComment(input: {
      comment: CommentRecord;
      request: RequestKey;
      rateLimit: RateLimit;
      proposalState: ProposalState;
      audit: AuditDraft;
      outbox: OutboxDraft[];
    }): Promise<CommitOutcome<{ comment: CommentRecord; created: boolean }>> {
      const { comment } = input;
      return core.atomically(async (unit) => {
        const firstId = await claimRequest(unit, input.request, comment.id, comment.createdAt);
        if (firstId !== null) {
          const first = await unit.get(COLLECTIONS.comments, firstId);
          if (!first) throw new Error(`request ${input.request.requestId} names a missing comment ${firstId}`);
          return { comment: commentOf(first), created: false };
        }
        // R-PUB-2: the window may have closed since the use case looked. The proposal document is
        // written below in any case, so a state change racing this comment conflicts with it.
        const proposal = await unit.get(COLLECTIONS.proposals, comment.proposalId);
        if (!proposal || proposal.state !== input.proposalState) throw new Rollback({ ok: false, code: 'window_closed' });
        await countRate(unit, input.rateLimit, comment.createdAt);
        const { id, reply: _reply, ...fields } = comment;
        unit.put(COLLECTIONS.comments, id, { ...fields });
        const counter = comment.status === 'published' ? 'commentCount' : 'pendingCommentCount';
        unit.put(COLLECTIONS.proposals, proposal._id, { ...proposal, [counter]: ((proposal[counter] as number | undefined) ?? 0) + 1 });
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, comment.createdAt);
        return { comment: commentOf((await unit.get(COLLECTIONS.comments, id)) as Doc), created: true };
      });
    },

    async findComment(id: string): Promise<CommentRecord | null> {
      const doc = await core.db.get(COLLECTIONS.comments, id);
      return doc ? commentOf(doc) : null;
    },

    async listComments(input: { proposalId: string; visibility: CommentVisibility; after?: Cursor; limit: number }): Promise<Slice<CommentRecord>> {
      // The visibility of domain/comments.ts as an OR of conjunctions (isCommentVisible, doc by doc).
      const where: Filter = [{ proposalId: input.proposalId, status: 'published' }];
      if (input.visibility.allPending) where.push({ proposalId: input.proposalId, status: 'pending' });
      else if (input.visibility.pendingOf) where.push({ proposalId: input.proposalId, status: 'pending', authorOpenid: input.visibility.pendingOf });
      const page = await newestFirstPage(core.db, COLLECTIONS.comments, where, input.after, input.limit);
      return { items: page.items.map(commentOf), more: page.more };
    },

    /** Pending comments, oldest first, for the recheck job. */
    async listPendingComments(after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>> {
      const page = await keysetPage(
        core.db,
        COLLECTIONS.comments,
        [{ status: 'pending' }],
        [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        after ? [after.createdAt, after.id] : undefined,
        limit,
      );
      return { items: page.items.map(commentOf), more: page.more };
    },

    async replyComment(input: { commentId: string; text: string; openid: string; at: string; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommentRecord> {
      return core.transact(async (unit) => {
        const current = await unit.get(COLLECTIONS.comments, input.commentId);
        if (!current) throw new Error(`no comment ${input.commentId}`);
        const doc = unit.put(COLLECTIONS.comments, input.commentId, { ...current, reply: { text: input.text, openid: input.openid, repliedAt: input.at } });
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, input.at);
        return commentOf(doc);
      });
    },

    async moderateComment(input: { commentId: string; publish: boolean; at: string; audit: AuditDraft }): Promise<CommitOutcome<CommentRecord>> {
      return core.atomically(async (unit) => {
        const current = await unit.get(COLLECTIONS.comments, input.commentId);
        if (!current || current.status !== 'pending') throw new Rollback({ ok: false, code: 'invalid_state' });
        const doc = unit.put(COLLECTIONS.comments, input.commentId, { ...current, status: input.publish ? 'published' : 'hidden', moderatedAt: input.at });
        const proposal = await unit.get(COLLECTIONS.proposals, current.proposalId as string);
        if (proposal) {
          unit.put(COLLECTIONS.proposals, proposal._id, {
            ...proposal,
            commentCount: ((proposal.commentCount as number | undefined) ?? 0) + (input.publish ? 1 : 0),
            pendingCommentCount: Math.max(0, ((proposal.pendingCommentCount as number | undefined) ?? 0) - 1),
          });
        }
        await core.appendAudit(unit, input.audit);
        return commentOf(doc);
      });
    },

    async setRating(input: { rating: RatingRecord; proposalState: ProposalState; audit: AuditDraft; rateLimit?: RateLimit }): Promise<CommitOutcome<RatingRecord>> {
      const { rating } = input;
      return core.atomically(async (unit) => {
        const proposal = await unit.get(COLLECTIONS.proposals, rating.proposalId);
        if (!proposal || proposal.state !== input.proposalState) throw new Rollback({ ok: false, code: 'window_closed' });
        const id = ratingDocId(rating.proposalId, rating.openid);
        const previous = await unit.get(COLLECTIONS.ratings, id);
        // R-EVA-1: how this rating moves the counters kept on the proposal — or, the same again, nothing.
        const change = replaceRating(previous ? { stars: previous.stars as number, text: (previous.text as string | null) ?? undefined } : null, rating);
        if (!change) return { ...rating, updatedAt: (previous as Doc).updatedAt as string };
        // No unlimited flips (L6): every change of the rating counts (a retried same rating is none).
        if (input.rateLimit) await countRate(unit, input.rateLimit, rating.updatedAt);
        unit.put(COLLECTIONS.ratings, id, {
          proposalId: rating.proposalId,
          openid: rating.openid,
          stars: rating.stars,
          text: rating.text ?? null,
          updatedAt: rating.updatedAt,
        });
        const counters = applyRatingChange(
          {
            ratingCount: (proposal.ratingCount as number | undefined) ?? 0,
            ratingSum: (proposal.ratingSum as number | undefined) ?? 0,
            histogram: [...((proposal.ratingHistogram as Histogram | undefined) ?? NO_RATINGS.histogram)] as Histogram,
          },
          change,
        );
        unit.put(COLLECTIONS.proposals, proposal._id, { ...proposal, ratingCount: counters.ratingCount, ratingSum: counters.ratingSum, ratingHistogram: counters.histogram });
        await core.appendAudit(unit, input.audit);
        return { ...rating };
      });
    },
  };
}
