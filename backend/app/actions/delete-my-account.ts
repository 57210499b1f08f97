import { z } from 'zod';
import { ERASED_PERSON_NAME } from '../../../common/glossary';
import { defineAction } from '../action';
import { ok } from '../answers';
import { userChain } from '../proposals';

export const deleteMyAccount = defineAction({
  name: 'me.delete',
  summary:
    `Deletes the caller's account (PIPL): name, community, consent and every role grant go (staff roles are revoked); proposals, comments and ratings stay public under ${ERASED_PERSON_NAME}, keyed to a pseudonym; audit entries from then on name the pseudonym, earlier ones stay as written (the trail keeps verifying) and are shown as ${ERASED_PERSON_NAME}. A later sign-in with the same WeChat account starts an empty profile.`,
  schema: z.object({ confirm: z.literal(true).describe('must be true: the page asks first and says what stays public') }),
  access: { signIn: true, permission: 'me.delete' },
  audit: ['user'],
  next: [],
  async run(_input, context) {
    const openid = context.caller.openid as string;
    const pseudonym = context.services.newId('erased');
    const revokedRoles = (context.user?.grants ?? []).filter((grant) => grant.role !== 'resident');
    // The entry is the pseudonym's: it records that an account was deleted, not whose.
    const audit = { ...context.auditEntry({ chainId: userChain(pseudonym), detail: { revokedRoles } }), actor: pseudonym };
    await context.services.store.erasePerson({ openid, pseudonym, erasedName: ERASED_PERSON_NAME, at: context.at, audit });
    return ok({ deleted: true as const, at: context.at });
  },
});
