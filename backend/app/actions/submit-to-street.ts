import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { recordId } from '../schemas';

/** proposal.submitToStreet: a passed proposal goes to the street, which has 15 working days (R-REV-1). */
export const submitToStreet = defineUseCase({
  schema: z.object({ id: recordId }),
  requiresSignIn: true,
  run: (input, context) => runTransition(context, input.id, 'proposal.submitToStreet', () => ({ action: 'proposal.submitToStreet' })),
});
