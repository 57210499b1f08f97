import Database from 'better-sqlite3';
import type { Directory, LibraryEntry, Meeting, Role, RoleGrant, SubsidyProject } from '../../../types/api';
import type { BudgetLine, Category, ChangeRecord, Ledger, Policy, ProposalRecord, ProposalState } from '../../../types/domain';
import { GENESIS_HASH, hashEntry } from '../audit-chain';
import type {
  AuditDraft,
  AuditEntry,
  CommentRecord,
  CommitOutcome,
  CommitRefusal,
  CommunityPlace,
  Cursor,
  FileRecord,
  OutboxDraft,
  OutboxMessage,
  ProposalIndexing,
  ProposalQuery,
  RateLimit,
  RatingRecord,
  RequestKey,
  ScopeFilter,
  ScopePlace,
  Slice,
  Store,
  StoredProposal,
  TransitionBatch,
  UserRecord,
} from '../../app/ports/store.port';
import { migrations } from './migrations';

type Db = Database.Database;

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

export class StoreTooNewError extends Error {}

/** Thrown inside a transaction to roll it back and answer a refusal. */
class Rollback extends Error {
  constructor(readonly refusal: CommitRefusal) {
    super(refusal.code);
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
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Two server processes may share one file: wait for the writer instead of failing at once.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db);
}

interface ProposalRow {
  record: string;
  comment_count: number;
  rating_count: number;
  rating_sum: number;
  rating_1: number;
  rating_2: number;
  rating_3: number;
  rating_4: number;
  rating_5: number;
  updated_at: string;
}

const PROPOSAL_COLUMNS =
  'record, comment_count, rating_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5, updated_at';

function storedOf(row: ProposalRow): StoredProposal {
  return {
    record: JSON.parse(row.record) as ProposalRecord,
    counters: {
      commentCount: row.comment_count,
      ratingCount: row.rating_count,
      ratingSum: row.rating_sum,
      histogram: [row.rating_1, row.rating_2, row.rating_3, row.rating_4, row.rating_5],
    },
    updatedAt: row.updated_at,
  };
}

interface CommentRow {
  id: string;
  proposal_id: string;
  author_openid: string;
  author_name: string;
  text: string;
  status: CommentRecord['status'];
  reply_text: string | null;
  reply_openid: string | null;
  replied_at: string | null;
  created_at: string;
}

function commentOf(row: CommentRow): CommentRecord {
  const comment: CommentRecord = {
    id: row.id,
    proposalId: row.proposal_id,
    authorOpenid: row.author_openid,
    authorName: row.author_name,
    text: row.text,
    status: row.status,
    createdAt: row.created_at,
  };
  if (row.reply_text !== null) comment.reply = { text: row.reply_text, openid: row.reply_openid as string, repliedAt: row.replied_at as string };
  return comment;
}

interface LibraryRow {
  id: string;
  title: string;
  category: Category;
  plan: string;
  budget_lines: string;
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
  };
}

const SCOPE_COLUMN = { community: 'community_id', street: 'street_id', district: 'district_id' } as const;

function scopeClause(scope: ScopeFilter, params: Record<string, unknown>): string[] {
  if (scope.kind === 'all') return [];
  params.scopeId = scope.id;
  return [`${SCOPE_COLUMN[scope.kind]} = @scopeId`];
}

function cursorClause(after: Cursor | undefined, params: Record<string, unknown>): string[] {
  if (!after) return [];
  params.afterCreatedAt = after.createdAt;
  params.afterId = after.id;
  return ['(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))'];
}

