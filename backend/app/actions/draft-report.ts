import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { budgetLines, personText, recordId } from '../schemas';

/** proposal.draftReport: the application report with its budget lines in fen (R-REP-1, R-REP-2). */
export const draftReport = defineUseCase({
  schema: z.object({
    id: recordId,
    reason: personText(TEXT_LIMITS.reason),
    overview: personText(TEXT_LIMITS.reason),
    plan: personText(TEXT_LIMITS.plan),
    budgetLines,
  }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'proposal.draftReport', () => ({
      action: 'proposal.draftReport',
      reason: input.reason,
      overview: input.overview,
      plan: input.plan,
      budgetLines: input.budgetLines,
    })),
});
