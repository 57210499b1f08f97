import { z } from 'zod';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { cursor, limit } from '../schemas';

/** library.list: the project library of proven projects is public (R-SUP-3). */
export const listLibrary = defineUseCase({
  schema: z.object({ cursor, limit }),
  requiresSignIn: false,
  async run(input, context) {
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await context.services.store.listLibrary(after, input.limit ?? 20);
    const last = slice.items[slice.items.length - 1];
    return ok({ items: slice.items, nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null });
  },
});
