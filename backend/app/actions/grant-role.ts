import { z } from 'zod';
import { ROLE_LEVEL } from '../../domain/staffing';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { userChain } from '../proposals';
import { resolveScope } from '../scopes';
import { recordId } from '../schemas';

export const grantRole = defineAction({
  name: 'role.grant',
  summary: 'Grants a role at a scope. Staff roles are granted by a higher scope, within it, never self-claimed; the role must fit the kind of scope.',
  schema: z.object({ openid: recordId, role: z.enum(['resident', 'community', 'street', 'district', 'city', 'supervisor']), scopeId: z.string().min(1).max(64) }),
  access: { signIn: true, permission: 'role.grant' },
  audit: ['user'],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const scope = await resolveScope(store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    if (scope.kind !== ROLE_LEVEL[input.role]) return fail('invalid_input', '角色与范围不匹配', 'scopeId');
    const refused = context.authorize({ ...scope.target, grantRole: input.role });
    if (refused) return refused;
    const user = await store.grantRole({
      openid: input.openid,
      role: input.role,
      scopeId: input.scopeId,
      grantedBy: context.caller.openid as string,
      audit: context.auditEntry({ chainId: userChain(input.openid), detail: { role: input.role, scopeId: input.scopeId } }),
    });
    return ok({ openid: user.openid, roles: user.grants });
  },
});
