import type { SubsidyProject } from '../../../types/api';
import type { ChangeRecord, ProposalRecord, ProposalState } from '../../../types/domain';
import type {
  AuditDraft,
  CommitOutcome,
  Cursor,
  MeetingCursor,
  MeetingRecord,
  OutboxDraft,
  ProposalIndexing,
  ProposalQuery,
  RateLimit,
  RequestKey,
  ScopeFilter,
  Slice,
  StoredProposal,
  SubsidyTotals,
  TransitionBatch,
} from '../../app/ports/store.port';
import { subsidyTotalsChanges } from '../../domain/subsidy';
import { summaryTotalsChanges } from '../../domain/summary';
import { summaryMover } from './sqlite.summary-rebuild';
import { cursorClause, Rollback, scopeClause, sliceOf, type SqliteCore } from './sqlite.core';
import type { LedgerRows } from './sqlite.ledgers';
import { onlyText, searchClauses, textMatches } from './sqlite.search';

export interface ProposalRow {
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

export const PROPOSAL_COLUMNS =
  'record, comment_count, rating_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5, updated_at';

export function storedOf(row: ProposalRow): StoredProposal {
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

interface MeetingRow {
  id: string;
  community_id: string;
  meeting_on: string;
  proposal_ids: string;
  published_on: string;
}

function meetingOf(row: MeetingRow): MeetingRecord {
  return { id: row.id, communityId: row.community_id, meetingOn: row.meeting_on, proposalIds: JSON.parse(row.proposal_ids), publishedOn: row.published_on };
}

/** Idempotency keys and rate counters: claimed and counted in the transaction of the write they guard. */
export function requestGuards(core: SqliteCore) {
  const { db } = core;
  const statements = {
    claimRequest: db.prepare('INSERT OR IGNORE INTO idempotency (openid, action, request_id, record_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    requestRecord: db.prepare('SELECT record_id FROM idempotency WHERE openid = ? AND action = ? AND request_id = ?'),
    pruneRate: db.prepare('DELETE FROM rate_counters WHERE openid = ? AND action = ? AND window_start < ?'),
    countRate: db.prepare(
      `INSERT INTO rate_counters (openid, action, window_start, count) VALUES (@openid, @action, @windowStart, 1)
       ON CONFLICT (openid, action, window_start) DO UPDATE SET count = count + 1 WHERE count < @max`,
    ),
  };
  return {
    /** Counts one more action in the caller's window, or rolls back as `rate_limited`. */
    countRate(limit: RateLimit): void {
      statements.pruneRate.run(limit.openid, limit.action, limit.windowStart);
      const counted = statements.countRate.run({ openid: limit.openid, action: limit.action, windowStart: limit.windowStart, max: limit.max });
      if (counted.changes === 0) throw new Rollback({ ok: false, code: 'rate_limited' });
    },
    /** Claims the request key; answers the id of the first record when it was claimed before. */
    claimRequest(request: RequestKey, recordId: string, at: string): string | null {
      const claimed = statements.claimRequest.run(request.openid, request.action, request.requestId, recordId, at);
      if (claimed.changes === 1) return null;
      return statements.requestRecord.pluck().get(request.openid, request.action, request.requestId) as string;
    },
  };
}

export type RequestGuards = ReturnType<typeof requestGuards>;

/** Proposals and their transitions, the lists over them, council meetings and change records. */
export function sqliteProposals(core: SqliteCore, ledgers: LedgerRows, guards: RequestGuards) {
  const { db } = core;
  const statements = {
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
    meeting: db.prepare('SELECT id, community_id, meeting_on, proposal_ids, published_on FROM meetings WHERE id = ?'),
    insertMeeting: db.prepare('INSERT INTO meetings (id, community_id, meeting_on, proposal_ids, published_on, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    change: db.prepare('SELECT record FROM changes WHERE id = ?'),
    upsertChange: db.prepare(
      `INSERT INTO changes (id, proposal_id, state, record, created_at) VALUES (@id, @proposalId, @state, @record, @at)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, record = excluded.record`,
    ),
    approvedInYear: db.prepare(
      `SELECT id, community_id AS communityId, json_extract(record, '$.title') AS title,
              json_extract(record, '$.category') AS category, state, approved_budget_fen AS approvedBudgetFen
       FROM proposals WHERE district_id = ? AND budget_year = ? AND state <> 'withdrawn'
       ORDER BY community_id, created_at, id`,
    ),
    noticeOverdue: db.prepare('INSERT OR IGNORE INTO overdue_notices (proposal_id, deadline, due_on, noticed_at) VALUES (?, ?, ?, ?)'),
    subsidyFields: db.prepare('SELECT state, budget_year AS budgetYear, approved_budget_fen AS approvedBudgetFen FROM proposals WHERE id = ?'),
    subsidyTotals: db.prepare('SELECT version, project_count AS projectCount, approved_fen AS approvedFen FROM subsidy_totals WHERE district_id = ? AND year = ?'),
    // Two steps, not an upsert: SQLite checks the CHECKs of the row an upsert would insert even
    // when it updates instead, and a withdrawal's negative delta fails them.
    openSubsidyTotals: db.prepare('INSERT OR IGNORE INTO subsidy_totals (district_id, year, version, project_count, approved_fen) VALUES (?, ?, 0, 0, 0)'),
    moveSubsidyTotals: db.prepare(
      `UPDATE subsidy_totals SET version = version + 1, project_count = project_count + @projectDelta, approved_fen = approved_fen + @approvedDeltaFen
       WHERE district_id = @districtId AND year = @year`,
    ),
  };

  // Issue 18 (reports): R-RPT-1, the summary's running figures move with each write of a project.
  const moveSummary = summaryMover(db);
  function moveSummaryTotals(before: ProposalRecord | null, after: ProposalRecord): void {
    for (const fact of summaryTotalsChanges(before, after)) moveSummary(after, fact);
  }

  function readProposal(id: string): StoredProposal | null {
    const row = statements.proposal.get(id) as ProposalRow | undefined;
    return row ? storedOf(row) : null;
  }

  /** R-FUN-3: the district's application of the project's budget year moves with each write of it. */
  function moveSubsidyTotals(before: Pick<ProposalRecord, 'state' | 'budgetYear' | 'approvedBudgetFen'> | null, after: ProposalRecord): void {
    for (const change of subsidyTotalsChanges(before, after)) {
      statements.openSubsidyTotals.run(after.districtId, change.year);
      statements.moveSubsidyTotals.run({ districtId: after.districtId, ...change });
    }
  }

  /** What the subsidy totals need of a stored proposal (its columns, not its record). */
  function subsidyFieldsOf(id: string): Pick<ProposalRecord, 'state' | 'budgetYear' | 'approvedBudgetFen'> | null {
    const row = statements.subsidyFields.get(id) as { state: ProposalState; budgetYear: number | null; approvedBudgetFen: number | null } | undefined;
    return row ? { state: row.state, budgetYear: row.budgetYear ?? undefined, approvedBudgetFen: row.approvedBudgetFen ?? undefined } : null;
  }

  function proposalParams(record: ProposalRecord, indexing: ProposalIndexing, at: string) {
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

  return {
    async findProposal(id: string): Promise<StoredProposal | null> {
      return readProposal(id);
    },

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
      where.push(...searchClauses(query, params));
      const sql = `SELECT ${PROPOSAL_COLUMNS} FROM proposals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY created_at DESC, id DESC LIMIT @limit`;
      return sliceOf((db.prepare(sql).all(params) as ProposalRow[]).map(storedOf), query.limit);
    },

    // proposal search (issue 17)
    async countProposals(query: Omit<ProposalQuery, 'after' | 'limit'>, cap: number): Promise<number> {
      const params: Record<string, unknown> = { cap };
      // A city-wide search: the full-text index counts its matches without reading a row.
      if (onlyText(query)) return db.prepare(`SELECT COUNT(*) FROM (${textMatches(query.text as string, params)} LIMIT @cap)`).pluck().get(params) as number;
      const where = [...scopeClause(query.scope, params), ...searchClauses(query, params)];
      if (query.state) {
        params.state = query.state;
        where.push('state = @state');
      }
      if (query.proposerOpenid) {
        params.proposer = query.proposerOpenid;
        where.push('proposer_openid = @proposer');
      }
      const sql = `SELECT COUNT(*) FROM (SELECT 1 FROM proposals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT @cap)`;
      return db.prepare(sql).pluck().get(params) as number;
    },

    async createProposal(input: {
      record: ProposalRecord;
      indexing: ProposalIndexing;
      request: RequestKey;
      rateLimit: RateLimit;
      audit: AuditDraft;
      outbox: OutboxDraft[];
    }): Promise<CommitOutcome<{ stored: StoredProposal; created: boolean }>> {
      return core.atomically(() => {
        const firstId = guards.claimRequest(input.request, input.record.id, input.audit.at);
        if (firstId !== null) return { stored: readProposal(firstId) as StoredProposal, created: false };
        guards.countRate(input.rateLimit);
        statements.insertProposal.run(proposalParams(input.record, input.indexing, input.audit.at));
        moveSubsidyTotals(null, input.record);
        moveSummaryTotals(null, input.record);
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, input.audit.at);
        return { stored: readProposal(input.record.id) as StoredProposal, created: true };
      });
    },

    async commitTransitions(batch: TransitionBatch): Promise<CommitOutcome<StoredProposal[]>> {
      return core.atomically(() => {
        for (const write of batch.proposals) {
          const before = subsidyFieldsOf(write.record.id);
          const beforeRecord = readProposal(write.record.id)?.record ?? null;
          const record = { ...write.record, version: write.expectedVersion + 1 };
          const updated = statements.updateProposal.run({
            ...proposalParams(record, write.indexing, batch.at),
            expectedVersion: write.expectedVersion,
            expectedState: write.expectedState,
          });
          if (updated.changes === 0) {
            // Someone else wrote first: if the state moved on, the action no longer fits it.
            const current = statements.proposalState.pluck().get(record.id) as ProposalState | undefined;
            throw new Rollback({ ok: false, code: current === write.expectedState ? 'conflict' : 'invalid_state' });
          }
          moveSubsidyTotals(before, record);
          moveSummaryTotals(beforeRecord, record);
        }
        // R-FUN-1: each move is judged on the ledger as it is inside this transaction.
        for (const move of batch.ledgerMoves) ledgers.move(move);
        if (batch.meeting) {
          const { id, communityId, meetingOn, proposalIds, publishedOn } = batch.meeting;
          statements.insertMeeting.run(id, communityId, meetingOn, JSON.stringify(proposalIds), publishedOn, batch.at);
        }
        for (const change of batch.changes) {
          statements.upsertChange.run({ id: change.id, proposalId: change.proposalId, state: change.state, record: JSON.stringify(change), at: batch.at });
        }
        batch.audit.forEach((entry) => core.appendAudit(entry));
        core.enqueue(batch.outbox, batch.at);
        core.post(batch.notices, batch.at); // notifications: notices to whole communities
        return batch.proposals.map((write) => readProposal(write.record.id) as StoredProposal);
      });
    },

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
      const rows = db.prepare(sql).all(params) as (ProposalRow & { open_deadline_on: string })[];
      return sliceOf(rows.map((row) => ({ ...storedOf(row), openDeadlineOn: row.open_deadline_on })), limit);
    },

    async listWithMissingDocuments(scope: ScopeFilter, after: Cursor | undefined, limit: number): Promise<Slice<StoredProposal>> {
      const params: Record<string, unknown> = { limit: limit + 1 };
      const where = [...scopeClause(scope, params), "missing_docs <> ''", ...cursorClause(after, params)];
      const sql = `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`;
      return sliceOf((db.prepare(sql).all(params) as ProposalRow[]).map(storedOf), limit);
    },

    async subsidyTotals(districtId: string, year: number): Promise<SubsidyTotals> {
      return (statements.subsidyTotals.get(districtId, year) as SubsidyTotals | undefined) ?? { version: 0, projectCount: 0, approvedFen: 0 };
    },

    async listApprovedInYear(districtId: string, year: number): Promise<SubsidyProject[]> {
      // Only the six fields of the list, read from the covering index (migration 4): a district
      // has thousands of projects a year and parsing every record would dominate the answer.
      return statements.approvedInYear.all(districtId, year) as SubsidyProject[];
    },

    async findMeeting(id: string): Promise<MeetingRecord | null> {
      const row = statements.meeting.get(id) as MeetingRow | undefined;
      return row ? meetingOf(row) : null;
    },

    async listMeetings(communityId: string, after: MeetingCursor | undefined, limit: number): Promise<Slice<MeetingRecord>> {
      const params: Record<string, unknown> = { communityId, limit: limit + 1 };
      const where = ['community_id = @communityId'];
      if (after) {
        params.afterOn = after.meetingOn;
        params.afterId = after.id;
        where.push('(meeting_on < @afterOn OR (meeting_on = @afterOn AND id < @afterId))');
      }
      const sql = `SELECT id, community_id, meeting_on, proposal_ids, published_on FROM meetings WHERE ${where.join(' AND ')}
                   ORDER BY meeting_on DESC, id DESC LIMIT @limit`;
      return sliceOf((db.prepare(sql).all(params) as MeetingRow[]).map(meetingOf), limit);
    },

    async findChange(id: string): Promise<ChangeRecord | null> {
      const record = statements.change.pluck().get(id) as string | undefined;
      return record ? (JSON.parse(record) as ChangeRecord) : null;
    },

    async noticeOverdue(input: { proposalId: string; deadline: string; dueOn: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
      return core.transaction(() => {
        const noticed = statements.noticeOverdue.run(input.proposalId, input.deadline, input.dueOn, input.at);
        if (noticed.changes === 0) return false;
        core.enqueue(input.outbox, input.at);
        return true;
      });
    },
  };
}
