import { z } from 'zod';
import { defineAction } from '../action';
import { runTransition } from '../proposals';
import { recordId } from '../schemas';

export const publishPublicity = defineAction({
  name: 'publicity.publish',
  summary: 'The publicity notice: content, location, time limit and budget stand for 3 working days before implementation (R-PUB-1); residents comment meanwhile (R-PUB-2).',
  schema: z.object({ id: recordId }),
  access: { signIn: true, permission: 'publicity.publish' },
  audit: ['proposal'],
  next: ['comment.add', 'implementation.assign'],
  run: (input, context) => runTransition(context, input.id, () => ({ action: 'publicity.publish' })),
});
