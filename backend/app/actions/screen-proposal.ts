import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { Exclusion } from '../../../types/domain';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { exclusion, personText, recordId } from '../schemas';

export const screenProposal = defineAction({
  name: 'proposal.screen',
  summary: 'The community adopts a proposal, or not with a written explanation to the proposer; one that is another body\'s duty or duplicates a government project is never adopted (R-COL-2).',
  schema: z.object({ id: recordId, adopt: z.boolean(), explanation: personText(TEXT_LIMITS.explanation).optional(), exclusion: exclusion.optional() }),
  access: { signIn: true, permission: 'proposal.screen' },
  audit: ['proposal'],
  next: ['proposal.draftReport'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
      action: 'proposal.screen',
      adopt: input.adopt,
      explanation: input.explanation,
      exclusion: input.exclusion as Exclusion | undefined,
    })),
});
