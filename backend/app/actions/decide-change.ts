import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { ChangeView, ProposalView } from '../../../types/api';
import { decideChange as decideInDomain } from '../../domain/changes';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { runTransition } from '../proposals';
import { personText, recordId } from '../schemas';

export const decideChange = defineAction({
  name: 'change.decide',
  summary: 'The street approves or refuses a pending change with a reason (R-CHG-1). An approved withdrawal ends the project and releases its budget; an approved adjustment re-reserves the new budget — on the ledger, in the same transaction.',
  schema: z.object({ changeId: recordId, approve: z.boolean(), reason: personText(TEXT_LIMITS.reason) }),
  access: { signIn: true, permission: 'change.decide' },
  audit: ['proposal', 'ledger'],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const change = await store.findChange(input.changeId);
    if (!change) return fail('not_found', '没有这个变更申请', 'changeId');
    const decided = decideInDomain(change, { approve: input.approve, reason: input.reason }, context.today);
    if (!decided.ok) return decided;
    const answer = await runTransition(context, change.proposalId, () => ({ action: 'change.apply', change: decided.value }));
    if (!answer.ok) return answer;
    return ok<ChangeView & { proposal: ProposalView }>({ ...decided.value, proposal: answer.data });
  },
});
