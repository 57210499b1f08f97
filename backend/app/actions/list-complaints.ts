import { z } from 'zod';
import type { ComplaintView, Page } from '../../../types/api';
import { decodeCursor, encodeCursor } from '../cursor';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { authorizedScope } from '../scopes';
import { cursor, limit } from '../schemas';
import { complaintView } from '../complaints';

export const listComplaints = defineAction({
  name: 'complaint.list',
  summary: 'Complaints and suggestions, newest first: with `scopeId`, those of the unit\'s communities for the street, district, city and supervisors in scope; without it, the caller\'s own.',
  schema: z.object({ scopeId: z.string().min(1).max(64).optional(), status: z.enum(['open', 'answered']).optional(), cursor, limit }),
  access: { signIn: true, permission: 'complaint.list' },
  audit: [],
  next: ['complaint.answer'],
  async run(input, context) {
    const { store } = context.services;
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    let query;
    if (input.scopeId === undefined) {
      // The author's own list: nothing to authorize beyond being signed in.
      query = { scope: { kind: 'all' } as const, authorOpenid: context.caller.openid as string };
    } else {
      const found = await authorizedScope(context, input.scopeId);
      if (!found.ok) return found;
      const { scope } = found;
      query = { scope: scope.filter };
    }
    const slice = await store.listComplaints({ ...query, status: input.status, after, limit: input.limit ?? 20 });
    const last = slice.items[slice.items.length - 1];
    return ok<Page<ComplaintView>>({
      items: slice.items.map((complaint) => complaintView(complaint, context.actor)),
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  },
});
