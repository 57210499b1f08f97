import { z } from 'zod';
import type { Policy } from '../../../types/domain';
import { checkPolicy } from '../../domain/policy';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { districtOf } from '../policies';
import { commitRefused, policyChain } from '../proposals';
import { fen, recordId, year } from '../schemas';

export const setPolicy = defineAction({
  name: 'policy.set',
  summary: 'The district sets the numbers the guideline says 原则上 — quota, services fee ratio, street and tender thresholds, the working days before a waiting project counts as stalled — for a year; audited and public. A quota below what a street already allocated is refused (R-FUN-2).',
  schema: z.object({
    districtId: recordId.optional(),
    year,
    quotaFen: fen,
    feeRatioPercent: z.number().int().min(0).max(100),
    streetThresholdFen: z.object({ works: fen, goods: fen, services: fen }),
    tenderThresholdFen: fen,
    // Supervision (issue 18): working days before a waiting project counts as stalled (default 20).
    stallWorkingDays: z.number().int().min(1).max(250).optional(),
  }),
  access: { signIn: true, permission: 'policy.set' },
  audit: ['policy'],
  next: ['policy.get'],
  async run(input, context) {
    const { store } = context.services;
    const districtId = await districtOf(context, input.districtId);
    if (!districtId) return fail('not_found', '没有这个区', 'districtId');
    const refused = context.authorize({ districtId });
    if (refused) return refused;
    const { stallWorkingDays, ...numbers } = input;
    const checked = checkPolicy({ ...numbers, districtId, ...(stallWorkingDays !== undefined ? { stallWorkingDays } : {}) } satisfies Policy);
    if (!checked.ok) return checked;
    const saved = await store.savePolicy({
      policy: checked.value,
      at: context.at,
      audit: context.auditEntry({ chainId: policyChain(districtId, input.year), detail: { ...checked.value } }),
    });
    if (!saved.ok) return commitRefused(saved);
    return ok(saved.value);
  },
});
