import { recordAcceptance } from '../../domain/acceptance';
import { defineAction } from '../action';
import { viewFor } from '../proposals';
import { runRecordWrite } from '../project-records';
import { acceptanceSchema } from '../schemas.acceptance';
import { recordId } from '../schemas';

export const acceptImplementation = defineAction({
  name: 'implementation.accept',
  summary:
    'The implementing side records an acceptance 验收 — date, participants, opinion, passed (R-ACC-1); after a failed one it is held again, and the latest counts. Answers the project.',
  schema: acceptanceSchema.extend({ id: recordId }),
  access: { signIn: true, permission: 'implementation.accept' },
  audit: ['proposal'],
  next: ['implementation.complete'],
  run: async (input, context) => {
    const { id, ...acceptance } = input;
    const answered = await runRecordWrite(context, id, {
      decide: (record) => recordAcceptance(record, { ...acceptance, recordedAt: context.at }, context.today),
      detail: () => ({ event: 'AcceptanceRecorded', acceptedOn: acceptance.acceptedOn, passed: acceptance.passed }),
      answer: (stored) => stored,
    });
    return answered.ok ? { ok: true as const, data: await viewFor(context, answered.data) } : answered;
  },
});
