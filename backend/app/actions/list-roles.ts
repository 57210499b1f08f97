import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/scope';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { resolveScope } from '../scopes';

export const listRoles = defineAction({
  name: 'role.list',
  summary:
    "The staff grants at a unit and every unit below it (a street: the street's and its communities'; `city`: all), with who holds each, since when and granted by whom — for onboarding and revoking staff.",
  schema: z.object({ scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`') }),
  access: { signIn: true, permission: 'role.list' },
  audit: [],
  next: ['role.grant'],
  async run(input, context) {
    const scope = await resolveScope(context.services.store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    const refused = context.authorize(scope.target);
    if (refused) return refused;
    return ok({ items: await context.services.store.listGrants(scope.filter, STAFF_ROLES) });
  },
});
