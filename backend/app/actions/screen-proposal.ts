import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { Exclusion } from '../../../types/domain';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { exclusion, personText, recordId } from '../schemas';

/** proposal.screen: the community adopts, or not with an explanation to the proposer (R-COL-2). */
export const screenProposal = defineUseCase({
  schema: z.object({ id: recordId, adopt: z.boolean(), explanation: personText(TEXT_LIMITS.explanation).optional(), exclusion: exclusion.optional() }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'proposal.screen', () => ({
      action: 'proposal.screen',
      adopt: input.adopt,
      explanation: input.explanation,
      exclusion: input.exclusion as Exclusion | undefined,
    })),
});
