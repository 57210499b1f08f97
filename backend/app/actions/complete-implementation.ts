import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { dateString, personText, recordId } from '../schemas';

/** implementation.complete: completion with the maintenance unit and its funding (R-CMP-1); ratings open. */
export const completeImplementation = defineUseCase({
  schema: z.object({
    id: recordId,
    completedOn: dateString,
    maintenanceUnit: personText(TEXT_LIMITS.shortText),
    maintenanceFunding: personText(TEXT_LIMITS.maintenanceFunding),
  }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'implementation.complete', () => ({
      action: 'implementation.complete',
      completedOn: input.completedOn,
      maintenanceUnit: input.maintenanceUnit,
      maintenanceFunding: input.maintenanceFunding,
    })),
});
