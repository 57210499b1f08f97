import { z } from 'zod';
import type { ComplaintView } from '../../../types/api';
import { answerComplaint as answerInDomain, COMPLAINT_ANSWER_MAX } from '../../domain/complaints';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused } from '../proposals';
import { personText, recordId } from '../schemas';
import { complaintChain, complaintView } from '../complaints';

export const answerComplaint = defineAction({
  name: 'complaint.answer',
  summary: 'The street (or the district) answers a complaint once, with an outcome — upheld, dismissed or referred; the author finds the answer in the inbox.',
  schema: z.object({ id: recordId, answer: personText(COMPLAINT_ANSWER_MAX), outcome: z.enum(['upheld', 'dismissed', 'referred']) }),
  access: { signIn: true, permission: 'complaint.answer' },
  audit: ['complaint'],
  next: ['complaint.list'],
  async run(input, context) {
    const { store } = context.services;
    const complaint = await store.findComplaint(input.id);
    if (!complaint) return fail('not_found', '没有这条投诉建议', 'id');
    const refused = context.authorize(complaint);
    if (refused) return refused;
    const answered = answerInDomain(complaint, { text: input.answer, outcome: input.outcome }, { by: context.caller.openid as string, at: context.at });
    if (!answered.ok) return answered;
    const saved = await store.answerComplaint({
      complaint: answered.value,
      audit: context.auditEntry({ chainId: complaintChain(complaint.id), detail: { event: 'ComplaintAnswered', outcome: input.outcome } }),
      outbox: [
        {
          recipientOpenid: complaint.authorOpenid,
          kind: 'complaint_answered',
          payload: { complaintId: complaint.id, proposalId: complaint.proposalId ?? null, title: '您的投诉建议已答复', text: input.answer, outcome: input.outcome },
        },
      ],
    });
    if (!saved.ok) return commitRefused(saved);
    return ok<ComplaintView>(complaintView(saved.value, context.actor));
  },
});
