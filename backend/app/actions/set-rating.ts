import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { RatingView } from '../../../types/api';
import { shanghaiDateOf } from '../../domain/calendar';
import { canRate } from '../../domain/ratings';
import { canRateAsResident } from '../../domain/residency';
import { RESIDENCY_RATE_LIMITS, defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused, ratingChain } from '../proposals';
import { personText, recordId } from '../schemas';

export const setRating = defineAction({
  name: 'rating.set',
  summary: 'A resident of the community who already lived there on the day of completion rates a completed project, 1–5 stars and an optional text; one rating per resident, a later call replaces it (at most 10 a day), until the evaluation is published (R-EVA-1).',
  schema: z.object({ proposalId: recordId, stars: z.number().int().min(1).max(5), text: personText(TEXT_LIMITS.ratingText).optional() }),
  access: { signIn: true, permission: 'rating.set' },
  audit: ['ratings'],
  next: ['rating.summary'],
  async run(input, context) {
    const { store, contentCheck } = context.services;
    const openid = context.caller.openid as string;
    const stored = await store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const refused = context.authorize(stored.record);
    if (refused) return refused;
    const open = canRate(stored.record);
    if (!open.ok) return open;
    // Against hopping: only residents who already lived there on the day of completion rate.
    const since = context.user?.residentSince;
    const residency = since && context.user?.communityId ? { communityId: context.user.communityId, since: shanghaiDateOf(since) } : null;
    const resident = canRateAsResident(residency, stored.record.communityId, stored.record.implementation!.completedOn!);
    if (!resident.ok) return resident;
    if (input.text !== undefined) {
      const verdict = await contentCheck.check(input.text, { openid, scene: 'rating' }).catch(() => 'review' as const);
      // A rating's words are shown with its stars: unless the check passes them, they are not kept.
      if (verdict !== 'pass') return fail('content_rejected', '评价内容未通过安全检查，请修改', 'text');
    }
    const saved = await store.setRating({
      rating: { proposalId: input.proposalId, openid, stars: input.stars, text: input.text, updatedAt: context.at },
      proposalState: 'completed',
      rateLimit: {
        openid,
        action: `rating.set:${input.proposalId}`,
        windowStart: context.today,
        max: context.services.limits.ratingChangesPerDay ?? RESIDENCY_RATE_LIMITS.ratingChangesPerDay,
      },
      audit: context.auditEntry({ chainId: ratingChain(input.proposalId), detail: { stars: input.stars } }),
    });
    if (!saved.ok) return commitRefused(saved);
    const { openid: _openid, ...view } = saved.value;
    return ok<RatingView>(view);
  },
});
