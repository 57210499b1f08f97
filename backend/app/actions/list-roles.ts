import { z } from 'zod';
import { can } from '../../domain/permissions';
import { STAFF_ROLES } from '../../domain/scope';
import { defineAction } from '../action';
import { ok } from '../answers';
import { authorizedScope, resolveScope, type ResolvedScope } from '../scopes';

export const listRoles = defineAction({
  name: 'role.list',
  summary:
    "The staff grants at a unit and every unit below it (a street: the street's and its communities'; `city`: all), with who holds each, since when and granted by whom — for onboarding and revoking staff; each grant's `allowedActions` holds `role.revoke` when the caller may revoke it.",
  schema: z.object({ scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`') }),
  access: { signIn: true, permission: 'role.list' },
  audit: [],
  next: ['role.grant'],
  async run(input, context) {
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const grants = await context.services.store.listGrants(scope.filter, STAFF_ROLES);
    // Staff onboarding (issue 16): each grant says whether the caller may revoke it, so that the
    // page offers 撤销 from the one switch (who may appoint a role at a unit may take it away;
    // nobody revokes their own).
    const places = new Map<string, ResolvedScope | null>();
    for (const scopeId of new Set(grants.map((grant) => grant.scopeId))) places.set(scopeId, await resolveScope(context.services.store, scopeId));
    const items = grants.map((grant) => {
      const place = places.get(grant.scopeId);
      const revocable = place !== null && place !== undefined && grant.openid !== context.caller.openid && can(context.actor, 'role.revoke', { ...place.target, grantRole: grant.role });
      const allowedActions: 'role.revoke'[] = revocable ? ['role.revoke'] : [];
      return { ...grant, allowedActions };
    });
    return ok({ items });
  },
});
