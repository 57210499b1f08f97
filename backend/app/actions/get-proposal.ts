import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { viewFor } from '../proposals';
import { recordId } from '../schemas';

export const getProposal = defineAction({
  name: 'proposal.get',
  summary: 'One proposal as the caller may see it, with the actions they may take now (`allowedActions`). Proposals are public (R-TRN-1); the proposer\'s name is masked for everyone but the proposer and the staff in scope. A caller who rated it finds their rating in `myRating`.',
  schema: z.object({ id: recordId }),
  access: { signIn: false, permission: 'proposal.get' },
  audit: [],
  next: [],
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.id);
    if (!stored) return fail('not_found', '没有这个项目', 'id');
    const view = await viewFor(context, stored);
    // R-EVA-1: the caller's own rating, so that the page shows their stars rather than asking again.
    const mine = context.caller.openid ? await context.services.store.findRating(stored.record.id, context.caller.openid) : null;
    if (mine) view.myRating = { proposalId: mine.proposalId, stars: mine.stars, ...(mine.text !== undefined ? { text: mine.text } : {}), updatedAt: mine.updatedAt };
    return ok(view);
  },
});
