import type { CommentRecord, Cursor, RatingRecord, Slice } from './store.port';

/** The Store's part for a person's own words (issue 17): comment.mine, rating.mine and my rating of a project. */
export interface MyWordsStore {
  /** A person's comments in every status, newest first. */
  listCommentsBy(openid: string, after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>>;
  /** A person's ratings, the latest changed first. */
  listRatingsBy(openid: string, after: { updatedAt: string; proposalId: string } | undefined, limit: number): Promise<Slice<RatingRecord>>;
  findRating(proposalId: string, openid: string): Promise<RatingRecord | null>;
}
