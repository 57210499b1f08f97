import type { Migration } from './migrations';

/** Notifications (the inbox): versions 18 and 19. Never edited once landed. */
export const INBOX_MIGRATIONS: Migration[] = [
  {
    version: 18,
    name: 'notifications',
    // The inbox: one row per outbox message for its recipient, written by the same insert
    // (SqliteCore.enqueue), so every message kind lands in it. A notice to a whole community
    // (ratings open) is one row read by each resident at list time, with a row per resident
    // only once they read it, instead of a message to each of thousands of residents.
    sql: `
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient_openid TEXT NOT NULL,
        kind TEXT NOT NULL,
        proposal_id TEXT,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX notifications_recipient_newest ON notifications(recipient_openid, created_at DESC, id DESC);
      CREATE INDEX notifications_unread ON notifications(recipient_openid) WHERE read_at IS NULL;
      CREATE TABLE community_notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        community_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        proposal_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (community_id, kind, proposal_id)
      );
      CREATE INDEX community_notices_newest ON community_notices(community_id, created_at DESC, id DESC);
      CREATE TABLE community_notice_reads (
        notice_id INTEGER NOT NULL REFERENCES community_notices(id),
        openid TEXT NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (notice_id, openid)
      );
    `,
  },
  {
    version: 19,
    name: 'notifications-from-outbox',
    // The messages sent before the inbox existed are its first items, so that nobody's inbox
    // starts empty after the upgrade.
    sql: `
      INSERT INTO notifications (recipient_openid, kind, proposal_id, payload, created_at)
        SELECT recipient_openid, kind, json_extract(payload, '$.proposalId'), payload, created_at FROM outbox ORDER BY id;
    `,
  },
];
