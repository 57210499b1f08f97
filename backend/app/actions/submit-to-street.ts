import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { recordId } from '../schemas';

export const submitToStreet = defineAction({
  name: 'proposal.submitToStreet',
  summary: 'A proposal the council passed goes to the street, which decides within 15 working days (R-REV-1).',
  schema: z.object({ id: recordId }),
  access: { signIn: true, permission: 'proposal.submitToStreet' },
  audit: ['proposal'],
  next: ['review.decide'],
  run: (input, context) => runTransition(context, input.id, () => ({ action: 'proposal.submitToStreet' })),
});
