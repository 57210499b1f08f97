import { z } from 'zod';
import { defineUseCase } from '../action';
import { fail } from '../answers';
import { runTransition } from '../proposals';
import { count, recordId } from '../schemas';

/** council.recordVote: the council's vote on one proposal of a meeting, on or after its day (R-COU-3). */
export const recordVote = defineUseCase({
  schema: z.object({ meetingId: recordId, proposalId: recordId, attendance: count, for: count, against: count, abstain: count }),
  requiresSignIn: true,
  async run(input, context) {
    const meeting = await context.services.store.findMeeting(input.meetingId);
    if (!meeting) return fail('not_found', '没有这次议事会', 'meetingId');
    if (!meeting.proposalIds.includes(input.proposalId)) return fail('invalid_input', '该项目不在本次议事会的议题中', 'proposalId');
    return runTransition(context, input.proposalId, 'council.recordVote', () => ({
      action: 'council.recordVote',
      attendance: input.attendance,
      for: input.for,
      against: input.against,
      abstain: input.abstain,
    }));
  },
});
