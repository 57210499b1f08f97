import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { viewFor } from '../proposals';
import { recordId } from '../schemas';

export const getProposal = defineAction({
  name: 'proposal.get',
  summary: 'One proposal as the caller may see it, with the actions they may take now (`allowedActions`). Proposals are public (R-TRN-1); the proposer\'s name is masked for everyone but the proposer and the staff in scope.',
  schema: z.object({ id: recordId }),
  access: { signIn: false, permission: 'proposal.get' },
  audit: [],
  next: [],
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.id);
    if (!stored) return fail('not_found', '没有这个项目', 'id');
    return ok(await viewFor(context, stored));
  },
});
