import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { dateString, personText, recordId } from '../schemas';
import { acceptanceSchema } from '../schemas.acceptance';

export const completeImplementation = defineAction({
  name: 'implementation.complete',
  summary: 'Completion, with the maintenance unit and its funding (R-CMP-1); ratings open.',
  schema: z.object({
    id: recordId,
    completedOn: dateString,
    maintenanceUnit: personText(TEXT_LIMITS.shortText),
    maintenanceFunding: personText(TEXT_LIMITS.maintenanceFunding),
    // Issue 18 (acceptance): R-ACC-1, the acceptance may come with the completion.
    acceptance: acceptanceSchema.optional().describe('the acceptance held with the completion (as implementation.accept takes it)'),
  }),
  access: { signIn: true, permission: 'implementation.complete' },
  audit: ['proposal'],
  next: ['rating.set', 'evaluation.publish'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
      action: 'implementation.complete',
      completedOn: input.completedOn,
      maintenanceUnit: input.maintenanceUnit,
      maintenanceFunding: input.maintenanceFunding,
      ...(input.acceptance ? { acceptance: { ...input.acceptance, recordedAt: context.at } } : {}),
    })),
});
