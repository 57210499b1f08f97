import type { NotificationView } from '../../types/api';
import type { ProposalRecord } from '../../types/domain';
import type { DomainEvent } from '../domain/events';
import { communityNoticesSince, notificationWords } from '../domain/notifications';
import type { UseCaseContext } from './action';
import type { InboxOwner, NotificationRecord, OutboxDraft, Store } from './ports/store.port';

/**
 * The inbox's side of the use cases: whose inbox a caller reads, an item as the pages see it, and
 * the messages to the staff who must act next. Messages go through the outbox (OutboxDraft): the
 * store puts each in its recipient's inbox as it queues it for WeChat.
 */

/** The caller's inbox: their own items and, for a resident, their community's recent notices. */
export function inboxOwnerOf(context: UseCaseContext): InboxOwner {
  const communityId = context.user?.communityId ?? null;
  return {
    openid: context.caller.openid as string,
    community: communityId ? { id: communityId, since: communityNoticesSince(context.at) } : null,
  };
}

export function notificationView(record: NotificationRecord): NotificationView {
  const { title, text } = notificationWords(record.kind, record.payload);
  return { id: record.id, at: record.at, kind: record.kind, proposalId: record.proposalId, title, text, read: record.read };
}

/** The same message to each of `openids` but `except` (who caused it needs no telling). */
export function messagesTo(openids: string[], kind: string, payload: Record<string, unknown>, except?: string | null): OutboxDraft[] {
  return [...new Set(openids)].filter((openid) => openid !== except).map((openid) => ({ recipientOpenid: openid, kind, payload }));
}

/**
 * The staff a transition hands work to: a change request goes to the street's reviewers, who
 * decide it (R-CHG-1).
 */
export async function staffMessagesOf(store: Pick<Store, 'staffOf'>, events: DomainEvent[], record: ProposalRecord, actor: string | null): Promise<OutboxDraft[]> {
  const messages: OutboxDraft[] = [];
  for (const event of events) {
    if (event.type !== 'ChangeRequested') continue;
    const payload = { proposalId: record.id, title: record.title, changeId: event.change.id, changeKind: event.change.kind };
    messages.push(...messagesTo(await store.staffOf('street', record.streetId), 'change_requested', payload, actor));
  }
  return messages;
}
