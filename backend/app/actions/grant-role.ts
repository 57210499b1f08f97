import { z } from 'zod';
import type { Role } from '../../../types/api';
import { authorize } from '../../domain/permissions';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { userChain } from '../proposals';
import { resolveScope } from '../scopes';
import { recordId } from '../schemas';

/** The kind of scope each role is granted for. */
const SCOPE_KIND: Record<Role, 'community' | 'street' | 'district' | 'city'> = {
  resident: 'community',
  community: 'community',
  street: 'street',
  district: 'district',
  city: 'city',
};

/** role.grant: staff roles are granted by a higher scope, within it, never self-claimed. Audited. */
export const grantRole = defineUseCase({
  schema: z.object({ openid: recordId, role: z.enum(['resident', 'community', 'street', 'district', 'city']), scopeId: z.string().min(1).max(64) }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const scope = await resolveScope(store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    if (scope.kind !== SCOPE_KIND[input.role]) return fail('invalid_input', '角色与范围不匹配', 'scopeId');
    const refused = authorize(context.actor, 'role.grant', { ...scope.target, grantRole: input.role });
    if (refused) return { ok: false, error: refused };
    const user = await store.grantRole({
      openid: input.openid,
      role: input.role,
      scopeId: input.scopeId,
      grantedBy: context.caller.openid as string,
      audit: {
        chainId: userChain(input.openid),
        at: context.at,
        actor: context.caller.openid as string,
        action: 'role.grant',
        from: null,
        to: null,
        detail: { role: input.role, scopeId: input.scopeId },
      },
    });
    return ok({ openid: user.openid, roles: user.grants });
  },
});
