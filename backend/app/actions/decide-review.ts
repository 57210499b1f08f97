import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { checkApproval } from '../../domain/ledger';
import { ledgerOf } from '../ledgers';
import { runTransition } from '../proposals';
import { personText, positiveFen, recordId } from '../schemas';

export const decideReview = defineAction({
  name: 'review.decide',
  summary: 'The street approves with a budget, rejects with a published reason or transfers to a department (R-REV-1..3). An approval reserves the budget on the community\'s ledger in the same transaction; racing approvals cannot pass the allocation (R-FUN-1).',
  schema: z.object({
    id: recordId,
    outcome: z.enum(['approved', 'rejected', 'transferred']),
    reason: personText(TEXT_LIMITS.reason).optional(),
    approvedBudgetFen: positiveFen.optional(),
    department: personText(TEXT_LIMITS.shortText).optional(),
  }),
  access: { signIn: true, permission: 'review.decide' },
  audit: ['proposal', 'ledger'],
  next: ['publicity.publish'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
        action: 'review.decide',
        outcome: input.outcome,
        reason: input.reason,
        approvedBudgetFen: input.approvedBudgetFen,
        department: input.department,
      }),
      {
        // R-FUN-1: the ledger's room, read first for a refusal that says how much is left.
        precheck: async (next) => {
          if (next.state !== 'approved' || next.budgetYear === undefined) return null;
          const ledger = await ledgerOf(context, next.communityId, next.budgetYear);
          const fits = checkApproval(ledger!, next.approvedBudgetFen!);
          return fits.ok ? null : fits;
        },
      },
    ),
});
