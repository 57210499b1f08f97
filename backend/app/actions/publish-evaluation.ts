import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { personText, recordId } from '../schemas';

export const publishEvaluation = defineAction({
  name: 'evaluation.publish',
  summary: 'The community publishes the evaluation result; ratings close (R-EVA-1).',
  schema: z.object({ id: recordId, summary: personText(TEXT_LIMITS.reason) }),
  access: { signIn: true, permission: 'evaluation.publish' },
  audit: ['proposal'],
  next: ['audit.publish'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({ action: 'evaluation.publish', summary: input.summary })),
});
