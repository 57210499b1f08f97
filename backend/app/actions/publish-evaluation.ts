import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { personText, recordId } from '../schemas';

/** evaluation.publish: the community publishes the evaluation result; ratings close (R-EVA-1). */
export const publishEvaluation = defineUseCase({
  schema: z.object({ id: recordId, summary: personText(TEXT_LIMITS.reason) }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'evaluation.publish', () => ({ action: 'evaluation.publish', summary: input.summary })),
});
