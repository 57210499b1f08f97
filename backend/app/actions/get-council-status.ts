import { z } from 'zod';
import type { CouncilStatus, DateString } from '../../../types/api';
import { councilStatus, isMeetingHeld } from '../../domain/council';
import type { Store } from '../ports/store.port';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

/**
 * The day of the community's last meeting that counts as held (domain/council.ts), walking its
 * meetings from the latest day back: agendas published for days to come are passed over.
 */
async function lastHeldMeetingOn(store: Store, communityId: string, today: DateString): Promise<DateString | null> {
  let after: { meetingOn: string; id: string } | undefined;
  for (;;) {
    const page = await store.listMeetings(communityId, after, 20);
    const held = page.items.find((meeting) => isMeetingHeld(meeting, today));
    if (held) return held.meetingOn;
    const last = page.items[page.items.length - 1];
    if (!page.more || !last) return null;
    after = { meetingOn: last.meetingOn, id: last.id };
  }
}

export const getCouncilStatus = defineAction({
  name: 'council.status',
  summary: 'When the community\'s residents\' council last met (a published meeting counts once its day has come) and whether that is more than two months ago (R-COU-1); also the earliest day an agenda published today may meet (R-COU-2). Public.',
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
