import { z } from 'zod';
import { defineAction } from '../action';
import { ok } from '../answers';
import { meOf } from './me';

export const getMe = defineAction({
  name: 'me.get',
  summary: 'Who the caller is: openid, name, community and role grants. A never-seen caller has no name, community or roles yet.',
  schema: z.object({}),
  access: { signIn: true, permission: 'me.get' },
  audit: [],
  next: ['me.join'],
  async run(_input, { caller, user }) {
    return ok(meOf(caller.openid as string, user));
  },
});
