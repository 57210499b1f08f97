import { z } from 'zod';
import type { NotificationPage } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { inboxOwnerOf, notificationView } from '../notifications';
import { cursor } from '../schemas';

export const listNotifications = defineAction({
  name: 'notification.list',
  summary:
    'The caller\'s inbox, newest first, 20 a page, with the unread count of all of it: every message the server sent them (their proposals\' progress, answers to their comments; for staff new proposals, comments, change requests, deadlines) and, for a resident, the recent notices to their community (ratings open, R-EVA-1).',
  schema: z.object({ cursor }),
  access: { signIn: true, permission: 'notification.list' },
  audit: [],
  next: ['notification.read'],
  async run(input, context) {
    const { store } = context.services;
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const owner = inboxOwnerOf(context);
    const slice = await store.listNotifications({ ...owner, after, limit: 20 });
    const last = slice.items[slice.items.length - 1];
    return ok<NotificationPage>({
      items: slice.items.map(notificationView),
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null,
      unread: await store.countUnreadNotifications(owner),
    });
  },
});
