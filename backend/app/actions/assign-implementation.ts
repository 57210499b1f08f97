import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { runTransition } from '../proposals';
import { dateString, personText, recordId } from '../schemas';

/** implementation.assign: after the window, the side the threshold names sets the implementer (R-IMP-1, R-IMP-2). */
export const assignImplementation = defineUseCase({
  schema: z.object({ id: recordId, implementer: personText(TEXT_LIMITS.shortText), assignedOn: dateString, tenderRef: personText(TEXT_LIMITS.shortText).optional() }),
  requiresSignIn: true,
  run: (input, context) =>
    runTransition(context, input.id, 'implementation.assign', () => ({
      action: 'implementation.assign',
      implementer: input.implementer,
      assignedOn: input.assignedOn,
      tenderRef: input.tenderRef,
    })),
});
