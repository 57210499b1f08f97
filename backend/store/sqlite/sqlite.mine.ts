import type { CommentRecord, Cursor, RatingRecord, Slice } from '../../app/ports/store.port';
import { cursorClause, sliceOf, type SqliteCore } from './sqlite.core';

/**
 * What a person wrote, newest first (comment.mine, rating.mine): every status of their own
 * comments, and their ratings by the time they last changed. Their proposals are
 * `listProposals` with `proposerOpenid`.
 */
export function sqliteMine(core: SqliteCore) {
  const { db } = core;
  const statements = {
    rating: db.prepare('SELECT proposal_id AS proposalId, openid, stars, text, updated_at AS updatedAt FROM ratings WHERE proposal_id = ? AND openid = ?'),
  };
  return {
    async listCommentsBy(openid: string, after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>> {
      const params: Record<string, unknown> = { openid, limit: limit + 1 };
      const where = ['author_openid = @openid', ...cursorClause(after, params)];
      const rows = db
        .prepare(`SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`)
        .all(params) as {
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
      }[];
      return sliceOf(
        rows.map((row) => ({
          id: row.id,
          proposalId: row.proposal_id,
          authorOpenid: row.author_openid,
          authorName: row.author_name,
          text: row.text,
          status: row.status,
          createdAt: row.created_at,
          ...(row.reply_text !== null ? { reply: { text: row.reply_text, openid: row.reply_openid as string, repliedAt: row.replied_at as string } } : {}),
        })),
        limit,
      );
    },

    async listRatingsBy(openid: string, after: { updatedAt: string; proposalId: string } | undefined, limit: number): Promise<Slice<RatingRecord>> {
      const params: Record<string, unknown> = { openid, limit: limit + 1 };
      const where = ['openid = @openid'];
      if (after) {
        params.afterAt = after.updatedAt;
        params.afterId = after.proposalId;
        where.push('(updated_at < @afterAt OR (updated_at = @afterAt AND proposal_id < @afterId))');
      }
      const rows = db
        .prepare(
          `SELECT proposal_id AS proposalId, openid, stars, text, updated_at AS updatedAt FROM ratings WHERE ${where.join(' AND ')}
           ORDER BY updated_at DESC, proposal_id DESC LIMIT @limit`,
        )
        .all(params) as (Omit<RatingRecord, 'text'> & { text: string | null })[];
      return sliceOf(rows.map(ratingOf), limit);
    },

    async findRating(proposalId: string, openid: string): Promise<RatingRecord | null> {
      const row = statements.rating.get(proposalId, openid) as (Omit<RatingRecord, 'text'> & { text: string | null }) | undefined;
      return row ? ratingOf(row) : null;
    },
  };
}

function ratingOf(row: Omit<RatingRecord, 'text'> & { text: string | null }): RatingRecord {
  const { text, ...rest } = row;
  return text === null ? rest : { ...rest, text };
}
