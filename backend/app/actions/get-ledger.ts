import { z } from 'zod';
import type { LedgerAnswer } from '../../../types/api';
import { ledgerView } from '../../domain/ledger';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { ledgerOf } from '../ledgers';
import { recordId, year } from '../schemas';

export const getLedger = defineAction({
  name: 'ledger.get',
  summary: 'A community\'s ledger of a year — quota, allocated, approved, spent, remaining — is public (R-FUN-4).',
  schema: z.object({ communityId: recordId, year }),
  access: { signIn: false, permission: 'ledger.get' },
  audit: [],
  next: [],
  async run(input, context) {
    const ledger = await ledgerOf(context, input.communityId, input.year);
    if (!ledger) return fail('not_found', '没有这个社区', 'communityId');
    return ok<LedgerAnswer>({ communityId: input.communityId, year: input.year, ...ledgerView(ledger) });
  },
});
