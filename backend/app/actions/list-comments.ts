import { z } from 'zod';
import type { CommentView, Page } from '../../../types/api';
import { commentVisibility } from '../../domain/comments';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commentView } from '../comments';
import { decodeCursor, encodeCursor } from '../cursor';
import { cursor, limit, recordId } from '../schemas';

export const listComments = defineAction({
  name: 'comment.list',
  summary: 'Published comments with the community\'s answers, newest first, 20 a page (R-TRN-1); authors masked. The author also sees their own pending comment; the community workers in scope see every pending one, to publish or hide it.',
  schema: z.object({ proposalId: recordId, cursor, limit }),
  access: { signIn: false, permission: 'comment.list' },
  audit: [],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const stored = await store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await store.listComments({
      proposalId: input.proposalId,
      visibility: commentVisibility(context.actor, stored.record),
      after,
      limit: input.limit ?? 20,
    });
    const last = slice.items[slice.items.length - 1];
    return ok<Page<CommentView>>({
      items: slice.items.map((comment) => commentView(comment, context.actor, stored.record)),
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  },
});
