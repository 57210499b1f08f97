import { z } from 'zod';
import type { LibraryEntry, Page } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { cursor, limit } from '../schemas';

export const listLibrary = defineAction({
  name: 'library.list',
  summary: 'The project library of proven projects, newest first; public (R-SUP-3).',
  schema: z.object({ cursor, limit }),
  access: { signIn: false, permission: 'library.list' },
  audit: [],
  next: ['proposal.submit'],
  async run(input, context) {
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await context.services.store.listLibrary(after, input.limit ?? 20);
    const last = slice.items[slice.items.length - 1];
    return ok<Page<LibraryEntry>>({ items: slice.items, nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null });
  },
});
