import type { ProposalState } from '../../../types/domain';
import type { CommentVisibility } from '../../domain/comments';
import { replaceRating } from '../../domain/ratings';
import type { AuditDraft, CommentRecord, CommitOutcome, Cursor, OutboxDraft, RateLimit, RatingRecord, RequestKey, Slice } from '../../app/ports/store.port';
import { cursorClause, Rollback, sliceOf, type SqliteCore } from './sqlite.core';
import type { RequestGuards } from './sqlite.proposals';

interface CommentRow {
  id: string;
  proposal_id: string;
  author_openid: string;
  author_name: string;
  text: string;
  status: CommentRecord['status'];
  reply_text: string | null;
  reply_openid: string | null;
  replied_at: string | null;
  created_at: string;
}

function commentOf(row: CommentRow): CommentRecord {
  const comment: CommentRecord = {
    id: row.id,
    proposalId: row.proposal_id,
    authorOpenid: row.author_openid,
    authorName: row.author_name,
    text: row.text,
    status: row.status,
    createdAt: row.created_at,
  };
  if (row.reply_text !== null) comment.reply = { text: row.reply_text, openid: row.reply_openid as string, repliedAt: row.replied_at as string };
  return comment;
}

/** Comments during publicity (R-PUB-2, R-PUB-3) and ratings after completion (R-EVA-1). */
export function sqliteComments(core: SqliteCore, guards: RequestGuards) {
  const { db } = core;
  const statements = {
    comment: db.prepare('SELECT * FROM comments WHERE id = ?'),
    insertComment: db.prepare(
      `INSERT INTO comments (id, proposal_id, author_openid, author_name, text, status, created_at)
       VALUES (@id, @proposalId, @authorOpenid, @authorName, @text, @status, @createdAt)`,
    ),
    countComment: db.prepare('UPDATE proposals SET comment_count = comment_count + ? WHERE id = ?'),
    proposalInState: db.prepare('SELECT 1 FROM proposals WHERE id = ? AND state = ?'),
    replyComment: db.prepare('UPDATE comments SET reply_text = ?, reply_openid = ?, replied_at = ? WHERE id = ?'),
    moderateComment: db.prepare("UPDATE comments SET status = ? WHERE id = ? AND status = 'pending'"),
    pendingComments: db.prepare(
      `SELECT * FROM comments WHERE status = 'pending' AND (created_at > @afterCreatedAt OR (created_at = @afterCreatedAt AND id > @afterId))
       ORDER BY created_at, id LIMIT @limit`,
    ),
    rating: db.prepare('SELECT stars, text, updated_at AS updatedAt FROM ratings WHERE proposal_id = ? AND openid = ?'),
    upsertRating: db.prepare(
      `INSERT INTO ratings (proposal_id, openid, stars, text, updated_at) VALUES (@proposalId, @openid, @stars, @text, @updatedAt)
       ON CONFLICT (proposal_id, openid) DO UPDATE SET stars = excluded.stars, text = excluded.text, updated_at = excluded.updated_at`,
    ),
    countRating: db.prepare(
      `UPDATE proposals SET rating_count = rating_count + @count, rating_sum = rating_sum + @sum,
         rating_1 = rating_1 + @d1, rating_2 = rating_2 + @d2, rating_3 = rating_3 + @d3,
         rating_4 = rating_4 + @d4, rating_5 = rating_5 + @d5
       WHERE id = @id`,
    ),
  };

  function readComment(id: string): CommentRecord | null {
    const row = statements.comment.get(id) as CommentRow | undefined;
    return row ? commentOf(row) : null;
  }

  return {
    async addComment(input: {
      comment: CommentRecord;
      request: RequestKey;
      rateLimit: RateLimit;
      proposalState: ProposalState;
      audit: AuditDraft;
      outbox: OutboxDraft[];
    }): Promise<CommitOutcome<{ comment: CommentRecord; created: boolean }>> {
      return core.atomically(() => {
        const firstId = guards.claimRequest(input.request, input.comment.id, input.comment.createdAt);
        if (firstId !== null) return { comment: readComment(firstId) as CommentRecord, created: false };
        // R-PUB-2: the window may have closed since the use case looked.
        if (statements.proposalInState.get(input.comment.proposalId, input.proposalState) === undefined) {
          throw new Rollback({ ok: false, code: 'window_closed' });
        }
        guards.countRate(input.rateLimit);
        statements.insertComment.run(input.comment);
        if (input.comment.status === 'published') statements.countComment.run(1, input.comment.proposalId);
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, input.comment.createdAt);
        return { comment: readComment(input.comment.id) as CommentRecord, created: true };
      });
    },

    async findComment(id: string): Promise<CommentRecord | null> {
      return readComment(id);
    },

    async listComments(input: { proposalId: string; visibility: CommentVisibility; after?: Cursor; limit: number }): Promise<Slice<CommentRecord>> {
      const params: Record<string, unknown> = {
        proposalId: input.proposalId,
        allPending: input.visibility.allPending ? 1 : 0,
        pendingOf: input.visibility.pendingOf ?? '',
        limit: input.limit + 1,
      };
      // The visibility of domain/comments.ts as a WHERE clause (isCommentVisible, row by row).
      const where = [
        'proposal_id = @proposalId',
        "(status = 'published' OR (status = 'pending' AND (@allPending = 1 OR author_openid = @pendingOf)))",
        ...cursorClause(input.after, params),
      ];
      const sql = `SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`;
      return sliceOf((db.prepare(sql).all(params) as CommentRow[]).map(commentOf), input.limit);
    },

    async listPendingComments(after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>> {
      const rows = statements.pendingComments.all({ afterCreatedAt: after?.createdAt ?? '', afterId: after?.id ?? '', limit: limit + 1 }) as CommentRow[];
      return sliceOf(rows.map(commentOf), limit);
    },

    async replyComment(input: { commentId: string; text: string; openid: string; at: string; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommentRecord> {
      return core.transaction(() => {
        const replied = statements.replyComment.run(input.text, input.openid, input.at, input.commentId);
        // No such comment: nothing is audited or sent.
        if (replied.changes === 0) throw new Error(`no comment ${input.commentId}`);
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, input.at);
        return readComment(input.commentId) as CommentRecord;
      });
    },

    async moderateComment(input: { commentId: string; publish: boolean; at: string; audit: AuditDraft }): Promise<CommitOutcome<CommentRecord>> {
      return core.atomically(() => {
        const moderated = statements.moderateComment.run(input.publish ? 'published' : 'hidden', input.commentId);
        if (moderated.changes === 0) throw new Rollback({ ok: false, code: 'invalid_state' });
        const comment = readComment(input.commentId) as CommentRecord;
        if (input.publish) statements.countComment.run(1, comment.proposalId);
        core.appendAudit(input.audit);
        return comment;
      });
    },

    async setRating(input: { rating: RatingRecord; proposalState: ProposalState; audit: AuditDraft; rateLimit?: RateLimit }): Promise<CommitOutcome<RatingRecord>> {
      const { rating } = input;
      return core.atomically(() => {
        if (statements.proposalInState.get(rating.proposalId, input.proposalState) === undefined) {
          throw new Rollback({ ok: false, code: 'window_closed' });
        }
        const stored = statements.rating.get(rating.proposalId, rating.openid) as { stars: number; text: string | null; updatedAt: string } | undefined;
        // R-EVA-1: how this rating moves the counters kept on the proposal — or, the same again, nothing.
        const change = replaceRating(stored ? { stars: stored.stars, text: stored.text ?? undefined } : null, rating);
        if (!change) return { ...rating, updatedAt: (stored as { updatedAt: string }).updatedAt };
        // No unlimited flips (L6): every change of the rating counts (a retried same rating is none).
        if (input.rateLimit) guards.countRate(input.rateLimit);
        statements.upsertRating.run({ ...rating, text: rating.text ?? null });
        const [d1, d2, d3, d4, d5] = change.histogramDelta;
        statements.countRating.run({ id: rating.proposalId, count: change.countDelta, sum: change.sumDelta, d1, d2, d3, d4, d5 });
        core.appendAudit(input.audit);
        return { ...rating };
      });
    },
  };
}
