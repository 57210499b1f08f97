import { z } from 'zod';
import type { MyComment, Page } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { cursor, limit } from '../schemas';

export const listMyComments = defineAction({
  name: 'comment.mine',
  summary:
    'The caller\'s own comments in every status (published, pending, hidden) with the community\'s replies and the title of each proposal, newest first, 20 a page. Only the author sees a pending or hidden comment (R-PUB-2).',
  schema: z.object({ cursor, limit }),
  access: { signIn: true, permission: 'comment.mine' },
  audit: [],
  next: ['proposal.get'],
  async run(input, context) {
    const { store } = context.services;
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await store.listCommentsBy(context.caller.openid as string, after, input.limit ?? 20);
    const titles = await titlesOf(context.services.store, slice.items.map((comment) => comment.proposalId));
    const last = slice.items[slice.items.length - 1];
    return ok<Page<MyComment>>({
      items: slice.items.map((comment) => ({
        id: comment.id,
        proposalId: comment.proposalId,
        title: titles.get(comment.proposalId) ?? '',
        text: comment.text,
        status: comment.status,
        createdAt: comment.createdAt,
        replies: comment.reply ? [{ text: comment.reply.text, repliedAt: comment.reply.repliedAt }] : [],
      })),
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  },
});

/** The titles of a page's proposals (a page names at most 50), each read once. */
export async function titlesOf(store: { findProposal(id: string): Promise<{ record: { title: string } } | null> }, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => store.findProposal(id)));
  return new Map(unique.map((id, i) => [id, found[i]?.record.title ?? '']));
}
