import { z } from 'zod';
import type { RatingSummary } from '../../../types/api';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { averageStars } from '../proposals';
import { recordId } from '../schemas';

/** rating.summary: count, average and histogram, kept on the proposal and read in O(1); public (R-TRN-1). */
export const summarizeRatings = defineUseCase({
  schema: z.object({ proposalId: recordId }),
  requiresSignIn: false,
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const { ratingCount, ratingSum, histogram } = stored.counters;
    const summary: RatingSummary = {
      count: ratingCount,
      average: averageStars(ratingSum, ratingCount),
      histogram: { '1': histogram[0], '2': histogram[1], '3': histogram[2], '4': histogram[3], '5': histogram[4] },
    };
    return ok(summary);
  },
});
