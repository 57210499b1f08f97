import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { fen, personText, recordId } from '../schemas';

/** audit.publish: the audit and the final spending against the budget (R-AUD-1); spending goes on the ledger. */
export const publishAudit = defineUseCase({
  schema: z.object({ id: recordId, auditor: personText(TEXT_LIMITS.shortText), spentFen: fen, report: personText(TEXT_LIMITS.auditReport) }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'audit.publish', () => ({
      action: 'audit.publish',
      auditor: input.auditor,
      spentFen: input.spentFen,
      report: input.report,
    })),
});
