import { z } from 'zod';
import { ratingSummary } from '../../domain/ratings';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';

export const summarizeRatings = defineAction({
  name: 'rating.summary',
  summary: 'Count, average and histogram of a project\'s ratings, kept on the proposal and read in O(1); public (R-TRN-1).',
  schema: z.object({ proposalId: recordId }),
  access: { signIn: false, permission: 'rating.summary' },
  audit: [],
  next: [],
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    return ok(ratingSummary(stored.counters));
  },
});
