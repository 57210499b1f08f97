import { z } from 'zod';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { viewFor } from '../proposals';
import { recordId } from '../schemas';

/** proposal.get: proposals are public (R-TRN-1); the proposer's name is masked for others. */
export const getProposal = defineUseCase({
  schema: z.object({ id: recordId }),
  requiresSignIn: false,
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.id);
    if (!stored) return fail('not_found', '没有这个项目', 'id');
    return ok(await viewFor(context, stored));
  },
});
