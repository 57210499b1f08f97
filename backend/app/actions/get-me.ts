import { z } from 'zod';
import type { Me } from '../../../types/api';
import { defineAction } from '../action';
import { ok } from '../answers';
import { meWithConsentOf } from './me';

export const getMe = defineAction({
  name: 'me.get',
  summary: 'Who the caller is: openid, name, community, role grants and the privacy consent given (`consent`, null when none). A never-seen caller has no name, community or roles yet.',
  schema: z.object({}),
  access: { signIn: true, permission: 'me.get' },
  audit: [],
  next: ['me.join'],
  async run(_input, { caller, user, services }) {
    // Issue 17: with the privacy notice agreed to, or null.
    return ok<Me>(await meWithConsentOf(services.store, caller.openid as string, user));
  },
});
