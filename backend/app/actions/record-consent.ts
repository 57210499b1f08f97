import { z } from 'zod';
import type { ConsentView } from '../../../types/api';
import { defineAction } from '../action';
import { ok } from '../answers';
import { userChain } from '../proposals';

export const recordConsent = defineAction({
  name: 'me.consent',
  summary: 'Records that the caller agreed to the privacy notice of this version, with the instant (PIPL); me.get answers it as `consent`.',
  schema: z.object({
    version: z.string().min(1).max(32).regex(/^[A-Za-z0-9._-]+$/).describe('the version of the privacy notice shown, 1–32 of A–Z a–z 0–9 . _ -'),
  }),
  access: { signIn: true, permission: 'me.consent' },
  audit: ['user'],
  next: ['me.join'],
  async run(input, context) {
    const openid = context.caller.openid as string;
    const consent = await context.services.store.recordConsent({
      openid,
      consent: { version: input.version, at: context.at },
      audit: context.auditEntry({ chainId: userChain(openid), detail: { consentVersion: input.version } }),
    });
    return ok<ConsentView>(consent);
  },
});
