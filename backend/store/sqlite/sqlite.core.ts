import Database from 'better-sqlite3';
import type { Failure } from '../../domain/result';
import { GENESIS_HASH, hashEntry } from '../audit-chain';
import type { AuditDraft, CommitCode, CommitOutcome, CommitRefusal, Cursor, OutboxDraft, ScopeFilter, Slice } from '../../app/ports/store.port';
import type { CommunityNoticeDraft } from '../../domain/notifications';
import { migrations } from './migrations';
// proposal search (issue 17): the function its triggers call
import { registerSearchFunctions } from './sqlite.search';

/**
 * What every part of the SQLite store shares: the connection, the transaction that answers a
 * refusal, and the two writes that ride along with every change — its audit entry and its
 * outbox messages. The parts (sqlite.directory.ts, sqlite.proposals.ts, …) each prepare their
 * own statements; sqlite.store.ts puts them together.
 */

export type Db = Database.Database;

export class StoreTooNewError extends Error {}

/** Thrown inside a transaction to roll it back and answer a refusal. */
export class Rollback extends Error {
  constructor(readonly refusal: CommitRefusal) {
    super(refusal.code);
  }

  /** A domain rule refused the write: roll back and pass the domain's refusal on. */
  static because(failure: Failure, code: CommitCode): Rollback {
    return new Rollback({ ok: false, code, refusal: failure.error });
  }
}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const newest = migrations[migrations.length - 1].version;
  if (current > newest) {
    throw new StoreTooNewError(`store schema version ${current} is newer than this build knows (${newest})`);
  }
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/** Opens (and migrates) a store file. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Two server processes may share one file: wait for the writer instead of failing at once.
  db.pragma('busy_timeout = 5000');
  registerSearchFunctions(db);
  migrate(db);
  return db;
}

export class SqliteCore {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      lastAudit: db.prepare('SELECT seq, hash FROM audit_entries WHERE chain_id = ? ORDER BY seq DESC LIMIT 1'),
      insertAudit: db.prepare(
        // gseq (migration 12): the entry's place among all entries, for audit.heads.
        `INSERT INTO audit_entries (chain_id, seq, at, actor, action, from_state, to_state, detail, prev_hash, hash, gseq)
         VALUES (@chainId, @seq, @at, @actor, @action, @from, @to, @detail, @prevHash, @hash,
           (SELECT COALESCE(MAX(gseq), 0) + 1 FROM audit_entries))`,
      ),
      moveHead: db.prepare(
        `INSERT INTO audit_heads (chain_id, seq, hash) VALUES (@chainId, @seq, @hash)
         ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
      ),
      insertOutbox: db.prepare('INSERT INTO outbox (recipient_openid, kind, payload, created_at) VALUES (?, ?, ?, ?)'),
      // Notifications: the inbox item of each outbox message, and the notices to a community.
      insertNotification: db.prepare('INSERT INTO notifications (recipient_openid, kind, proposal_id, payload, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertNotice: db.prepare(
        'INSERT OR IGNORE INTO community_notices (community_id, kind, proposal_id, payload, created_at) VALUES (@communityId, @kind, @proposalId, @payload, @at)',
      ),
    };
  }

  /** Runs `work` in one IMMEDIATE transaction; a Rollback inside answers its refusal. */
  atomically<T>(work: () => T): CommitOutcome<T> {
    try {
      return { ok: true, value: this.db.transaction(work).immediate() };
    } catch (error) {
      if (error instanceof Rollback) return error.refusal;
      throw error;
    }
  }

  /** Runs `work` in one IMMEDIATE transaction (for the port's methods that refuse nothing). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** R-SUP-2: appends to the entry's chain; must run inside the caller's transaction. */
  appendAudit(draft: AuditDraft): void {
    const last = this.statements.lastAudit.get(draft.chainId) as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashEntry(prevHash, { ...draft, seq });
    this.statements.insertAudit.run({ ...draft, seq, prevHash, hash, detail: JSON.stringify(draft.detail) });
    this.statements.moveHead.run({ chainId: draft.chainId, seq, hash });
  }

  /**
   * Queues messages in the caller's transaction — and puts each in its recipient's inbox, so that
   * every kind of message, today's and any added later, is an inbox item too (notifications).
   */
  enqueue(messages: OutboxDraft[], at: string): void {
    for (const message of messages) {
      const payload = JSON.stringify(message.payload);
      this.statements.insertOutbox.run(message.recipientOpenid, message.kind, payload, at);
      const proposalId = typeof message.payload.proposalId === 'string' ? message.payload.proposalId : null;
      this.statements.insertNotification.run(message.recipientOpenid, message.kind, proposalId, payload, at);
    }
  }

  /** Notifications: posts notices to communities in the caller's transaction, once per community, kind and proposal. */
  post(notices: CommunityNoticeDraft[] | undefined, at: string): void {
    for (const notice of notices ?? []) {
      this.statements.insertNotice.run({ ...notice, payload: JSON.stringify(notice.payload), at });
    }
  }
}

// Query pieces the parts share.

const SCOPE_COLUMN = { community: 'community_id', street: 'street_id', district: 'district_id' } as const;

export function scopeClause(scope: ScopeFilter, params: Record<string, unknown>): string[] {
  if (scope.kind === 'all') return [];
  params.scopeId = scope.id;
  return [`${SCOPE_COLUMN[scope.kind]} = @scopeId`];
}

export function cursorClause(after: Cursor | undefined, params: Record<string, unknown>): string[] {
  if (!after) return [];
  params.afterCreatedAt = after.createdAt;
  params.afterId = after.id;
  return ['(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))'];
}

/** A page from `limit + 1` rows: the extra row only says that more follow. */
export function sliceOf<T>(rows: T[], limit: number): Slice<T> {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
