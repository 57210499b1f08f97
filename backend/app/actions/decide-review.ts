import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { checkApproval } from '../../domain/ledger';
import { ledgerOf } from '../ledgers';
import { runTransition } from '../proposals';
import { personText, positiveFen, recordId } from '../schemas';

/**
 * review.decide: the street approves with a budget, rejects with a reason or transfers to a
 * department (R-REV-1..3). Approval reserves the budget on the community's ledger in the same
 * transaction, with a conditional update that racing approvals cannot pass (R-FUN-1).
 */
export const decideReview = defineUseCase({
  schema: z.object({
    id: recordId,
    outcome: z.enum(['approved', 'rejected', 'transferred']),
    reason: personText(TEXT_LIMITS.reason).optional(),
    approvedBudgetFen: positiveFen.optional(),
    department: personText(TEXT_LIMITS.shortText).optional(),
  }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(
      context,
      input.id,
      'review.decide',
      () => ({
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
