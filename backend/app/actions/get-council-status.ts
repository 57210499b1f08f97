import { z } from 'zod';
import type { CouncilStatus, DateString } from '../../../types/api';
import { councilStatus, isMeetingHeld } from '../../domain/council';
import type { Store } from '../ports/store.port';
import { defineUseCase } from '../action';
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
    const lastMeetingOn = await lastHeldMeetingOn(store, input.communityId, context.today);
    const status: CouncilStatus = councilStatus(input.communityId, lastMeetingOn, context.today, calendar);
    return ok(status);
  },
});
