import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { Category } from '../../../types/domain';
import { authorize } from '../../domain/permissions';
import { defineUseCase } from '../action';
import { ok } from '../answers';
import { budgetLines, category, personText } from '../schemas';

const CURATORS = ['city', 'district', 'street'] as const;

/** library.add: a street, district or city adds a proven project with its standard plan and budget (R-SUP-3). */
export const addLibraryEntry = defineUseCase({
  schema: z.object({ title: personText(TEXT_LIMITS.libraryTitle), category, plan: personText(TEXT_LIMITS.plan), budgetLines }),
  requiresSignIn: true,
  async run(input, context) {
    // The entry belongs to the caller's highest curating scope; without one, the check refuses.
    const grant = CURATORS.map((role) => context.actor.grants.find((g) => g.role === role)).find((g) => g !== undefined);
    const scope = grant ? await context.services.store.findScope(grant.scopeId) : null;
    const { kind: _kind, ...target } = scope ?? { kind: 'city' };
    const refused = authorize(context.actor, 'library.add', target);
    if (refused || !grant) return { ok: false, error: refused ?? { code: 'forbidden', message: '您没有权限进行此操作' } };
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
      audit: {
        chainId: `library:${entry.id}`,
        at: context.at,
        actor: context.caller.openid as string,
        action: 'library.add',
        from: null,
        to: null,
        detail: { title: entry.title, category: entry.category, scopeId: grant.scopeId },
      },
    });
    return ok(saved);
  },
});
