import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { resolveScope } from '../scopes';
import { year } from '../schemas';

export const listInspections = defineAction({
  name: 'inspection.list',
  summary: 'The checks of a unit and of every unit below it, latest first, with their findings and how each was resolved (R-INS-1).',
  schema: z.object({ scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`'), year: year.optional() }),
  access: { signIn: true, permission: 'inspection.list' },
  audit: [],
  next: ['inspection.resolve'],
  async run(input, context) {
    const scope = await resolveScope(context.services.store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    const refused = context.authorize(scope.target);
    if (refused) return refused;
    return ok({ items: await context.services.store.listInspections(scope.filter, input.year) });
  },
});