function sliceOf<T>(rows: T[], limit: number): Slice<T> {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

export class SqliteStore implements Store {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      user: db.prepare('SELECT openid, name, community_id AS communityId FROM users WHERE openid = ?'),
      grants: db.prepare('SELECT role, scope_id AS scopeId FROM role_grants WHERE openid = ? ORDER BY granted_at, role, scope_id'),
      community: db.prepare(
        `SELECT c.id AS communityId, s.id AS streetId, s.district_id AS districtId
           FROM communities c JOIN streets s ON s.id = c.street_id WHERE c.id = ?`,
      ),
      upsertUser: db.prepare(
        `INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (@openid, @name, @communityId, @at, @at)
         ON CONFLICT (openid) DO UPDATE SET name = excluded.name, community_id = excluded.community_id, updated_at = excluded.updated_at`,
      ),
      ensureUser: db.prepare(
        `INSERT OR IGNORE INTO users (openid, name, community_id, created_at, updated_at) VALUES (?, NULL, NULL, ?, ?)`,
      ),
      dropResidentGrants: db.prepare("DELETE FROM role_grants WHERE openid = ? AND role = 'resident'"),
      insertGrant: db.prepare(`INSERT OR IGNORE INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)`),
      districts: db.prepare('SELECT id, name FROM districts ORDER BY sort_order, id'),
      streets: db.prepare('SELECT id, district_id AS districtId, name FROM streets ORDER BY sort_order, id'),
      communities: db.prepare('SELECT id, street_id AS streetId, name FROM communities ORDER BY sort_order, id'),
      street: db.prepare('SELECT id AS streetId, district_id AS districtId FROM streets WHERE id = ?'),
      districtExists: db.prepare('SELECT 1 FROM districts WHERE id = ?'),
      communityCount: db.prepare('SELECT COUNT(*) FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = ?'),

      proposal: db.prepare(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE id = ?`),
      proposalState: db.prepare('SELECT state FROM proposals WHERE id = ?'),
      insertProposal: db.prepare(
        `INSERT INTO proposals (id, community_id, street_id, district_id, state, proposer_openid, created_at,
           open_deadline_on, missing_docs, budget_year, approved_budget_fen, version, updated_at, record)
         VALUES (@id, @communityId, @streetId, @districtId, @state, @proposerOpenid, @createdAt,
           @openDeadlineOn, @missingDocs, @budgetYear, @approvedBudgetFen, @version, @updatedAt, @record)`,
      ),
      updateProposal: db.prepare(
        `UPDATE proposals SET state = @state, open_deadline_on = @openDeadlineOn, missing_docs = @missingDocs,
           budget_year = @budgetYear, approved_budget_fen = @approvedBudgetFen, version = @version,
           updated_at = @updatedAt, record = @record
         WHERE id = @id AND version = @expectedVersion AND state = @expectedState`,
      ),
      claimRequest: db.prepare(
        'INSERT OR IGNORE INTO idempotency (openid, action, request_id, record_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      requestRecord: db.prepare('SELECT record_id FROM idempotency WHERE openid = ? AND action = ? AND request_id = ?'),
      pruneRate: db.prepare('DELETE FROM rate_counters WHERE openid = ? AND action = ? AND window_start < ?'),
      countRate: db.prepare(
        `INSERT INTO rate_counters (openid, action, window_start, count) VALUES (@openid, @action, @windowStart, 1)
         ON CONFLICT (openid, action, window_start) DO UPDATE SET count = count + 1 WHERE count < @max`,
      ),
      moveLedger: db.prepare(
        `UPDATE ledgers SET approved_fen = approved_fen + @approvedDeltaFen, spent_fen = spent_fen + @spentDeltaFen
         WHERE community_id = @communityId AND year = @year
           AND approved_fen + @approvedDeltaFen <= allocated_fen AND approved_fen + @approvedDeltaFen >= 0`,
      ),
      ledger: db.prepare(
        `SELECT quota_fen AS quotaFen, allocated_fen AS allocatedFen, approved_fen AS approvedFen, spent_fen AS spentFen
         FROM ledgers WHERE community_id = ? AND year = ?`,
      ),
      allocate: db.prepare(
        `INSERT INTO ledgers (community_id, year, quota_fen, allocated_fen, approved_fen, spent_fen)
         VALUES (@communityId, @year, @quotaFen, @allocatedFen, 0, 0)
         ON CONFLICT (community_id, year) DO UPDATE SET quota_fen = @quotaFen, allocated_fen = @allocatedFen
         WHERE approved_fen <= @allocatedFen`,
      ),
      policy: db.prepare(
        `SELECT district_id, year, quota_fen, fee_ratio_percent, street_threshold_works_fen, street_threshold_goods_fen,
           street_threshold_services_fen, tender_threshold_fen FROM policies WHERE district_id = ? AND year = ?`,
      ),
      savePolicy: db.prepare(
        `INSERT INTO policies (district_id, year, quota_fen, fee_ratio_percent, street_threshold_works_fen,
           street_threshold_goods_fen, street_threshold_services_fen, tender_threshold_fen, updated_at)
         VALUES (@districtId, @year, @quotaFen, @feeRatioPercent, @works, @goods, @services, @tender, @at)
         ON CONFLICT (district_id, year) DO UPDATE SET quota_fen = excluded.quota_fen,
           fee_ratio_percent = excluded.fee_ratio_percent, street_threshold_works_fen = excluded.street_threshold_works_fen,
           street_threshold_goods_fen = excluded.street_threshold_goods_fen,
           street_threshold_services_fen = excluded.street_threshold_services_fen,
           tender_threshold_fen = excluded.tender_threshold_fen, updated_at = excluded.updated_at`,
      ),
      // A new quota applies to the district's ledgers of that year that exist already.
      applyQuota: db.prepare(
        `UPDATE ledgers SET quota_fen = @quotaFen WHERE year = @year AND community_id IN
           (SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = @districtId)`,
      ),
      allocatedAbove: db.prepare(
        `SELECT 1 FROM ledgers WHERE year = @year AND allocated_fen > @quotaFen AND community_id IN
           (SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = @districtId) LIMIT 1`,
      ),

      meeting: db.prepare('SELECT id, community_id, meeting_on, proposal_ids, published_on FROM meetings WHERE id = ?'),
      insertMeeting: db.prepare(
        'INSERT INTO meetings (id, community_id, meeting_on, proposal_ids, published_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      lastMeeting: db.prepare('SELECT MAX(meeting_on) FROM meetings WHERE community_id = ?'),

      change: db.prepare('SELECT record FROM changes WHERE id = ?'),
      upsertChange: db.prepare(
        `INSERT INTO changes (id, proposal_id, state, record, created_at) VALUES (@id, @proposalId, @state, @record, @at)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, record = excluded.record`,
      ),

      comment: db.prepare('SELECT * FROM comments WHERE id = ?'),
      insertComment: db.prepare(
        `INSERT INTO comments (id, proposal_id, author_openid, author_name, text, status, created_at)
         VALUES (@id, @proposalId, @authorOpenid, @authorName, @text, @status, @createdAt)`,
      ),
      countComment: db.prepare('UPDATE proposals SET comment_count = comment_count + ? WHERE id = ?'),
      proposalInState: db.prepare('SELECT 1 FROM proposals WHERE id = ? AND state = ?'),
      replyComment: db.prepare('UPDATE comments SET reply_text = ?, reply_openid = ?, replied_at = ? WHERE id = ?'),
      moderateComment: db.prepare("UPDATE comments SET status = ? WHERE id = ? AND status = 'pending'"),

      rating: db.prepare('SELECT stars, text, updated_at AS updatedAt FROM ratings WHERE proposal_id = ? AND openid = ?'),
      upsertRating: db.prepare(
        `INSERT INTO ratings (proposal_id, openid, stars, text, updated_at) VALUES (@proposalId, @openid, @stars, @text, @updatedAt)
         ON CONFLICT (proposal_id, openid) DO UPDATE SET stars = excluded.stars, text = excluded.text, updated_at = excluded.updated_at`,
      ),

      countRating: db.prepare(
        `UPDATE proposals SET rating_count = rating_count + @count, rating_sum = rating_sum + @sum,
           rating_1 = rating_1 + @d1, rating_2 = rating_2 + @d2, rating_3 = rating_3 + @d3,
           rating_4 = rating_4 + @d4, rating_5 = rating_5 + @d5
         WHERE id = @id`,
      ),

      libraryEntry: db.prepare('SELECT * FROM library_entries WHERE id = ?'),
      insertLibraryEntry: db.prepare(
        `INSERT INTO library_entries (id, title, category, plan, budget_lines, scope_id, created_by, created_at)
         VALUES (@id, @title, @category, @plan, @budgetLines, @scopeId, @createdBy, @createdAt)`,
      ),

      approvedInYear: db.prepare(
        `SELECT id, community_id AS communityId, json_extract(record, '$.title') AS title,
                json_extract(record, '$.category') AS category, state, approved_budget_fen AS approvedBudgetFen
         FROM proposals WHERE district_id = ? AND budget_year = ? AND state <> 'withdrawn'
         ORDER BY community_id, created_at, id`,
      ),
      staffOf: db.prepare('SELECT openid FROM role_grants WHERE role = ? AND scope_id = ? ORDER BY openid'),
      noticeOverdue: db.prepare('INSERT OR IGNORE INTO overdue_notices (proposal_id, deadline, due_on, noticed_at) VALUES (?, ?, ?, ?)'),
      lastAudit: db.prepare('SELECT seq, hash FROM audit_entries WHERE chain_id = ? ORDER BY seq DESC LIMIT 1'),
      insertAudit: db.prepare(
        `INSERT INTO audit_entries (chain_id, seq, at, actor, action, from_state, to_state, detail, prev_hash, hash)
         VALUES (@chainId, @seq, @at, @actor, @action, @from, @to, @detail, @prevHash, @hash)`,
      ),
      auditTrail: db.prepare('SELECT * FROM audit_entries WHERE chain_id = ? ORDER BY seq'),
      moveHead: db.prepare(
        `INSERT INTO audit_heads (chain_id, seq, hash) VALUES (@chainId, @seq, @hash)
         ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
      ),
      auditHeads: db.prepare('SELECT chain_id AS chainId, seq, hash FROM audit_heads ORDER BY chain_id'),
      insertOutbox: db.prepare('INSERT INTO outbox (recipient_openid, kind, payload, created_at) VALUES (?, ?, ?, ?)'),
      undelivered: db.prepare('SELECT * FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?'),
      markDelivered: db.prepare('UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL'),

      insertFile: db.prepare(
        `INSERT INTO files (id, owner_openid, content_type, bytes, path, created_at)
         VALUES (@id, @ownerOpenid, @contentType, @bytes, @path, @createdAt)`,
      ),
      file: db.prepare(
        'SELECT id, owner_openid AS ownerOpenid, content_type AS contentType, bytes, path, created_at AS createdAt FROM files WHERE id = ?',
      ),
    };
  }

  /** Runs `work` in one IMMEDIATE transaction; a Rollback inside answers its refusal. */
  private atomically<T>(work: () => T): CommitOutcome<T> {
    try {
      return { ok: true, value: this.db.transaction(work).immediate() };
    } catch (error) {
      if (error instanceof Rollback) return error.refusal;
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Identity and directory

  async findUser(openid: string): Promise<UserRecord | null> {
    return this.readUser(openid);
  }

  private readUser(openid: string): UserRecord | null {
    const user = this.statements.user.get(openid) as { openid: string; name: string | null; communityId: string | null } | undefined;
    if (!user) return null;
    const grants = this.statements.grants.all(openid) as RoleGrant[];
    return { ...user, grants };
  }

  async joinCommunity(input: { openid: string; communityId: string; name: string; at: string; audit: AuditDraft }): Promise<UserRecord> {
    return this.db
      .transaction(() => {
        this.statements.upsertUser.run({ openid: input.openid, name: input.name, communityId: input.communityId, at: input.at });
        // A person is a resident of one community at a time; staff grants are untouched.
        this.statements.dropResidentGrants.run(input.openid);
        this.statements.insertGrant.run(input.openid, 'resident', input.communityId, input.openid, input.at);
        this.appendAudit(input.audit);
        return this.readUser(input.openid) as UserRecord;
      })
      .immediate();
  }

  async grantRole(input: { openid: string; role: Role; scopeId: string; grantedBy: string; audit: AuditDraft }): Promise<UserRecord> {
    return this.db
      .transaction(() => {
        this.statements.ensureUser.run(input.openid, input.audit.at, input.audit.at);
        this.statements.insertGrant.run(input.openid, input.role, input.scopeId, input.grantedBy, input.audit.at);
        this.appendAudit(input.audit);
        return this.readUser(input.openid) as UserRecord;
      })
      .immediate();
  }

  async findCommunity(communityId: string): Promise<CommunityPlace | null> {
    return (this.statements.community.get(communityId) as CommunityPlace | undefined) ?? null;
  }

  async findScope(id: string): Promise<ScopePlace | null> {
    const community = this.statements.community.get(id) as CommunityPlace | undefined;
    if (community) return { kind: 'community', ...community };
    const street = this.statements.street.get(id) as { streetId: string; districtId: string } | undefined;
    if (street) return { kind: 'street', ...street };
    if (this.statements.districtExists.get(id) !== undefined) return { kind: 'district', districtId: id };
    return null;
  }

  async countCommunities(districtId: string): Promise<number> {
    return this.statements.communityCount.pluck().get(districtId) as number;
  }

  async getDirectory(): Promise<Directory> {
    const districts = this.statements.districts.all() as { id: string; name: string }[];
    const streets = this.statements.streets.all() as { id: string; districtId: string; name: string }[];
    const communities = this.statements.communities.all() as { id: string; streetId: string; name: string }[];
    return {
      districts: districts.map((district) => ({
        id: district.id,
        name: district.name,
        streets: streets
          .filter((street) => street.districtId === district.id)
          .map((street) => ({
            id: street.id,
            name: street.name,
            communities: communities
              .filter((community) => community.streetId === street.id)
              .map((community) => ({ id: community.id, name: community.name })),
          })),
      })),
    };
  }

  /** True when the store holds no directory yet (a fresh file). */
  isEmpty(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM districts').get() as { n: number }).n === 0;
  }

  /** Seed helper: grants a role directly (role.grant, with its checks, is the use case's). */
  insertGrant(openid: string, role: Role, scopeId: string, grantedBy: string | null, at: string): void {
    this.statements.insertGrant.run(openid, role, scopeId, grantedBy, at);
  }

  // -------------------------------------------------------------------------------------------
  // Proposals

  async findProposal(id: string): Promise<StoredProposal | null> {
    return this.readProposal(id);
  }

  private readProposal(id: string): StoredProposal | null {
    const row = this.statements.proposal.get(id) as ProposalRow | undefined;
    return row ? storedOf(row) : null;
  }

  async listProposals(query: ProposalQuery): Promise<Slice<StoredProposal>> {
    const params: Record<string, unknown> = { limit: query.limit + 1 };
    const where = [...scopeClause(query.scope, params), ...cursorClause(query.after, params)];
    if (query.state) {
      params.state = query.state;
      where.push('state = @state');
    }
    if (query.proposerOpenid) {
      params.proposer = query.proposerOpenid;
      where.push('proposer_openid = @proposer');
    }
    const sql = `SELECT ${PROPOSAL_COLUMNS} FROM proposals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, id DESC LIMIT @limit`;
    return sliceOf((this.db.prepare(sql).all(params) as ProposalRow[]).map(storedOf), query.limit);
  }

  private proposalParams(record: ProposalRecord, indexing: ProposalIndexing, at: string) {
    return {
      id: record.id,
      communityId: record.communityId,
      streetId: record.streetId,
      districtId: record.districtId,
      state: record.state,
      proposerOpenid: record.proposerOpenid,
      createdAt: record.createdAt,
      openDeadlineOn: indexing.openDeadlineOn,
      missingDocs: indexing.missingDocuments.join(','),
      budgetYear: record.budgetYear ?? null,
      approvedBudgetFen: record.approvedBudgetFen ?? null,
      version: record.version,
      updatedAt: at,
      record: JSON.stringify(record),
    };
  }

  /** Counts one more action in the caller's window, or rolls back as `rate_limited`. */
  private countRate(limit: RateLimit): void {
    this.statements.pruneRate.run(limit.openid, limit.action, limit.windowStart);
    const counted = this.statements.countRate.run({ openid: limit.openid, action: limit.action, windowStart: limit.windowStart, max: limit.max });
    if (counted.changes === 0) throw new Rollback({ ok: false, code: 'rate_limited' });
  }

  /** Claims the request key; answers the id of the first record when it was claimed before. */
  private claimRequest(request: RequestKey, recordId: string, at: string): string | null {
    const claimed = this.statements.claimRequest.run(request.openid, request.action, request.requestId, recordId, at);
    if (claimed.changes === 1) return null;
    return this.statements.requestRecord.pluck().get(request.openid, request.action, request.requestId) as string;
  }

  async createProposal(input: {
    record: ProposalRecord;
    indexing: ProposalIndexing;
    request: RequestKey;
    rateLimit: RateLimit;
    audit: AuditDraft;
    outbox: OutboxDraft[];
  }): Promise<CommitOutcome<{ stored: StoredProposal; created: boolean }>> {
    return this.atomically(() => {
      const firstId = this.claimRequest(input.request, input.record.id, input.audit.at);
      if (firstId !== null) return { stored: this.readProposal(firstId) as StoredProposal, created: false };
      this.countRate(input.rateLimit);
      this.statements.insertProposal.run(this.proposalParams(input.record, input.indexing, input.audit.at));
      this.appendAudit(input.audit);
      this.enqueue(input.outbox, input.audit.at);
      return { stored: this.readProposal(input.record.id) as StoredProposal, created: true };
    });
  }

  async commitTransitions(batch: TransitionBatch): Promise<CommitOutcome<StoredProposal[]>> {
    return this.atomically(() => {
      for (const write of batch.proposals) {
        const record = { ...write.record, version: write.expectedVersion + 1 };
        const updated = this.statements.updateProposal.run({
          ...this.proposalParams(record, write.indexing, batch.at),
          expectedVersion: write.expectedVersion,
          expectedState: write.expectedState,
        });
        if (updated.changes === 0) {
          // Someone else wrote first: if the state moved on, the action no longer fits it.
          const current = this.statements.proposalState.pluck().get(record.id) as ProposalState | undefined;
          throw new Rollback({ ok: false, code: current === write.expectedState ? 'conflict' : 'invalid_state' });
        }
      }
      for (const move of batch.ledgerMoves) {
        // R-FUN-1: the conditional update is the budget check; racing approvals cannot pass it.
        if (this.statements.moveLedger.run(move).changes === 0) throw new Rollback({ ok: false, code: 'budget_exceeded' });
      }
      if (batch.meeting) {
        const { id, communityId, meetingOn, proposalIds, publishedOn } = batch.meeting;
        this.statements.insertMeeting.run(id, communityId, meetingOn, JSON.stringify(proposalIds), publishedOn, batch.at);
      }
      for (const change of batch.changes) {
        this.statements.upsertChange.run({ id: change.id, proposalId: change.proposalId, state: change.state, record: JSON.stringify(change), at: batch.at });
      }
      batch.audit.forEach((entry) => this.appendAudit(entry));
      this.enqueue(batch.outbox, batch.at);
      return batch.proposals.map((write) => this.readProposal(write.record.id) as StoredProposal);
    });
  }

  async listOverdueCandidates(
    scope: ScopeFilter,
    today: string,
    after: { on: string; id: string } | undefined,
    limit: number,
  ): Promise<Slice<StoredProposal & { openDeadlineOn: string }>> {
    const params: Record<string, unknown> = { today, limit: limit + 1 };
    const where = [...scopeClause(scope, params), 'open_deadline_on IS NOT NULL', 'open_deadline_on < @today'];
    if (after) {
      params.afterOn = after.on;
      params.afterId = after.id;
      where.push('(open_deadline_on > @afterOn OR (open_deadline_on = @afterOn AND id > @afterId))');
    }
    const sql = `SELECT ${PROPOSAL_COLUMNS}, open_deadline_on FROM proposals WHERE ${where.join(' AND ')}
                 ORDER BY open_deadline_on, id LIMIT @limit`;
    const rows = this.db.prepare(sql).all(params) as (ProposalRow & { open_deadline_on: string })[];
    return sliceOf(rows.map((row) => ({ ...storedOf(row), openDeadlineOn: row.open_deadline_on })), limit);
  }

  async listWithMissingDocuments(scope: ScopeFilter, after: Cursor | undefined, limit: number): Promise<Slice<StoredProposal>> {
    const params: Record<string, unknown> = { limit: limit + 1 };
    const where = [...scopeClause(scope, params), "missing_docs <> ''", ...cursorClause(after, params)];
    const sql = `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`;
    return sliceOf((this.db.prepare(sql).all(params) as ProposalRow[]).map(storedOf), limit);
  }

  async listApprovedInYear(districtId: string, year: number): Promise<SubsidyProject[]> {
    // Only the six fields of the list, read from the covering index (migration 4): a district
    // has thousands of projects a year and parsing every record would dominate the answer.
    return this.statements.approvedInYear.all(districtId, year) as SubsidyProject[];
  }

  // -------------------------------------------------------------------------------------------
  // Council and changes

  async findMeeting(id: string): Promise<(Meeting & { publishedOn: string }) | null> {
    const row = this.statements.meeting.get(id) as
      | { id: string; community_id: string; meeting_on: string; proposal_ids: string; published_on: string }
      | undefined;
    if (!row) return null;
    return { id: row.id, communityId: row.community_id, meetingOn: row.meeting_on, proposalIds: JSON.parse(row.proposal_ids), publishedOn: row.published_on };
  }

  async lastMeetingOn(communityId: string): Promise<string | null> {
    return (this.statements.lastMeeting.pluck().get(communityId) as string | null) ?? null;
  }

  async findChange(id: string): Promise<ChangeRecord | null> {
    const record = this.statements.change.pluck().get(id) as string | undefined;
    return record ? (JSON.parse(record) as ChangeRecord) : null;
  }

  // -------------------------------------------------------------------------------------------
  // Comments and ratings

  async addComment(input: {
    comment: CommentRecord;
    request: RequestKey;
    rateLimit: RateLimit;
    proposalState: ProposalState;
    audit: AuditDraft;
    outbox: OutboxDraft[];
  }): Promise<CommitOutcome<{ comment: CommentRecord; created: boolean }>> {
    return this.atomically(() => {
      const firstId = this.claimRequest(input.request, input.comment.id, input.comment.createdAt);
      if (firstId !== null) return { comment: this.readComment(firstId) as CommentRecord, created: false };
      // R-PUB-2: the window may have closed since the use case looked.
      if (this.statements.proposalInState.get(input.comment.proposalId, input.proposalState) === undefined) {
        throw new Rollback({ ok: false, code: 'window_closed' });
      }
      this.countRate(input.rateLimit);
      this.statements.insertComment.run(input.comment);
      if (input.comment.status === 'published') this.statements.countComment.run(1, input.comment.proposalId);
      this.appendAudit(input.audit);
      this.enqueue(input.outbox, input.comment.createdAt);
      return { comment: this.readComment(input.comment.id) as CommentRecord, created: true };
    });
  }

  async findComment(id: string): Promise<CommentRecord | null> {
    return this.readComment(id);
  }

  private readComment(id: string): CommentRecord | null {
    const row = this.statements.comment.get(id) as CommentRow | undefined;
    return row ? commentOf(row) : null;
  }

  async listComments(input: { proposalId: string; viewerOpenid: string | null; includePending: boolean; after?: Cursor; limit: number }): Promise<Slice<CommentRecord>> {
    const params: Record<string, unknown> = {
      proposalId: input.proposalId,
      viewer: input.viewerOpenid ?? '',
      includePending: input.includePending ? 1 : 0,
      limit: input.limit + 1,
    };
    const where = [
      'proposal_id = @proposalId',
      "(status = 'published' OR (status = 'pending' AND (@includePending = 1 OR author_openid = @viewer)))",
      ...cursorClause(input.after, params),
    ];
    const sql = `SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`;
    return sliceOf((this.db.prepare(sql).all(params) as CommentRow[]).map(commentOf), input.limit);
  }

  async replyComment(input: { commentId: string; text: string; openid: string; at: string; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommentRecord> {
    return this.db
      .transaction(() => {
        const replied = this.statements.replyComment.run(input.text, input.openid, input.at, input.commentId);
        // No such comment: nothing is audited or sent.
        if (replied.changes === 0) throw new Error(`no comment ${input.commentId}`);
        this.appendAudit(input.audit);
        this.enqueue(input.outbox, input.at);
        return this.readComment(input.commentId) as CommentRecord;
      })
      .immediate();
  }

  async moderateComment(input: { commentId: string; publish: boolean; at: string; audit: AuditDraft }): Promise<CommitOutcome<CommentRecord>> {
    return this.atomically(() => {
      const moderated = this.statements.moderateComment.run(input.publish ? 'published' : 'hidden', input.commentId);
      if (moderated.changes === 0) throw new Rollback({ ok: false, code: 'invalid_state' });
      const comment = this.readComment(input.commentId) as CommentRecord;
      if (input.publish) this.statements.countComment.run(1, comment.proposalId);
      this.appendAudit(input.audit);
      return comment;
    });
  }

  async setRating(input: { rating: RatingRecord; proposalState: ProposalState; audit: AuditDraft }): Promise<CommitOutcome<RatingRecord>> {
    const { rating } = input;
    return this.atomically(() => {
      if (this.statements.proposalInState.get(rating.proposalId, input.proposalState) === undefined) {
        throw new Rollback({ ok: false, code: 'window_closed' });
      }
      const stored = this.statements.rating.get(rating.proposalId, rating.openid) as { stars: number; text: string | null; updatedAt: string } | undefined;
      // The same rating again (a retried call) changes nothing and leaves no second audit entry.
      if (stored && stored.stars === rating.stars && stored.text === (rating.text ?? null)) return { ...rating, updatedAt: stored.updatedAt };
      const previous = stored?.stars;
      this.statements.upsertRating.run({ ...rating, text: rating.text ?? null });
      // Count, sum and histogram stay on the proposal so that the summary is O(1).
      const histogram = [0, 0, 0, 0, 0];
      histogram[rating.stars - 1] += 1;
      if (previous !== undefined) histogram[previous - 1] -= 1;
      this.statements.countRating.run({
        id: rating.proposalId,
        count: previous === undefined ? 1 : 0,
        sum: rating.stars - (previous ?? 0),
        d1: histogram[0],
        d2: histogram[1],
        d3: histogram[2],
        d4: histogram[3],
        d5: histogram[4],
      });
      this.appendAudit(input.audit);
      return { ...rating };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Money

  async findLedger(communityId: string, year: number): Promise<Ledger | null> {
    return this.readLedger(communityId, year);
  }

  private readLedger(communityId: string, year: number): Ledger | null {
    return (this.statements.ledger.get(communityId, year) as Ledger | undefined) ?? null;
  }

  async allocate(input: { communityId: string; year: number; quotaFen: number; allocatedFen: number; audit: AuditDraft }): Promise<CommitOutcome<Ledger>> {
    return this.atomically(() => {
      const written = this.statements.allocate.run(input);
      // Approvals passed the new total between the use case's read and this write.
      if (written.changes === 0) throw new Rollback({ ok: false, code: 'conflict' });
      this.appendAudit(input.audit);
      return this.readLedger(input.communityId, input.year) as Ledger;
    });
  }

  async findPolicy(districtId: string, year: number): Promise<Policy | null> {
    return this.readPolicy(districtId, year);
  }

  private readPolicy(districtId: string, year: number): Policy | null {
    const row = this.statements.policy.get(districtId, year) as
      | {
          district_id: string;
          year: number;
          quota_fen: number;
          fee_ratio_percent: number;
          street_threshold_works_fen: number;
          street_threshold_goods_fen: number;
          street_threshold_services_fen: number;
          tender_threshold_fen: number;
        }
      | undefined;
    if (!row) return null;
    return {
      districtId: row.district_id,
      year: row.year,
      quotaFen: row.quota_fen,
      feeRatioPercent: row.fee_ratio_percent,
      streetThresholdFen: { works: row.street_threshold_works_fen, goods: row.street_threshold_goods_fen, services: row.street_threshold_services_fen },
      tenderThresholdFen: row.tender_threshold_fen,
    };
  }

  async savePolicy(input: { policy: Policy; at: string; audit: AuditDraft }): Promise<CommitOutcome<Policy>> {
    const { policy } = input;
    return this.atomically(() => {
      // A quota below what a street already allocated would leave that ledger over its cap.
      const overAllocated = this.statements.allocatedAbove.get({ quotaFen: policy.quotaFen, year: policy.year, districtId: policy.districtId });
      if (overAllocated !== undefined) throw new Rollback({ ok: false, code: 'budget_exceeded' });
      this.statements.savePolicy.run({
        districtId: policy.districtId,
        year: policy.year,
        quotaFen: policy.quotaFen,
        feeRatioPercent: policy.feeRatioPercent,
        works: policy.streetThresholdFen.works,
        goods: policy.streetThresholdFen.goods,
        services: policy.streetThresholdFen.services,
        tender: policy.tenderThresholdFen,
        at: input.at,
      });
      this.statements.applyQuota.run({ quotaFen: policy.quotaFen, year: policy.year, districtId: policy.districtId });
      this.appendAudit(input.audit);
      return this.readPolicy(policy.districtId, policy.year) as Policy;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Library

  async listLibrary(after: Cursor | undefined, limit: number): Promise<Slice<LibraryEntry>> {
    const params: Record<string, unknown> = { limit: limit + 1 };
    const where = cursorClause(after, params);
    const sql = `SELECT * FROM library_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, id DESC LIMIT @limit`;
    return sliceOf((this.db.prepare(sql).all(params) as LibraryRow[]).map(libraryEntryOf), limit);
  }

  async findLibraryEntry(id: string): Promise<LibraryEntry | null> {
    return this.readLibraryEntry(id);
  }

  private readLibraryEntry(id: string): LibraryEntry | null {
    const row = this.statements.libraryEntry.get(id) as LibraryRow | undefined;
    return row ? libraryEntryOf(row) : null;
  }

  async addLibraryEntry(input: { entry: LibraryEntry; scopeId: string; createdBy: string; audit: AuditDraft }): Promise<LibraryEntry> {
    const { entry } = input;
    return this.db
      .transaction(() => {
        this.statements.insertLibraryEntry.run({
          id: entry.id,
          title: entry.title,
          category: entry.category,
          plan: entry.plan,
          budgetLines: JSON.stringify(entry.budgetLines),
          scopeId: input.scopeId,
          createdBy: input.createdBy,
          createdAt: entry.createdAt,
        });
        this.appendAudit(input.audit);
        return this.readLibraryEntry(entry.id) as LibraryEntry;
      })
      .immediate();
  }

  async staffOf(role: Role, scopeId: string): Promise<string[]> {
    return this.statements.staffOf.pluck().all(role, scopeId) as string[];
  }

  async noticeOverdue(input: { proposalId: string; deadline: string; dueOn: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
    return this.db
      .transaction(() => {
        const noticed = this.statements.noticeOverdue.run(input.proposalId, input.deadline, input.dueOn, input.at);
        if (noticed.changes === 0) return false;
        this.enqueue(input.outbox, input.at);
        return true;
      })
      .immediate();
  }

  // -------------------------------------------------------------------------------------------
  // Audit trail and outbox

  /** R-SUP-2: appends to the entry's chain; must run inside the caller's transaction. */
  private appendAudit(draft: AuditDraft): void {
    const last = this.statements.lastAudit.get(draft.chainId) as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashEntry(prevHash, { ...draft, seq });
    this.statements.insertAudit.run({ ...draft, seq, prevHash, hash, detail: JSON.stringify(draft.detail) });
    this.statements.moveHead.run({ chainId: draft.chainId, seq, hash });
  }

  private enqueue(messages: OutboxDraft[], at: string): void {
    for (const message of messages) {
      this.statements.insertOutbox.run(message.recipientOpenid, message.kind, JSON.stringify(message.payload), at);
    }
  }

  async auditTrail(chainId: string): Promise<AuditEntry[]> {
    const rows = this.statements.auditTrail.all(chainId) as {
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
    }[];
    return rows.map((row) => ({
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
  }

  /** Each chain's recorded head (last seq and hash), for `npm run audit:verify`. */
  auditHeads(): { chainId: string; seq: number; hash: string }[] {
    return this.statements.auditHeads.all() as { chainId: string; seq: number; hash: string }[];
  }

  /** Every chain id, for `npm run audit:verify`. */
  auditChainIds(): string[] {
    return this.db.prepare('SELECT DISTINCT chain_id FROM audit_entries ORDER BY chain_id').pluck().all() as string[];
  }

  async takeUndelivered(limit: number): Promise<OutboxMessage[]> {
    const rows = this.statements.undelivered.all(limit) as { id: number; recipient_openid: string; kind: string; payload: string; created_at: string }[];
    return rows.map((row) => ({ id: row.id, recipientOpenid: row.recipient_openid, kind: row.kind, payload: JSON.parse(row.payload), createdAt: row.created_at }));
  }

  async markDelivered(ids: number[], at: string): Promise<void> {
    this.db.transaction(() => ids.forEach((id) => this.statements.markDelivered.run(at, id))).immediate();
  }

  // -------------------------------------------------------------------------------------------
  // Files

  async saveFile(file: FileRecord): Promise<void> {
    this.statements.insertFile.run(file);
  }

  async findFile(id: string): Promise<FileRecord | null> {
    return (this.statements.file.get(id) as FileRecord | undefined) ?? null;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a closed store is one self-contained file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
