import { z } from 'zod';
import type { ComplaintView } from '../../../types/api';
import { COMPLAINT_TEXT_MAX, newComplaint } from '../../domain/complaints';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { personText, recordId, requestId } from '../schemas';
import { complaintChain, complaintView } from '../complaints';

export const submitComplaint = defineAction({
  name: 'complaint.submit',
  summary: 'A complaint or suggestion 投诉建议 about a community or one of its projects, at any stage (二(二)4, 二(三)3). It goes to the street of the community and is private to its author and the staff above the community. The same requestId answers the first one.',
  schema: z.object({ communityId: recordId, proposalId: recordId.optional(), text: personText(COMPLAINT_TEXT_MAX), requestId }),
  access: { signIn: true, permission: 'complaint.submit' },
  audit: ['complaint'],
  next: ['complaint.list'],
  async run(input, context) {
    const { store, newId } = context.services;
    const openid = context.caller.openid as string;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = context.authorize(place);
    if (refused) return refused;
    if (input.proposalId) {
      const stored = await store.findProposal(input.proposalId);
      if (!stored || stored.record.communityId !== place.communityId) return fail('not_found', '本社区没有这个项目', 'proposalId');
    }
    const made = newComplaint(input, { id: newId('cp'), place, authorOpenid: openid, at: context.at });
    if (!made.ok) return made;
    const complaint = made.value;
    // The street of the community is told; the text stays in the complaint (the trail holds no text).
    const street = await store.staffOf('street', place.streetId);
    const saved = await store.submitComplaint({
      complaint,
      request: { openid, action: 'complaint.submit', requestId: input.requestId },
      audit: context.auditEntry({
        chainId: complaintChain(complaint.id),
        detail: { event: 'ComplaintSubmitted', communityId: complaint.communityId, ...(complaint.proposalId ? { proposalId: complaint.proposalId } : {}) },
      }),
      outbox: street.map((recipientOpenid) => ({
        recipientOpenid,
        kind: 'complaint_received',
        payload: { complaintId: complaint.id, communityId: complaint.communityId, proposalId: complaint.proposalId ?? null, title: '新的投诉建议' },
      })),
    });
    return ok<ComplaintView>(complaintView(saved.complaint, context.actor));
  },
});
