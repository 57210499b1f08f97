import { z } from 'zod';
import type { CouncilMeetingView } from '../../../types/api';
import { compareDates } from '../../domain/calendar';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

export const listCouncilMeetings = defineAction({
  name: 'council.list',
  summary: 'A community\'s council meetings with their agenda proposals, latest meeting day first; `upcoming` keeps the meetings of today and after. Agendas are public once published, three working days before the meeting (R-COU-2, R-TRN-1).',
  schema: z.object({ communityId: recordId, upcoming: z.boolean().optional(), limit: z.number().int().min(1).max(50).optional() }),
  access: { signIn: false, permission: 'council.list' },
  audit: [],
  next: ['proposal.get'],
  async run(input, context) {
    const { store } = context.services;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = context.authorize(place);
    if (refused) return refused;
    const limit = input.limit ?? 20;
    const page = await store.listMeetings(input.communityId, undefined, limit);
    // Latest meeting day first: the upcoming ones lead the list.
    const meetings = input.upcoming ? page.items.filter((meeting) => compareDates(meeting.meetingOn, context.today) >= 0) : page.items;
    const items: CouncilMeetingView[] = [];
    for (const meeting of meetings) {
      const proposals = [];
      for (const id of meeting.proposalIds) {
        const stored = await store.findProposal(id);
        if (stored) proposals.push({ id, title: stored.record.title, state: stored.record.state, category: stored.record.category });
      }
      items.push({ id: meeting.id, communityId: meeting.communityId, meetingOn: meeting.meetingOn, publishedOn: meeting.publishedOn, proposals });
    }
    return ok<{ items: CouncilMeetingView[] }>({ items });
  },
});
