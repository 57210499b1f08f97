import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { budgetLines, personText, recordId } from '../schemas';

export const draftReport = defineAction({
  name: 'proposal.draftReport',
  summary: 'The application report: reason, overview, plan and budget lines in fen (R-REP-1); for services the fee lines stay within the district\'s ratio (R-REP-2). Redrafted until the agenda is published.',
  schema: z.object({
    id: recordId,
    reason: personText(TEXT_LIMITS.reason),
    overview: personText(TEXT_LIMITS.reason),
    plan: personText(TEXT_LIMITS.plan),
    budgetLines,
  }),
  access: { signIn: true, permission: 'proposal.draftReport' },
  audit: ['proposal'],
  next: ['council.publishAgenda'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
      action: 'proposal.draftReport',
      reason: input.reason,
      overview: input.overview,
      plan: input.plan,
      budgetLines: input.budgetLines,
    })),
});
