import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { Category } from '../../../types/domain';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { libraryChain } from '../proposals';
import { budgetLines, category, personText } from '../schemas';

const CURATORS = ['city', 'district', 'street'] as const;

export const addLibraryEntry = defineAction({
  name: 'library.add',
  summary: 'A street, district or city adds a proven project with its standard plan and budget to its library (R-SUP-3).',
  schema: z.object({ title: personText(TEXT_LIMITS.libraryTitle), category, plan: personText(TEXT_LIMITS.plan), budgetLines }),
  access: { signIn: true, permission: 'library.add' },
  audit: ['library'],
  next: ['library.list'],
  async run(input, context) {
    // The entry belongs to the caller's highest curating scope; without one, the check refuses.
    const grant = CURATORS.map((role) => {
      const held = context.actor.grants.find((g) => g.role === role);
      return held ? { role, scopeId: held.scopeId } : undefined;
    }).find((g) => g !== undefined);
    const scope = grant ? await context.services.store.findScope(grant.scopeId) : null;
    const { kind: _kind, ...target } = scope ?? { kind: 'city' };
    const refused = context.authorize(target);
    if (refused) return refused;
    if (!grant) return fail('forbidden', '您没有权限进行此操作');
    const entry = {
      id: context.services.newId('lib'),
      title: input.title,
      category: input.category as Category,
      plan: input.plan,
      budgetLines: input.budgetLines,
      createdAt: context.at,
    };
    const saved = await context.services.store.addLibraryEntry({
      entry,
      scopeId: grant.scopeId,
      createdBy: context.caller.openid as string,
      audit: context.auditEntry({ chainId: libraryChain(entry.id), detail: { title: entry.title, category: entry.category, scopeId: grant.scopeId } }),
    });
    // R-SUP-3: the answer says the scope the entry belongs to, as library.list does.
    const { scopeId: _scopeId, ...shown } = saved;
    return ok({ ...shown, scope: { level: grant.role, id: grant.scopeId } });
  },
});
