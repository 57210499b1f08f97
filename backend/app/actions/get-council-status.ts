import { z } from 'zod';
import type { CouncilStatus } from '../../../types/api';
import { councilStatus } from '../../domain/council';
import { lastHeldMeetingOn } from '../councils';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

export const getCouncilStatus = defineAction({
  name: 'council.status',
  summary: 'When the community\'s residents\' council last met (a published meeting counts once its day has come and a vote of it is recorded) and whether that is more than two months ago (R-COU-1); also the earliest day an agenda published today may meet (R-COU-2). Public.',
  schema: z.object({ communityId: recordId }),
  access: { signIn: false, permission: 'council.status' },
  audit: [],
  next: ['council.publishAgenda'],
  async run(input, context) {
    const { store, calendar } = context.services;
    if (!(await store.findCommunity(input.communityId))) return fail('not_found', '没有这个社区', 'communityId');
    const lastMeetingOn = await lastHeldMeetingOn(store, input.communityId, context.today);
    const status: CouncilStatus = councilStatus(input.communityId, lastMeetingOn, context.today, calendar);
    return ok(status);
  },
});
