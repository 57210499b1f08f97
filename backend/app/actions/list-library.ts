import { z } from 'zod';
import type { LibraryEntry, Page } from '../../../types/api';
import { libraryScopesFor } from '../../domain/library';
import { CITY_SCOPE_ID } from '../../domain/scope';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Store } from '../ports/store.port';
import { cursor, limit } from '../schemas';

/** R-SUP-3: the level of the unit an entry belongs to, for the list to say. */
async function levelOf(store: Store, scopeId: string): Promise<'city' | 'district' | 'street'> {
  if (scopeId === CITY_SCOPE_ID) return 'city';
  const place = await store.findScope(scopeId);
  return place?.kind === 'district' ? 'district' : place?.kind === 'street' ? 'street' : 'city';
}

export const listLibrary = defineAction({
  name: 'library.list',
  summary: 'The project library of proven projects usable in a unit, newest first: its street\'s and district\'s entries and the city\'s (only the city\'s without scopeId), each saying which scope it belongs to; public (R-SUP-3).',
  schema: z.object({ scopeId: z.string().min(1).max(64).optional(), cursor, limit }),
  access: { signIn: false, permission: 'library.list' },
  audit: [],
  next: ['proposal.submit'],
  async run(input, context) {
    const { store } = context.services;
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    let unit = null;
    if (input.scopeId !== undefined && input.scopeId !== CITY_SCOPE_ID) {
      const place = await store.findScope(input.scopeId);
      if (!place) return fail('not_found', '没有这个范围', 'scopeId');
      const { kind: _kind, ...target } = place;
      unit = target;
    }
    const slice = await store.listLibrary(after, input.limit ?? 20, libraryScopesFor(unit));
    const levels = new Map<string, 'city' | 'district' | 'street'>();
    const items: LibraryEntry[] = [];
    for (const { scopeId: stored, ...entry } of slice.items) {
      const id = stored ?? CITY_SCOPE_ID;
      if (!levels.has(id)) levels.set(id, await levelOf(store, id));
      items.push({ ...entry, scope: { level: levels.get(id)!, id } });
    }
    const last = slice.items[slice.items.length - 1];
    return ok<Page<LibraryEntry>>({ items, nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null });
  },
});
