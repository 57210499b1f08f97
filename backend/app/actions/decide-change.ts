import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { decideChange as decideInDomain } from '../../domain/changes';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { runTransition } from '../proposals';
import { personText, recordId } from '../schemas';

/**
 * change.decide: the street approves or refuses a pending change with a reason (R-CHG-1). An
 * approved withdrawal ends the project and releases its budget; an approved adjustment
 * re-reserves the new budget — on the ledger, in the same transaction.
 */
export const decideChange = defineUseCase({
  schema: z.object({ changeId: recordId, approve: z.boolean(), reason: personText(TEXT_LIMITS.reason) }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const change = await store.findChange(input.changeId);
    if (!change) return fail('not_found', '没有这个变更申请', 'changeId');
    const decided = decideInDomain(change, { approve: input.approve, reason: input.reason }, context.today);
    if (!decided.ok) return decided;
    const answer = await runTransition(
      context,
      change.proposalId,
      'change.apply',
      () => ({ action: 'change.apply', change: decided.value }),
      { permission: 'change.decide' },
    );
    if (!answer.ok) return answer;
    return ok({ ...decided.value, proposal: answer.data });
  },
});
