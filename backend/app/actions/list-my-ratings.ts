import { z } from 'zod';
import type { MyRating, Page } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { cursor, limit } from '../schemas';
import { titlesOf } from './list-my-comments';

export const listMyRatings = defineAction({
  name: 'rating.mine',
  summary: 'The caller\'s own ratings with the title of each project, the latest changed first, 20 a page (R-EVA-1: one rating per resident and project).',
  schema: z.object({ cursor, limit }),
  access: { signIn: true, permission: 'rating.mine' },
  audit: [],
  next: ['proposal.get'],
  async run(input, context) {
    const { store } = context.services;
    const position = decodeCursor(input.cursor);
    if (position === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const after = position ? { updatedAt: position.createdAt, proposalId: position.id } : undefined;
    const slice = await store.listRatingsBy(context.caller.openid as string, after, input.limit ?? 20);
    const titles = await titlesOf(store, slice.items.map((rating) => rating.proposalId));
    const last = slice.items[slice.items.length - 1];
    return ok<Page<MyRating>>({
      items: slice.items.map((rating) => ({
        proposalId: rating.proposalId,
        title: titles.get(rating.proposalId) ?? '',
        stars: rating.stars,
        ...(rating.text !== undefined ? { text: rating.text } : {}),
        updatedAt: rating.updatedAt,
      })),
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.updatedAt, id: last.proposalId }) : null,
    });
  },
});
