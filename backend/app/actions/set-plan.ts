import { z } from 'zod';
import type { StreetPlan } from '../../../types/domain';
import { TEXT_LIMITS } from '../../../common/limits';
import { checkPlanItems } from '../../domain/plans';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { count, fen, recordId, year } from '../schemas';

export const setPlan = defineAction({
  name: 'plan.set',
  summary: "The street's plan for a year: projects and money planned per community (R-PLN-1); a later call replaces it. `report.summary` shows it against what happened.",
  schema: z.object({
    streetId: recordId,
    year,
    items: z.array(z.object({ communityId: recordId, plannedCount: count, plannedFen: fen })).max(200),
    note: z.string().trim().max(TEXT_LIMITS.reason),
  }),
  access: { signIn: true, permission: 'plan.set' },
  audit: ['plan'],
  next: ['report.summary'],
  async run(input, context) {
    const { store } = context.services;
    const place = await store.findScope(input.streetId);
    if (!place || place.kind !== 'street') return fail('not_found', '没有这个街道', 'streetId');
    const refused = context.authorize({ streetId: input.streetId, districtId: place.districtId });
    if (refused) return refused;
    const streetOf: Record<string, string | null> = {};
    for (const item of input.items) streetOf[item.communityId] = (await store.findCommunity(item.communityId))?.streetId ?? null;
    const bad = checkPlanItems(input.items, input.streetId, streetOf);
    if (bad) return { ok: false, error: bad };
    const plan: StreetPlan = { streetId: input.streetId, year: input.year, items: input.items, note: input.note, updatedAt: context.at };
    const saved = await store.savePlan({
      plan,
      districtId: place.districtId,
      audit: context.auditEntry({ chainId: `plan:${input.streetId}:${input.year}`, detail: { event: 'PlanSet', items: input.items.length } }),
    });
    return ok(saved);
  },
});
