import { z } from 'zod';
import { defineUseCase } from '../action';
import { ok } from '../answers';
import { meOf } from './me';

/** me.get: who the caller is, with their role grants. */
export const getMe = defineUseCase({
  schema: z.object({}),
  requiresSignIn: true,
  async run(_input, { caller, user }) {
    return ok(meOf(caller.openid as string, user));
  },
});
