import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { dateString, recordId } from '../schemas';

/** implementation.start: the implementing side records the start (R-IMP-3). */
export const startImplementation = defineUseCase({
  schema: z.object({ id: recordId, startedOn: dateString }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'implementation.start', () => ({ action: 'implementation.start', startedOn: input.startedOn })),
});
