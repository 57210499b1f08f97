import type { AuditDraft, Cursor, Slice } from './store.port';

/** Notifications: whose inbox — a person, and the community whose notices they read (residents only). */
export interface InboxOwner {
  openid: string;
  community: { id: string; since: string } | null;
}

/** Notifications: an inbox item as stored; its words come from domain/notifications.ts. */
export interface NotificationRecord {
  /** `n…` for a person's own item, `k…` for a community notice. */
  id: string;
  at: string;
  kind: string;
  proposalId: string | null;
  payload: Record<string, unknown>;
  read: boolean;
}

/**
 * The Store's part for the inbox (notifications). Every outbox message is also an inbox item of
 * its recipient, written by the same enqueue in the same transaction; a community notice is read
 * by each resident of the community. `listNotifications` with `community: null` lists a person's
 * own items only (what me.export shows).
 */
export interface InboxStore {
  /** The owner's items, newest first: their own and their community's notices since `community.since`. */
  listNotifications(input: InboxOwner & { after?: Cursor; limit: number }): Promise<Slice<NotificationRecord>>;
  countUnreadNotifications(owner: InboxOwner): Promise<number>;
  /**
   * Marks the owner's items read — those of `ids` that are theirs, or all with `all` — and, when
   * one was unread, appends `audit` in the same transaction. Answers how many were unread.
   */
  markNotificationsRead(input: InboxOwner & { ids?: string[]; all?: boolean; at: string; audit: AuditDraft }): Promise<number>;
}
