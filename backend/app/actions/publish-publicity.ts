import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { recordId } from '../schemas';

/** publicity.publish: the notice stands for 3 working days before implementation (R-PUB-1). */
export const publishPublicity = defineUseCase({
  schema: z.object({ id: recordId }),
  requiresSignIn: true,
  run: (input, context) => runTransition(context, input.id, 'publicity.publish', () => ({ action: 'publicity.publish' })),
});
