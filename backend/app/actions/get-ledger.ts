import { z } from 'zod';
import { ledgerView } from '../../domain/ledger';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { ledgerOf } from '../ledgers';
import { recordId, year } from '../schemas';

/** ledger.get: every community's ledger — quota, allocated, approved, spent, remaining — is public (R-FUN-4). */
export const getLedger = defineUseCase({
  schema: z.object({ communityId: recordId, year }),
  requiresSignIn: false,
  async run(input, context) {
    const ledger = await ledgerOf(context, input.communityId, input.year);
    if (!ledger) return fail('not_found', '没有这个社区', 'communityId');
    return ok({ communityId: input.communityId, year: input.year, ...ledgerView(ledger) });
  },
});
