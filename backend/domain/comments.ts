/**
 * Comments on a proposal during its publicity (R-PUB-2, R-PUB-3, R-TRN-1): when they may be
 * written, and who sees which. A comment the content check was unsure of waits `pending` for a
 * community worker; it is shown to its author and to the community workers in scope, to nobody
 * else. A hidden comment is shown to nobody. The stores translate the visibility decided here
 * into their queries; they do not decide it.
 */
import type { CommentStatus } from '../../types/api';
import type { Actor, DateString, Place, ProposalRecord } from '../../types/domain';
import { defaultCalendar, type WorkCalendar } from './calendar';
import { isPublicityOpen, publicityWindowOf } from './deadlines';
import { fail, type Failure } from './result';
import { holdsRole } from './scope';


/** Which comments of a proposal a viewer sees: the published ones always, and these pending ones. */
export interface CommentVisibility {
  /** Every pending comment (the community workers in scope, who publish or hide them). */
  allPending: boolean;
  /** The pending comments of this author (the viewer's own); null for an anonymous viewer. */
  pendingOf: string | null;
}

/** R-PUB-2, R-TRN-1: what `viewer` sees of the comments on a proposal at `place`. */
export function commentVisibility(viewer: Actor, place: Place): CommentVisibility {
  return { allPending: holdsRole(viewer, ['community'], place), pendingOf: viewer.openid };
}

/** Whether one comment is visible under a visibility (the same test the stores' queries make). */
export function isCommentVisible(comment: { status: CommentStatus; authorOpenid: string }, visibility: CommentVisibility): boolean {
  if (comment.status === 'published') return true;
  return comment.status === 'pending' && (visibility.allPending || comment.authorOpenid === visibility.pendingOf);
}

export type Permit = { ok: true } | Failure;

export const PERMITTED: Permit = { ok: true };

/**
 * R-PUB-2: residents comment while the publicity window is open, until 24:00 of its last day in
 * Asia/Shanghai (`today` is the Shanghai date of the instant, whatever the server's zone).
 */
export function canComment(record: ProposalRecord, today: DateString, calendar: WorkCalendar = defaultCalendar): Permit {
  if (record.state !== 'publicity') return fail('window_closed', '项目不在公示期，不能发表意见');
  if (isPublicityOpen(record, today, calendar)) return PERMITTED;
  return fail('window_closed', `公示期已于 ${publicityWindowOf(record, calendar).on} 结束，不能再发表意见`);
}

/** R-PUB-2, R-PUB-3: comments exist from publicity on; the community answers and moderates them. */
export function hasCommentsOpenToStaff(record: ProposalRecord): boolean {
  return record.publicity !== undefined;
}
