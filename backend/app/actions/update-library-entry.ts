import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { LibraryEntry } from '../../../types/api';
import type { Category } from '../../../types/domain';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { libraryChain } from '../proposals';
import { resolveScope } from '../scopes';
import { budgetLines, category, personText, recordId } from '../schemas';

/**
 * An extension of spec/api.md ("extend, never bend"): the API names `library.add` only, and an
 * entry whose standard plan or prices went out of date needs correcting, not a second entry.
 */
export const updateLibraryEntry = defineAction({
  name: 'library.update',
  summary:
    'Edits a project library entry — title, category, standard plan, budget lines — by the street, district or city it belongs to, or a scope above it (R-SUP-3). Proposals already started from it keep their own copy.',
  schema: z.object({
    id: recordId,
    title: personText(TEXT_LIMITS.libraryTitle).optional(),
    category: category.optional(),
    plan: personText(TEXT_LIMITS.plan).optional(),
    budgetLines: budgetLines.optional(),
  }),
  access: { signIn: true, permission: 'library.update' },
  audit: ['library'],
  next: ['library.list'],
  async run(input, context) {
    const { store } = context.services;
    const owned = await store.findLibraryEntryOwner(input.id);
    if (!owned) return fail('not_found', '没有这个项目库条目', 'id');
    const scope = await resolveScope(store, owned.scopeId);
    const refused = context.authorize(scope?.target ?? {});
    if (refused) return refused;
    const entry: LibraryEntry = {
      ...owned.entry,
      title: input.title ?? owned.entry.title,
      category: (input.category as Category | undefined) ?? owned.entry.category,
      plan: input.plan ?? owned.entry.plan,
      budgetLines: input.budgetLines ?? owned.entry.budgetLines,
    };
    const changed = (['title', 'category', 'plan', 'budgetLines'] as const).filter(
      (field) => JSON.stringify(entry[field]) !== JSON.stringify(owned.entry[field]),
    );
    const saved =
      changed.length === 0
        ? owned.entry
        : await store.updateLibraryEntry({
            entry,
            audit: context.auditEntry({ chainId: libraryChain(entry.id), detail: { changed, title: entry.title, scopeId: owned.scopeId } }),
          });
    // R-SUP-3: answered as library.add and library.list answer it, with the scope it belongs to.
    const { scopeId: _scopeId, ...shown } = saved;
    return ok(scope && scope.kind !== 'community' ? { ...shown, scope: { level: scope.kind, id: owned.scopeId } } : shown);
  },
});
