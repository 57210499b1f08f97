import type { DateString } from '../../types/api';
import { isMeetingHeld } from '../domain/council';
import type { Store } from './ports/store.port';

/**
 * R-COU-1: the day of the community's last meeting that counts as held (domain/council.ts),
 * walking its meetings from the latest day back: agendas for days to come, and days that passed
 * without a recorded vote, are passed over.
 */
export async function lastHeldMeetingOn(store: Store, communityId: string, today: DateString): Promise<DateString | null> {
  let after: { meetingOn: string; id: string } | undefined;
  for (;;) {
    const page = await store.listMeetings(communityId, after, 20);
    for (const meeting of page.items) {
      if (meeting.meetingOn > today) continue;
      const agenda = await Promise.all(meeting.proposalIds.map(async (id) => (await store.findProposal(id))?.record ?? {}));
      if (isMeetingHeld(meeting, today, agenda)) return meeting.meetingOn;
    }
    const last = page.items[page.items.length - 1];
    if (!page.more || !last) return null;
    after = { meetingOn: last.meetingOn, id: last.id };
  }
}
