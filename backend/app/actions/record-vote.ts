import { z } from 'zod';
import { defineAction } from '../action';
import { fail } from '../answers';
import { runTransition } from '../proposals';
import { count, recordId } from '../schemas';

export const recordVote = defineAction({
  name: 'council.recordVote',
  summary: 'The council\'s vote on one proposal of a meeting, on or after the meeting day; it passes when more than half of the attendance votes for it (R-COU-3).',
  schema: z.object({ meetingId: recordId, proposalId: recordId, attendance: count, for: count, against: count, abstain: count }),
  access: { signIn: true, permission: 'council.recordVote' },
  audit: ['proposal'],
  next: ['proposal.submitToStreet'],
  async run(input, context) {
    const meeting = await context.services.store.findMeeting(input.meetingId);
    if (!meeting) return fail('not_found', '没有这次议事会', 'meetingId');
    if (!meeting.proposalIds.includes(input.proposalId)) return fail('invalid_input', '该项目不在本次议事会的议题中', 'proposalId');
    return runTransition(context, input.proposalId, () => ({
      action: 'council.recordVote',
      attendance: input.attendance,
      for: input.for,
      against: input.against,
      abstain: input.abstain,
    }));
  },
});
