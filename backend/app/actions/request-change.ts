import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { ChangeView } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { runTransition } from '../proposals';
import { budgetLines, personText, positiveFen, recordId } from '../schemas';

export const requestChange = defineAction({
  name: 'change.request',
  summary: 'After approval, a change of budget, a withdrawal or a revised plan and lines (R-PUB-3) goes to the street with a reason, one at a time (R-CHG-1).',
  schema: z.object({
    id: recordId,
    kind: z.enum(['adjust', 'withdraw', 'revise']),
    reason: personText(TEXT_LIMITS.reason),
    newBudgetFen: positiveFen.optional(),
    // Revised plans (issue 18): kind revise
    plan: personText(TEXT_LIMITS.plan).optional(),
    budgetLines: budgetLines.optional(),
  }),
  access: { signIn: true, permission: 'change.request' },
  audit: ['proposal'],
  next: ['change.decide'],
  async run(input, context) {
    const changeId = context.services.newId('ch');
    const answer = await runTransition(context, input.id, () => ({
      action: 'change.request',
      changeId,
      kind: input.kind,
      reason: input.reason,
      newBudgetFen: input.newBudgetFen,
      plan: input.plan,
      budgetLines: input.budgetLines,
    }));
    if (!answer.ok) return answer;
    const change = await context.services.store.findChange(changeId);
    if (!change) return fail('internal', '系统繁忙，请稍后再试');
    return ok<ChangeView>(change);
  },
});
