import type { CommentView } from '../../types/api';
import type { Actor, Place } from '../../types/domain';
import { freeTextFor, personNameFor } from '../domain/privacy';
import type { CommentRecord } from './ports/store.port';

/** A comment as `viewer` may see it: the author's name in full only for the author and staff in scope (R-TRN-1). */
export function commentView(comment: CommentRecord, viewer: Actor, place: Place): CommentView {
  const view: CommentView = {
    id: comment.id,
    proposalId: comment.proposalId,
    author: personNameFor({ openid: comment.authorOpenid, name: comment.authorName }, place, viewer),
    // R-TRN-1: phone numbers in the words are masked for all but the author and staff in scope.
    text: freeTextFor(comment.text, comment.authorOpenid, place, viewer),
    status: comment.status,
    createdAt: comment.createdAt,
    mine: viewer.openid !== null && viewer.openid === comment.authorOpenid,
  };
  if (comment.reply) view.reply = { text: freeTextFor(comment.reply.text, comment.reply.openid, place, viewer), repliedAt: comment.reply.repliedAt };
  return view;
}

/** The hour an instant falls in, as the window of the comment rate limit. */
export function hourWindowOf(at: string): string {
  return `${at.slice(0, 13)}:00`;
}
