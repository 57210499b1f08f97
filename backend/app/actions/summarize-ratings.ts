import { z } from 'zod';
import { ratingSummary } from '../../domain/ratings';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

/** rating.summary: count, average and histogram, kept on the proposal and read in O(1); public (R-TRN-1). */
export const summarizeRatings = defineUseCase({
  schema: z.object({ proposalId: recordId }),
  requiresSignIn: false,
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    return ok(ratingSummary(stored.counters));
  },
});
