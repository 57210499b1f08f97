import { z } from 'zod';
import { defineUseCase } from '../action';
import { ok } from '../answers';

/** directory.get: districts → streets → communities; public, no sign-in (R-TRN-1). */
export const getDirectory = defineUseCase({
  schema: z.object({}),
  requiresSignIn: false,
  async run(_input, { services }) {
    return ok(await services.store.getDirectory());
  },
});
