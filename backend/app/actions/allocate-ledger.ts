import { z } from 'zod';
import type { LedgerAnswer } from '../../../types/api';
import { checkAllocation, ledgerView } from '../../domain/ledger';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { ledgerOf } from '../ledgers';
import { commitRefused, ledgerChain } from '../proposals';
import { fen, recordId, year } from '../schemas';

export const allocateLedger = defineAction({
  name: 'ledger.allocate',
  summary: 'The street sets a community\'s allocated total for the year: at least half the quota at the first allocation, never more than the quota, never less than what is already approved (R-FUN-2).',
  schema: z.object({ communityId: recordId, year, allocatedFen: fen }),
  access: { signIn: true, permission: 'ledger.allocate' },
  audit: ['ledger'],
  next: ['review.decide'],
  async run(input, context) {
    const { store } = context.services;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = context.authorize(place);
    if (refused) return refused;
    const ledger = (await ledgerOf(context, input.communityId, input.year))!;
    const next = checkAllocation(ledger, input.allocatedFen);
    if (!next.ok) return next;
    const saved = await store.allocate({
      communityId: input.communityId,
      year: input.year,
      quotaFen: next.value.quotaFen,
      allocatedFen: next.value.allocatedFen,
      audit: context.auditEntry({
        chainId: ledgerChain(input.communityId, input.year),
        detail: { fromAllocatedFen: ledger.allocatedFen, toAllocatedFen: next.value.allocatedFen },
      }),
    });
    if (!saved.ok) return commitRefused(saved);
    return ok<LedgerAnswer>({ communityId: input.communityId, year: input.year, ...ledgerView(saved.value) });
  },
});
