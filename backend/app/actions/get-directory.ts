import { z } from 'zod';
import { defineAction } from '../action';
import { ok } from '../answers';

export const getDirectory = defineAction({
  name: 'directory.get',
  summary: 'Districts → streets → communities; public, no sign-in (R-TRN-1).',
  schema: z.object({}),
  access: { signIn: false, permission: 'directory.get' },
  audit: [],
  next: ['me.join'],
  async run(_input, { services }) {
    return ok(await services.store.getDirectory());
  },
});
