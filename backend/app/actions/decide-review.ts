import { z } from 'zod';
import { defineUseCase } from '../action';
import { yearOf } from '../../domain/calendar';
import { can } from '../../domain/permissions';
import { checkApproval } from '../../domain/policy';
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
    reason: personText(2000).optional(),
    approvedBudgetFen: positiveFen.optional(),
    department: personText(100).optional(),
  }),
  requiresSignIn: true,
  async run(input, context) {
    if (input.outcome === 'approved' && input.approvedBudgetFen !== undefined) {
      // A first look at the ledger gives a clear message; the store's conditional update decides.
      const stored = await context.services.store.findProposal(input.id);
      const ledger = stored ? await ledgerOf(context, stored.record.communityId, yearOf(context.today)) : null;
      const fits = ledger ? checkApproval(ledger, input.approvedBudgetFen) : null;
      if (fits && !fits.ok && stored && can(context.actor, 'review.decide', stored.record)) return fits;
    }
    return runTransition(context, input.id, 'review.decide', () => ({
      action: 'review.decide',
      outcome: input.outcome,
      reason: input.reason,
      approvedBudgetFen: input.approvedBudgetFen,
      department: input.department,
    }));
  },
});
