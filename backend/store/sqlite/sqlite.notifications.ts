import type { AuditDraft, Cursor, InboxOwner, NotificationRecord, Slice } from '../../app/ports/store.port';
import { sliceOf, type SqliteCore } from './sqlite.core';

/**
 * The inbox. A person's own items are the `notifications` rows SqliteCore.enqueue writes with
 * every outbox message; a community notice is one `community_notices` row that every resident of
 * the community reads, with a `community_notice_reads` row per resident once read. Ids carry the
 * source: `n` + the row id, `k` + the notice id, zero-padded so that they sort as numbers.
 */

interface ItemRow {
  id: string;
  created_at: string;
  kind: string;
  proposal_id: string | null;
  payload: string;
  read: number;
}

function recordOf(row: ItemRow): NotificationRecord {
  return { id: row.id, at: row.created_at, kind: row.kind, proposalId: row.proposal_id, payload: JSON.parse(row.payload), read: row.read === 1 };
}

/** An inbox id's source and row id, or null for an id that is not one of ours. */
function parseId(id: string): { source: 'n' | 'k'; rowId: number } | null {
  const match = /^([nk])(\d{1,15})$/.exec(id);
  return match ? { source: match[1] as 'n' | 'k', rowId: Number(match[2]) } : null;
}

function ownerParams(owner: InboxOwner): { openid: string; communityId: string | null; since: string } {
  return { openid: owner.openid, communityId: owner.community?.id ?? null, since: owner.community?.since ?? '' };
}

export function sqliteNotifications(core: SqliteCore) {
  const { db } = core;
  const items = (withCursor: boolean) =>
    db.prepare(`
      SELECT * FROM (
        SELECT printf('n%012d', id) AS id, created_at, kind, proposal_id, payload, read_at IS NOT NULL AS read
          FROM notifications WHERE recipient_openid = @openid
        UNION ALL
        SELECT printf('k%012d', n.id), n.created_at, n.kind, n.proposal_id, n.payload, r.openid IS NOT NULL
          FROM community_notices n LEFT JOIN community_notice_reads r ON r.notice_id = n.id AND r.openid = @openid
          WHERE n.community_id = @communityId AND n.created_at >= @since
      )
      ${withCursor ? 'WHERE created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId)' : ''}
      ORDER BY created_at DESC, id DESC LIMIT @limit`);
  const statements = {
    firstPage: items(false),
    laterPage: items(true),
    unread: db.prepare(`
      SELECT (SELECT COUNT(*) FROM notifications WHERE recipient_openid = @openid AND read_at IS NULL)
        + (SELECT COUNT(*) FROM community_notices n
            WHERE n.community_id = @communityId AND n.created_at >= @since
              AND NOT EXISTS (SELECT 1 FROM community_notice_reads r WHERE r.notice_id = n.id AND r.openid = @openid))`),
    readOwn: db.prepare('UPDATE notifications SET read_at = @at WHERE id = @rowId AND recipient_openid = @openid AND read_at IS NULL'),
    readAllOwn: db.prepare('UPDATE notifications SET read_at = @at WHERE recipient_openid = @openid AND read_at IS NULL'),
    readNotice: db.prepare(`
      INSERT OR IGNORE INTO community_notice_reads (notice_id, openid, read_at)
        SELECT id, @openid, @at FROM community_notices WHERE id = @rowId AND community_id = @communityId AND created_at >= @since`),
    readAllNotices: db.prepare(`
      INSERT OR IGNORE INTO community_notice_reads (notice_id, openid, read_at)
        SELECT id, @openid, @at FROM community_notices WHERE community_id = @communityId AND created_at >= @since`),
  };

  return {
    async listNotifications(input: InboxOwner & { after?: Cursor; limit: number }): Promise<Slice<NotificationRecord>> {
      const params = { ...ownerParams(input), limit: input.limit + 1 };
      const rows = input.after
        ? statements.laterPage.all({ ...params, afterCreatedAt: input.after.createdAt, afterId: input.after.id })
        : statements.firstPage.all(params);
      return sliceOf((rows as ItemRow[]).map(recordOf), input.limit);
    },

    async countUnreadNotifications(owner: InboxOwner): Promise<number> {
      return statements.unread.pluck().get(ownerParams(owner)) as number;
    },

    async markNotificationsRead(input: InboxOwner & { ids?: string[]; all?: boolean; at: string; audit: AuditDraft }): Promise<number> {
      const params = { ...ownerParams(input), at: input.at };
      return core.transaction(() => {
        let marked = 0;
        if (input.all) {
          marked += statements.readAllOwn.run(params).changes;
          marked += statements.readAllNotices.run(params).changes;
        } else {
          for (const id of new Set(input.ids ?? [])) {
            const parsed = parseId(id);
            if (!parsed) continue;
            const statement = parsed.source === 'n' ? statements.readOwn : statements.readNotice;
            marked += statement.run({ ...params, rowId: parsed.rowId }).changes;
          }
        }
        if (marked > 0) core.appendAudit(input.audit);
        return marked;
      });
    },
  };
}
