import { z } from 'zod';
import type { CouncilStatus } from '../../../types/api';
import { councilDueOn, councilOverdue, earliestMeetingOn } from '../../domain/deadlines';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

/**
 * council.status: when the community's residents' council last met and whether that is older
 * than two months (R-COU-1) — a flag for the workbench, public like the agendas themselves.
 * A community that never met is not flagged: there is no meeting to count from.
 */
export const getCouncilStatus = defineUseCase({
  schema: z.object({ communityId: recordId }),
  requiresSignIn: false,
  async run(input, context) {
    const { store, calendar } = context.services;
    if (!(await store.findCommunity(input.communityId))) return fail('not_found', '没有这个社区', 'communityId');
    const lastMeetingOn = await store.lastMeetingOn(input.communityId);
    const status: CouncilStatus = {
      communityId: input.communityId,
      lastMeetingOn,
      nextDueOn: lastMeetingOn ? councilDueOn(lastMeetingOn, calendar) : null,
      overdue: lastMeetingOn ? councilOverdue(lastMeetingOn, context.today, calendar) : false,
      earliestMeetingOn: earliestMeetingOn(context.today, calendar),
    };
    return ok(status);
  },
});
