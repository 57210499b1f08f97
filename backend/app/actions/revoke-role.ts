import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { userChain } from '../proposals';
import { authorizedScope } from '../scopes';
import { recordId } from '../schemas';

export const revokeRole = defineAction({
  name: 'role.revoke',
  summary:
    'Takes a staff role away (someone who left): from the next request on it allows nothing. Who may appoint the role at that unit may revoke it; nobody revokes their own. Every record the person made stays.',
  schema: z.object({ openid: recordId, role: z.enum(['community', 'street', 'district', 'city', 'supervisor']), scopeId: z.string().min(1).max(64) }),
  access: { signIn: true, permission: 'role.revoke' },
  audit: ['user'],
  next: ['role.list'],
  async run(input, context) {
    const { store } = context.services;
    const found = await authorizedScope(context, input.scopeId, { grantRole: input.role });
    if (!found.ok) return found;
    // A city administrator revoking themselves could leave nobody to appoint the next one.
    if (input.openid === context.caller.openid) return fail('invalid_state', '不能撤销自己的角色', 'openid');
    const revoked = await store.revokeRole({
      openid: input.openid,
      role: input.role,
      scopeId: input.scopeId,
      audit: context.auditEntry({ chainId: userChain(input.openid), detail: { revoked: input.role, scopeId: input.scopeId } }),
    });
    if (!revoked) return fail('not_found', '此人没有这个角色', 'openid');
    return ok({ openid: input.openid, role: input.role, scopeId: input.scopeId });
  },
});
