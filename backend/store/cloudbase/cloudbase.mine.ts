import type { CommentRecord, Cursor, RatingRecord, Slice } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { commentOf, keysetPage, newestFirstPage } from './cloudbase.documents';
import { COLLECTIONS, ratingDocId } from './collections';
import type { Doc } from './doc-db';

/** What a person wrote, newest first (comment.mine, rating.mine); indexes `author_newest`, `rater_latest`. */
export function cloudBaseMine(core: CloudBaseCore) {
  return {
    async listCommentsBy(openid: string, after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>> {
      const page = await newestFirstPage(core.db, COLLECTIONS.comments, [{ authorOpenid: openid }], after, limit);
      return { items: page.items.map(commentOf), more: page.more };
    },

    async listRatingsBy(openid: string, after: { updatedAt: string; proposalId: string } | undefined, limit: number): Promise<Slice<RatingRecord>> {
      const page = await keysetPage(
        core.db,
        COLLECTIONS.ratings,
        [{ openid }],
        [
          ['updatedAt', 'desc'],
          ['proposalId', 'desc'],
        ],
        after ? [after.updatedAt, after.proposalId] : undefined,
        limit,
      );
      return { items: page.items.map(ratingOf), more: page.more };
    },

    async findRating(proposalId: string, openid: string): Promise<RatingRecord | null> {
      const doc = await core.db.get(COLLECTIONS.ratings, ratingDocId(proposalId, openid));
      return doc ? ratingOf(doc) : null;
    },
  };
}

function ratingOf(doc: Doc): RatingRecord {
  const rating: RatingRecord = { proposalId: doc.proposalId as string, openid: doc.openid as string, stars: doc.stars as number, updatedAt: doc.updatedAt as string };
  if (typeof doc.text === 'string') rating.text = doc.text;
  return rating;
}
