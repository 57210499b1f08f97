import type { Db } from './sqlite.core';
import { REPORT_MIGRATIONS } from './migrations.reports';
import { SEARCH_MIGRATIONS } from './migrations.search';
import { ARCHIVE_MIGRATIONS } from './migrations.archive';
import { ONBOARDING_MIGRATIONS } from './migrations.onboarding';
import { ANCHORING_MIGRATIONS } from './migrations.anchoring';
import { CALENDAR_MIGRATIONS } from './migrations.calendar';
import { INBOX_MIGRATIONS } from './migrations.inbox';

/**
 * Forward-only numbered migrations. A migration, once landed, is never edited: a change is a new
 * number. The store refuses to open a file migrated by a newer build.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Issue 18 (reports): work the SQL cannot do (running totals computed by the domain), in the same transaction. */
  run?: (db: Db) => void;
}

/**
 * The running totals of the subsidy applications, computed afresh from the proposals: part of
 * migration 7 (and used by the benchmark's generator, which writes proposals without the store).
 * Like the migration, never edited.
 */
export const SUBSIDY_TOTALS_FROM_PROPOSALS = `
      INSERT INTO subsidy_totals (district_id, year, version, project_count, approved_fen)
        SELECT district_id, budget_year, 1,
          COALESCE(SUM(state <> 'withdrawn'), 0),
          COALESCE(SUM(CASE WHEN state <> 'withdrawn' THEN COALESCE(approved_budget_fen, 0) ELSE 0 END), 0)
        FROM proposals WHERE budget_year IS NOT NULL GROUP BY district_id, budget_year;`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'directory-users-policy-ledger',
    sql: `
      CREATE TABLE districts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE TABLE streets (
        id TEXT PRIMARY KEY,
        district_id TEXT NOT NULL REFERENCES districts(id),
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX streets_by_district ON streets(district_id, sort_order);
      CREATE TABLE communities (
        id TEXT PRIMARY KEY,
        street_id TEXT NOT NULL REFERENCES streets(id),
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX communities_by_street ON communities(street_id, sort_order);

      CREATE TABLE users (
        openid TEXT PRIMARY KEY,
        name TEXT,
        community_id TEXT REFERENCES communities(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE role_grants (
        openid TEXT NOT NULL REFERENCES users(openid),
        role TEXT NOT NULL CHECK (role IN ('resident', 'community', 'street', 'district', 'city')),
        scope_id TEXT NOT NULL,
        granted_by TEXT,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (openid, role, scope_id)
      );

      -- One policy per district and year; absent rows mean the defaults of spec/api.md.
      CREATE TABLE policies (
        district_id TEXT NOT NULL REFERENCES districts(id),
        year INTEGER NOT NULL,
        quota_fen INTEGER NOT NULL CHECK (quota_fen >= 0),
        fee_ratio_percent INTEGER NOT NULL CHECK (fee_ratio_percent BETWEEN 0 AND 100),
        street_threshold_works_fen INTEGER NOT NULL,
        street_threshold_goods_fen INTEGER NOT NULL,
        street_threshold_services_fen INTEGER NOT NULL,
        tender_threshold_fen INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (district_id, year)
      );

      -- One ledger row per community and year: approvals reserve against it with a conditional
      -- update, so the CHECKs below can never be passed, even by racing approvals (R-FUN-1).
      CREATE TABLE ledgers (
        community_id TEXT NOT NULL REFERENCES communities(id),
        year INTEGER NOT NULL,
        quota_fen INTEGER NOT NULL CHECK (quota_fen >= 0),
        allocated_fen INTEGER NOT NULL CHECK (allocated_fen >= 0 AND allocated_fen <= quota_fen),
        approved_fen INTEGER NOT NULL CHECK (approved_fen >= 0 AND approved_fen <= allocated_fen),
        spent_fen INTEGER NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
        PRIMARY KEY (community_id, year)
      );
    `,
  },
  {
    version: 2,
    name: 'proposals-comments-ratings-audit-outbox',
    sql: `
      -- A proposal: the full record as JSON (the domain's ProposalRecord) plus the columns that
      -- lists filter and sort on. Lists read O(page) rows through the indexes below.
      CREATE TABLE proposals (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id),
        street_id TEXT NOT NULL,
        district_id TEXT NOT NULL,
        state TEXT NOT NULL,
        proposer_openid TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- The running deadline (review, start or completion), for the overdue lists.
        open_deadline_on TEXT,
        -- The ids of the documents missing by this state (R-SUP-1), comma-separated; '' when none.
        missing_docs TEXT NOT NULL DEFAULT '',
        budget_year INTEGER,
        approved_budget_fen INTEGER,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        comment_count INTEGER NOT NULL DEFAULT 0,
        rating_count INTEGER NOT NULL DEFAULT 0,
        rating_sum INTEGER NOT NULL DEFAULT 0,
        rating_1 INTEGER NOT NULL DEFAULT 0,
        rating_2 INTEGER NOT NULL DEFAULT 0,
        rating_3 INTEGER NOT NULL DEFAULT 0,
        rating_4 INTEGER NOT NULL DEFAULT 0,
        rating_5 INTEGER NOT NULL DEFAULT 0,
        record TEXT NOT NULL
      );
      CREATE INDEX proposals_by_community ON proposals(community_id, created_at DESC, id DESC);
      CREATE INDEX proposals_by_community_state ON proposals(community_id, state, created_at DESC, id DESC);
      CREATE INDEX proposals_by_street ON proposals(street_id, created_at DESC, id DESC);
      CREATE INDEX proposals_by_street_state ON proposals(street_id, state, created_at DESC, id DESC);
      CREATE INDEX proposals_by_district ON proposals(district_id, created_at DESC, id DESC);
      CREATE INDEX proposals_by_district_state ON proposals(district_id, state, created_at DESC, id DESC);
      CREATE INDEX proposals_by_proposer ON proposals(proposer_openid, created_at DESC, id DESC);
      CREATE INDEX proposals_by_state ON proposals(state, created_at DESC, id DESC);
      CREATE INDEX proposals_all ON proposals(created_at DESC, id DESC);
      CREATE INDEX proposals_due_by_street ON proposals(street_id, open_deadline_on) WHERE open_deadline_on IS NOT NULL;
      CREATE INDEX proposals_due_by_district ON proposals(district_id, open_deadline_on) WHERE open_deadline_on IS NOT NULL;
      CREATE INDEX proposals_due ON proposals(open_deadline_on) WHERE open_deadline_on IS NOT NULL;
      CREATE INDEX proposals_missing_by_street ON proposals(street_id, created_at DESC, id DESC) WHERE missing_docs <> '';
      CREATE INDEX proposals_missing_by_district ON proposals(district_id, created_at DESC, id DESC) WHERE missing_docs <> '';
      CREATE INDEX proposals_missing ON proposals(created_at DESC, id DESC) WHERE missing_docs <> '';
      CREATE INDEX proposals_by_budget_year ON proposals(district_id, budget_year) WHERE budget_year IS NOT NULL;

      -- A retried submit or comment returns the first answer: (caller, action, requestId) is a key.
      CREATE TABLE idempotency (
        openid TEXT NOT NULL,
        action TEXT NOT NULL,
        request_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (openid, action, request_id)
      );

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES communities(id),
        meeting_on TEXT NOT NULL,
        proposal_ids TEXT NOT NULL,
        published_on TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX meetings_by_community ON meetings(community_id, meeting_on DESC);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        proposal_id TEXT NOT NULL REFERENCES proposals(id),
        author_openid TEXT NOT NULL,
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'hidden')),
        reply_text TEXT,
        reply_openid TEXT,
        replied_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX comments_by_proposal ON comments(proposal_id, status, created_at, id);
      CREATE INDEX comments_by_author ON comments(author_openid, created_at DESC, id DESC);
      CREATE INDEX comments_pending ON comments(status, created_at) WHERE status = 'pending';

      -- One rating per resident per proposal: the key, never a check-then-insert.
      CREATE TABLE ratings (
        proposal_id TEXT NOT NULL REFERENCES proposals(id),
        openid TEXT NOT NULL,
        stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        text TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (proposal_id, openid)
      );
      CREATE INDEX ratings_by_rater ON ratings(openid, updated_at DESC);

      CREATE TABLE changes (
        id TEXT PRIMARY KEY,
        proposal_id TEXT NOT NULL REFERENCES proposals(id),
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        record TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX changes_by_proposal ON changes(proposal_id, created_at);

      CREATE TABLE library_entries (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        plan TEXT NOT NULL,
        budget_lines TEXT NOT NULL,
        scope_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX library_by_created ON library_entries(created_at DESC, id DESC);

      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        owner_openid TEXT NOT NULL,
        content_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        path TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- Counters for rate limits: one row per caller, action and window.
      CREATE TABLE rate_counters (
        openid TEXT NOT NULL,
        action TEXT NOT NULL,
        window_start TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (openid, action, window_start)
      );

      -- R-SUP-2: the audit trail. One hash chain per record (a proposal, a ledger year, a
      -- policy year); rows can be added, never changed or removed.
      CREATE TABLE audit_entries (
        chain_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (chain_id, seq)
      );
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
      CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;

      -- Messages to people, written in the same transaction as the change they tell of.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient_openid TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX outbox_undelivered ON outbox(id) WHERE delivered_at IS NULL;

      -- One overdue notice per proposal, deadline and due day: the sweep may run any number of times.
      CREATE TABLE overdue_notices (
        proposal_id TEXT NOT NULL REFERENCES proposals(id),
        deadline TEXT NOT NULL,
        due_on TEXT NOT NULL,
        noticed_at TEXT NOT NULL,
        PRIMARY KEY (proposal_id, deadline, due_on)
      );
    `,
  },
  {
    version: 3,
    name: 'indexes-from-the-city-benchmark',
    // Measured by `npm run bench` on a city-sized store (bench/RESULTS.md):
    // - comment.list sorted ALL of a proposal's comments (TEMP B-TREE) before taking a page: its
    //   p95 grew with the proposal's comments (100k/1k 1.7-1.9 on CPU time for the most-commented).
    //   Walked newest first, this index reads O(page), with or without a cursor.
    // - staffOf (the deadline sweep's recipients) scanned every role grant (no index starts with
    //   role): 2.2 ms a call with 35k users, once per overdue deadline per sweep. Now a seek.
    sql: `
      CREATE INDEX comments_by_proposal_newest ON comments(proposal_id, created_at DESC, id DESC);
      CREATE INDEX role_grants_by_scope ON role_grants(role, scope_id, openid);
    `,
  },
  {
    version: 4,
    name: 'subsidy-list-covering-index',
    // subsidy.application lists thousands of projects of a district-year: this index holds every
    // field of the list, so the query never opens the records (bench/RESULTS.md). The expressions
    // must match the SELECT's exactly for SQLite to use them.
    sql: `
      CREATE INDEX proposals_approved_in_year ON proposals(district_id, budget_year, community_id, created_at, id,
        state, approved_budget_fen, json_extract(record, '$.title'), json_extract(record, '$.category'))
        WHERE budget_year IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'audit-heads',
    // A hash chain cannot see its own end cut off: each chain's head (last seq and hash) is kept
    // beside it, moved in the same transaction as the entry, and may only move one step forward.
    sql: `
      CREATE TABLE audit_heads (chain_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);
      INSERT INTO audit_heads (chain_id, seq, hash)
        SELECT chain_id, seq, hash FROM audit_entries a
        WHERE seq = (SELECT MAX(seq) FROM audit_entries b WHERE b.chain_id = a.chain_id);
      CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
        BEGIN SELECT RAISE(ABORT, 'audit heads cannot be deleted'); END;
      CREATE TRIGGER audit_heads_forward BEFORE UPDATE ON audit_heads WHEN NEW.seq <> OLD.seq + 1
        BEGIN SELECT RAISE(ABORT, 'audit heads only move forward'); END;
    `,
  },
  {
    version: 6,
    name: 'outbox-leases',
    // Outbox delivery is exactly once across processes sharing the file: a message is claimed
    // with a lease (claimed_by until claimed_until) before it is delivered, and settled with its
    // outcome after; a failed attempt is counted and tried again once its lease runs out.
    sql: `
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
      ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE outbox ADD COLUMN outcome TEXT;
      ALTER TABLE outbox ADD COLUMN outcome_detail TEXT;
      UPDATE outbox SET outcome = 'sent' WHERE delivered_at IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'subsidy-totals',
    // subsidy.application reads its totals, and a version that changes with every write to a
    // listed project, from one row per district-year kept running in the transaction of each
    // write (domain/subsidy.ts decides what counts), instead of summing thousands of projects.
    sql: `
      CREATE TABLE subsidy_totals (
        district_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        version INTEGER NOT NULL,
        project_count INTEGER NOT NULL CHECK (project_count >= 0),
        approved_fen INTEGER NOT NULL CHECK (approved_fen >= 0),
        PRIMARY KEY (district_id, year)
      );
      ${SUBSIDY_TOTALS_FROM_PROPOSALS}
    `,
  },
  // Issue 14 (audit anchoring, upload quotas) and issue 17 (personal data): versions 12 and 13.
  ...ANCHORING_MIGRATIONS,
  // Issue 16 (directory upkeep, staff onboarding): versions 14 and 15, in their own file.
  ...ONBOARDING_MIGRATIONS,
  // Issue 16: the working-day calendar as data, version 16.
  ...CALENDAR_MIGRATIONS,
  // Notifications (the inbox): versions 18 and 19.
  ...INBOX_MIGRATIONS,
  // Issue 17 (proposal search): version 20, in its own file.
  ...SEARCH_MIGRATIONS,
  // Issue 18 (inspections, plans, reports): versions 23 and 24, in their own file.
  ...REPORT_MIGRATIONS,
  // Issue 18 (archive, supervision, complaints): versions 25 and 26, in their own file.
  ...ARCHIVE_MIGRATIONS,
];
