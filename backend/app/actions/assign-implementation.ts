import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { dateString, personText, recordId } from '../schemas';

export const assignImplementation = defineAction({
  name: 'implementation.assign',
  summary: 'After the publicity window, the side the district\'s threshold names sets the implementer (R-IMP-1), with a tender record where the budget reaches the tender threshold (R-IMP-2).',
  schema: z.object({ id: recordId, implementer: personText(TEXT_LIMITS.shortText), assignedOn: dateString, tenderRef: personText(TEXT_LIMITS.shortText).optional() }),
  access: { signIn: true, permission: 'implementation.assign' },
  audit: ['proposal'],
  next: ['implementation.start', 'implementation.complete'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({
      action: 'implementation.assign',
      implementer: input.implementer,
      assignedOn: input.assignedOn,
      tenderRef: input.tenderRef,
    })),
});
