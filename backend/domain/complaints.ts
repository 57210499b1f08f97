/**
 * Complaints and suggestions 投诉建议 (二(二)4, 二(三)3; issue 18): anyone signed in may raise one
 * about a community or one of its projects, at any stage. It goes to the street of the community,
 * is private to its author and the staff above the community (street, district, city, the
 * supervisors), and is answered once with an outcome that the author is told of.
 */
import type { Actor, ComplaintOutcome, ComplaintRecord, InstantString, Place } from '../../types/domain';
import { firstRefusal, requireLength, requireText } from './lifecycle.checks';
import { fail, type Result } from './result';
import { holdsRole } from './scope';

export const COMPLAINT_TEXT_MAX = 1000;
export const COMPLAINT_ANSWER_MAX = 1000;

/** The staff who read the complaints of a community: the street above it and every scope over it. */
export const COMPLAINT_READERS = ['street', 'district', 'city', 'supervisor'] as const;

export interface ComplaintInput {
  text: string;
  proposalId?: string;
}

/** A new complaint, open, at the community's place (so that its street finds it). */
export function newComplaint(
  input: ComplaintInput,
  context: { id: string; place: Place; authorOpenid: string; at: InstantString },
): Result<ComplaintRecord> {
  const refused = firstRefusal(requireText(input.text, 'text', '投诉建议内容'), requireLength(input.text, COMPLAINT_TEXT_MAX, 'text', '投诉建议内容'));
  if (refused) return { ok: false, error: refused };
  return {
    ok: true,
    value: {
      id: context.id,
      ...context.place,
      ...(input.proposalId ? { proposalId: input.proposalId } : {}),
      authorOpenid: context.authorOpenid,
      text: input.text.trim(),
      status: 'open',
      createdAt: context.at,
    },
  };
}

/** Private: its author and the staff above the community, nobody else. */
export function canReadComplaint(complaint: ComplaintRecord, viewer: Actor): boolean {
  return (viewer.openid !== null && viewer.openid === complaint.authorOpenid) || holdsRole(viewer, COMPLAINT_READERS, complaint);
}

/** The one answer of a complaint: its text and outcome; a second answer is refused. */
export function answerComplaint(
  complaint: ComplaintRecord,
  answer: { text: string; outcome: ComplaintOutcome },
  context: { by: string; at: InstantString },
): Result<ComplaintRecord> {
  if (complaint.status !== 'open') return fail('invalid_state', '该投诉建议已答复');
  const refused = firstRefusal(requireText(answer.text, 'answer', '答复内容'), requireLength(answer.text, COMPLAINT_ANSWER_MAX, 'answer', '答复内容'));
  if (refused) return { ok: false, error: refused };
  return {
    ok: true,
    value: { ...complaint, status: 'answered', answer: { text: answer.text.trim(), outcome: answer.outcome, by: context.by, answeredAt: context.at } },
  };
}
