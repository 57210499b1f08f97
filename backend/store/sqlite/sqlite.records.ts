import type { LibraryEntry } from '../../../types/api';
import type { BudgetLine, Category, ProposalState } from '../../../types/domain';
import type { AuditDraft, AuditEntry, Cursor, DeliveryOutcome, FileRecord, OutboxMessage, Slice } from '../../app/ports/store.port';
import { cursorClause, sliceOf, type SqliteCore } from './sqlite.core';

interface LibraryRow {
  id: string;
  title: string;
  category: Category;
  plan: string;
  budget_lines: string;
  scope_id: string;
  created_at: string;
}

function libraryEntryOf(row: LibraryRow): LibraryEntry {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    plan: row.plan,
    budgetLines: JSON.parse(row.budget_lines) as BudgetLine[],
    createdAt: row.created_at,
    scopeId: row.scope_id,
  };
}

interface AuditRow {
  chain_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  from_state: ProposalState | null;
  to_state: ProposalState | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

interface OutboxRow {
  id: number;
  recipient_openid: string;
  kind: string;
  payload: string;
  created_at: string;
}

function outboxMessageOf(row: OutboxRow): OutboxMessage {
  return { id: row.id, recipientOpenid: row.recipient_openid, kind: row.kind, payload: JSON.parse(row.payload), createdAt: row.created_at };
}

/** The project library (R-SUP-3), uploaded files, the audit trail (R-SUP-2) and the outbox. */
export function sqliteRecords(core: SqliteCore) {
  const { db } = core;
  const statements = {
    libraryEntry: db.prepare('SELECT * FROM library_entries WHERE id = ?'),
    insertLibraryEntry: db.prepare(
      `INSERT INTO library_entries (id, title, category, plan, budget_lines, scope_id, created_by, created_at)
       VALUES (@id, @title, @category, @plan, @budgetLines, @scopeId, @createdBy, @createdAt)`,
    ),
    auditTrail: db.prepare('SELECT * FROM audit_entries WHERE chain_id = ? ORDER BY seq'),
    auditHeads: db.prepare('SELECT chain_id AS chainId, seq, hash FROM audit_heads ORDER BY chain_id'),
    auditChainIds: db.prepare('SELECT DISTINCT chain_id FROM audit_entries ORDER BY chain_id'),
    undelivered: db.prepare('SELECT * FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?'),
    claimable: db.prepare(
      `SELECT * FROM outbox WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now) ORDER BY id LIMIT @limit`,
    ),
    claim: db.prepare('UPDATE outbox SET claimed_by = @claimant, claimed_until = @leaseUntil WHERE id = @id'),
    settle: db.prepare('UPDATE outbox SET delivered_at = @at, outcome = @outcome, outcome_detail = @detail WHERE id = @id AND delivered_at IS NULL'),
    attempts: db.prepare('SELECT attempts FROM outbox WHERE id = ? AND delivered_at IS NULL'),
    failedAttempt: db.prepare('UPDATE outbox SET attempts = attempts + 1, outcome_detail = @detail WHERE id = @id'),
    pruneRates: db.prepare('DELETE FROM rate_counters WHERE window_start < ?'),
    insertFile: db.prepare(
      `INSERT INTO files (id, owner_openid, content_type, bytes, path, created_at)
       VALUES (@id, @ownerOpenid, @contentType, @bytes, @path, @createdAt)`,
    ),
    file: db.prepare('SELECT id, owner_openid AS ownerOpenid, content_type AS contentType, bytes, path, created_at AS createdAt FROM files WHERE id = ?'),
  };

  function readLibraryEntry(id: string): LibraryEntry | null {
    const row = statements.libraryEntry.get(id) as LibraryRow | undefined;
    return row ? libraryEntryOf(row) : null;
  }

  return {
    async listLibrary(after: Cursor | undefined, limit: number, scopeIds?: readonly string[]): Promise<Slice<LibraryEntry>> {
      const params: Record<string, unknown> = { limit: limit + 1 };
      const where = cursorClause(after, params);
      if (scopeIds) {
        // R-SUP-3: the entries of the units usable here.
        where.push(`scope_id IN (${scopeIds.map((id, index) => ((params[`scope${index}`] = id), `@scope${index}`)).join(', ') || 'NULL'})`);
      }
      const sql = `SELECT * FROM library_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY created_at DESC, id DESC LIMIT @limit`;
      return sliceOf((db.prepare(sql).all(params) as LibraryRow[]).map(libraryEntryOf), limit);
    },

    async findLibraryEntry(id: string): Promise<LibraryEntry | null> {
      return readLibraryEntry(id);
    },

    async addLibraryEntry(input: { entry: LibraryEntry; scopeId: string; createdBy: string; audit: AuditDraft }): Promise<LibraryEntry> {
      const { entry } = input;
      return core.transaction(() => {
        statements.insertLibraryEntry.run({
          id: entry.id,
          title: entry.title,
          category: entry.category,
          plan: entry.plan,
          budgetLines: JSON.stringify(entry.budgetLines),
          scopeId: input.scopeId,
          createdBy: input.createdBy,
          createdAt: entry.createdAt,
        });
        core.appendAudit(input.audit);
        return readLibraryEntry(entry.id) as LibraryEntry;
      });
    },

    async auditTrail(chainId: string): Promise<AuditEntry[]> {
      return (statements.auditTrail.all(chainId) as AuditRow[]).map((row) => ({
        chainId: row.chain_id,
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        from: row.from_state,
        to: row.to_state,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
        prevHash: row.prev_hash,
        hash: row.hash,
      }));
    },

    /** Each chain's recorded head (last seq and hash), for `npm run audit:verify`. */
    auditHeads(): { chainId: string; seq: number; hash: string }[] {
      return statements.auditHeads.all() as { chainId: string; seq: number; hash: string }[];
    },

    /** Every chain id, for `npm run audit:verify`. */
    auditChainIds(): string[] {
      return statements.auditChainIds.pluck().all() as string[];
    },

    async takeUndelivered(limit: number): Promise<OutboxMessage[]> {
      return (statements.undelivered.all(limit) as OutboxRow[]).map(outboxMessageOf);
    },

    async claimOutbox(input: { claimant: string; now: string; leaseUntil: string; limit: number }): Promise<OutboxMessage[]> {
      // One IMMEDIATE transaction reads and leases: another process waits for it, then sees the leases.
      const rows = core.transaction(() => {
        const free = statements.claimable.all({ now: input.now, limit: input.limit }) as OutboxRow[];
        for (const row of free) statements.claim.run({ id: row.id, claimant: input.claimant, leaseUntil: input.leaseUntil });
        return free;
      });
      return rows.map(outboxMessageOf);
    },

    async settleOutbox(input: { ids: number[]; at: string; outcome: DeliveryOutcome; detail?: string }): Promise<void> {
      core.transaction(() => input.ids.forEach((id) => statements.settle.run({ id, at: input.at, outcome: input.outcome, detail: input.detail ?? null })));
    },

    async noteDeliveryFailure(input: { id: number; at: string; detail: string; maxAttempts: number }): Promise<boolean> {
      return core.transaction(() => {
        const attempts = statements.attempts.pluck().get(input.id) as number | undefined;
        if (attempts === undefined) return false;
        statements.failedAttempt.run({ id: input.id, detail: input.detail });
        if (attempts + 1 < input.maxAttempts) return false;
        statements.settle.run({ id: input.id, at: input.at, outcome: 'failed', detail: input.detail });
        return true;
      });
    },

    async pruneRateCounters(before: string): Promise<number> {
      return statements.pruneRates.run(before).changes;
    },

    async saveFile(file: FileRecord): Promise<void> {
      statements.insertFile.run(file);
    },

    async findFile(id: string): Promise<FileRecord | null> {
      return (statements.file.get(id) as FileRecord | undefined) ?? null;
    },
  };
}
