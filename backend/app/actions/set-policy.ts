import { z } from 'zod';
import type { Policy } from '../../../types/domain';
import { authorize } from '../../domain/permissions';
import { checkPolicy } from '../../domain/policy';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { districtOf } from '../policies';
import { commitRefused } from '../proposals';
import { fen, recordId, year } from '../schemas';

/**
 * policy.set: the district sets the numbers the guideline says 原则上 — quota, services fee ratio,
 * street and tender thresholds — for a year; every change is audited and public.
 */
export const setPolicy = defineUseCase({
  schema: z.object({
    districtId: recordId.optional(),
    year,
    quotaFen: fen,
    feeRatioPercent: z.number().int().min(0).max(100),
    streetThresholdFen: z.object({ works: fen, goods: fen, services: fen }),
    tenderThresholdFen: fen,
  }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const districtId = await districtOf(context, input.districtId);
    if (!districtId) return fail('not_found', '没有这个区', 'districtId');
    const refused = authorize(context.actor, 'policy.set', { districtId });
    if (refused) return { ok: false, error: refused };
    const checked = checkPolicy({ ...input, districtId } satisfies Policy);
    if (!checked.ok) return checked;
    const saved = await store.savePolicy({
      policy: checked.value,
      at: context.at,
      audit: {
        chainId: `policy:${districtId}:${input.year}`,
        at: context.at,
        actor: context.caller.openid as string,
        action: 'policy.set',
        from: null,
        to: null,
        detail: { ...checked.value },
      },
    });
    if (!saved.ok) return commitRefused(saved);
    return ok(saved.value);
  },
});
