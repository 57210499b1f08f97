import { z } from 'zod';
import { authorize } from '../../domain/permissions';
import { checkAllocation, ledgerView } from '../../domain/ledger';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { ledgerOf } from '../ledgers';
import { commitRefused, ledgerChain } from '../proposals';
import { fen, recordId, year } from '../schemas';

/**
 * ledger.allocate: the street sets a community's allocated total for the year — at least half
 * the quota at the first allocation, never more than the quota, never less than what is
 * already approved (R-FUN-2). Audited on the ledger's chain.
 */
export const allocateLedger = defineUseCase({
  schema: z.object({ communityId: recordId, year, allocatedFen: fen }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const place = await store.findCommunity(input.communityId);
    if (!place) return fail('not_found', '没有这个社区', 'communityId');
    const refused = authorize(context.actor, 'ledger.allocate', place);
    if (refused) return { ok: false, error: refused };
    const ledger = (await ledgerOf(context, input.communityId, input.year))!;
    const next = checkAllocation(ledger, input.allocatedFen);
    if (!next.ok) return next;
    const saved = await store.allocate({
      communityId: input.communityId,
      year: input.year,
      quotaFen: next.value.quotaFen,
      allocatedFen: next.value.allocatedFen,
      audit: {
        chainId: ledgerChain(input.communityId, input.year),
        at: context.at,
        actor: context.caller.openid as string,
        action: 'ledger.allocate',
        from: null,
        to: null,
        detail: { fromAllocatedFen: ledger.allocatedFen, toAllocatedFen: next.value.allocatedFen },
      },
    });
    if (!saved.ok) return commitRefused(saved);
    return ok({ communityId: input.communityId, year: input.year, ...ledgerView(saved.value) });
  },
});
