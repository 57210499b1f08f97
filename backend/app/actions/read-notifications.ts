import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { inboxOwnerOf } from '../notifications';
import { userChain } from '../proposals';

/** An inbox item's id as notification.list gives it (`n…` own, `k…` a community notice). */
const notificationId = z.string().min(2).max(200).regex(/^[nk][A-Za-z0-9_:-]+$/).describe('an id of notification.list');

export const readNotifications = defineAction({
  name: 'notification.read',
  summary:
    'Marks inbox items read: those of `ids` that are the caller\'s (others are left alone), or every one with `all`. Answers how many were unread and the unread count left; a mark is an entry on the caller\'s own audit chain (who was told, and saw it, when).',
  schema: z
    .object({ ids: z.array(notificationId).min(1).max(100).optional(), all: z.boolean().optional() })
    .describe('`ids`, or `all: true`'),
  access: { signIn: true, permission: 'notification.read' },
  audit: ['user'],
  next: [],
  async run(input, context) {
    if (!input.all && !input.ids) return fail('invalid_input', '请选择要标为已读的消息', 'ids');
    const { store } = context.services;
    const owner = inboxOwnerOf(context);
    const marked = await store.markNotificationsRead({
      ...owner,
      ids: input.all ? undefined : input.ids,
      all: input.all === true,
      at: context.at,
      audit: context.auditEntry({ chainId: userChain(owner.openid), detail: input.all ? { read: 'all' } : { read: input.ids } }),
    });
    return ok({ marked, unread: await store.countUnreadNotifications(owner) });
  },
});
