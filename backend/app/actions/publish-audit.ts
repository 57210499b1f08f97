import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { fen, personText, recordId } from '../schemas';

export const publishAudit = defineAction({
  name: 'audit.publish',
  summary: 'The street publishes the audit and the final spending against the budget (R-AUD-1); the spending goes on the community\'s ledger.',
  schema: z.object({ id: recordId, auditor: personText(TEXT_LIMITS.shortText), spentFen: fen, report: personText(TEXT_LIMITS.auditReport) }),
  access: { signIn: true, permission: 'audit.publish' },
  audit: ['proposal', 'ledger'],
  next: [],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
      action: 'audit.publish',
      auditor: input.auditor,
      spentFen: input.spentFen,
      report: input.report,
    })),
});
