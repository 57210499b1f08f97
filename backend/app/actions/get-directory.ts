import { z } from 'zod';
import { defineUseCase } from '../action';
import { ok } from '../answers';

/** directory.get: districts → streets → communities; public, no sign-in (R-TRN-1). */
export const getDirectory = defineUseCase({
  schema: z.object({}),
  requiresSignIn: false,
  run(_input, { store }) {
    return ok(store.getDirectory());
  },
});
