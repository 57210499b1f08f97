import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { dateString, recordId } from '../schemas';

export const startImplementation = defineAction({
  name: 'implementation.start',
  summary: 'The implementing side records the day the project started (R-IMP-3).',
  schema: z.object({ id: recordId, startedOn: dateString }),
  access: { signIn: true, permission: 'implementation.start' },
  audit: ['proposal'],
  next: ['implementation.complete'],
  run: (input, context) =>
    runTransition(context, input.id, () => ({ action: 'implementation.start', startedOn: input.startedOn })),
});
