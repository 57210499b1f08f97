import type { AuditDraft, Cursor, InboxOwner, NotificationRecord, Slice } from '../../app/ports/store.port';
import type { CloudBaseCore, Unit } from './cloudbase.core';
import { compareText } from './cloudbase.documents';
import { COLLECTIONS, noticeReadDocId } from './collections';
import { keysetFilter, MAX_QUERY_LIMIT, queryAll, type Doc, type DocQuery, type Filter } from './doc-db';

/**
 * The inbox. A person's own items are the `notifications` documents CloudBaseCore.enqueue writes
 * with every outbox message; a community notice is one `community_notices` document that every
 * resident of the community reads, with a `notice_reads` document per resident once read.
 */

const NEWEST_FIRST: DocQuery['orderBy'] = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
];

/** Documents marked in one transaction at most (the engine's transactions stay small). */
const MARKS_PER_TRANSACTION = 50;

function ownFilter(owner: InboxOwner): Filter {
  return [{ recipientOpenid: owner.openid }];
}

function noticeFilter(community: NonNullable<InboxOwner['community']>): Filter {
  return [{ communityId: community.id, createdAt: { gte: community.since } }];
}

function recordOf(doc: Doc, read: boolean): NotificationRecord {
  return {
    id: doc._id,
    at: doc.createdAt as string,
    kind: doc.kind as string,
    proposalId: (doc.proposalId as string | null | undefined) ?? null,
    payload: (doc.payload as Record<string, unknown>) ?? {},
    read,
  };
}

/** Is this notice document one the owner's community shows now? */
function noticeShownTo(doc: Doc | null, owner: InboxOwner): boolean {
  return Boolean(doc && owner.community && doc.communityId === owner.community.id && (doc.createdAt as string) >= owner.community.since);
}

export function cloudBaseNotifications(core: CloudBaseCore) {
  /** Marks one document read inside `unit`; answers whether it was unread. */
  async function markOne(unit: Unit, id: string, owner: InboxOwner, at: string): Promise<boolean> {
    if (id.startsWith('n')) {
      const doc = await unit.get(COLLECTIONS.notifications, id);
      if (!doc || doc.recipientOpenid !== owner.openid || doc.read === true) return false;
      unit.put(COLLECTIONS.notifications, id, { ...doc, read: true, readAt: at });
      return true;
    }
    const notice = await unit.get(COLLECTIONS.communityNotices, id);
    if (!notice || !noticeShownTo(notice, owner)) return false;
    const readId = noticeReadDocId(id, owner.openid);
    if (await unit.get(COLLECTIONS.noticeReads, readId)) return false;
    unit.put(COLLECTIONS.noticeReads, readId, { noticeId: id, openid: owner.openid, communityId: notice.communityId, noticeCreatedAt: notice.createdAt, readAt: at });
    return true;
  }

  return {
    async listNotifications(input: InboxOwner & { after?: Cursor; limit: number }): Promise<Slice<NotificationRecord>> {
      const size = Math.max(1, Math.min(input.limit, MAX_QUERY_LIMIT - 1));
      const after = input.after ? [input.after.createdAt, input.after.id] : undefined;
      const page = (where: Filter) => keysetFilter(where, NEWEST_FIRST, after);
      const own = await core.db.query(COLLECTIONS.notifications, { where: page(ownFilter(input)), orderBy: NEWEST_FIRST, limit: size + 1 });
      const notices = input.community
        ? await core.db.query(COLLECTIONS.communityNotices, { where: page(noticeFilter(input.community)), orderBy: NEWEST_FIRST, limit: size + 1 })
        : [];
      const noticeIds = new Set(notices.map((doc) => doc._id));
      const merged = [...own, ...notices].sort(
        (a, b) => compareText(b.createdAt as string, a.createdAt as string) || compareText(b._id, a._id),
      );
      const items: NotificationRecord[] = [];
      for (const doc of merged.slice(0, size)) {
        const read = noticeIds.has(doc._id) ? (await core.db.get(COLLECTIONS.noticeReads, noticeReadDocId(doc._id, input.openid))) !== null : doc.read === true;
        items.push(recordOf(doc, read));
      }
      return { items, more: merged.length > size };
    },

    async countUnreadNotifications(owner: InboxOwner): Promise<number> {
      const own = await core.db.count(COLLECTIONS.notifications, [{ recipientOpenid: owner.openid, read: false }]);
      if (!owner.community) return own;
      const posted = await core.db.count(COLLECTIONS.communityNotices, noticeFilter(owner.community));
      const read = await core.db.count(COLLECTIONS.noticeReads, [
        { openid: owner.openid, communityId: owner.community.id, noticeCreatedAt: { gte: owner.community.since } },
      ]);
      return own + Math.max(0, posted - read);
    },

    async markNotificationsRead(input: InboxOwner & { ids?: string[]; all?: boolean; at: string; audit: AuditDraft }): Promise<number> {
      // Which documents: each read again and checked inside the transaction that marks it.
      let ids = [...new Set(input.ids ?? [])];
      if (input.all) {
        const own = await queryAll(core.db, COLLECTIONS.notifications, [{ recipientOpenid: input.openid, read: false }], [['createdAt', 'asc'], ['_id', 'asc']]);
        const notices = input.community ? await queryAll(core.db, COLLECTIONS.communityNotices, noticeFilter(input.community), NEWEST_FIRST) : [];
        ids = [...own, ...notices].map((doc) => doc._id);
      }
      let marked = 0;
      for (let start = 0; start < ids.length; start += MARKS_PER_TRANSACTION) {
        const chunk = ids.slice(start, start + MARKS_PER_TRANSACTION);
        marked += await core.transact(async (unit) => {
          let count = 0;
          for (const id of chunk) if (await markOne(unit, id, input, input.at)) count += 1;
          // The one audit entry goes with the first transaction that marked anything.
          if (count > 0 && marked === 0) await core.appendAudit(unit, input.audit);
          return count;
        });
      }
      return marked;
    },
  };
}
