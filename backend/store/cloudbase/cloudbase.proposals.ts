import type { SubsidyProject } from '../../../types/api';
import type { ChangeRecord, ProposalRecord } from '../../../types/domain';
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
import { Rollback, type CloudBaseCore, type Unit } from './cloudbase.core';
import { keysetPage, newestFirstPage, proposalDoc, scopeConjunction, storedOf } from './cloudbase.documents';
import { applyLedgerMove } from './cloudbase.ledgers';
import { COLLECTIONS, noticeDocId, rateDocId, requestDocId, subsidyDocId } from './collections';
import { subsidyTotalsChanges } from '../../domain/subsidy';
import { moveSummaryTotals } from './cloudbase.reports';
import { queryAll, type Conjunction, type Doc } from './doc-db';
import { foldText } from '../../domain/search';

/** proposal search (issue 17): the filters beyond scope and owner, on the fields proposalDoc keeps. */
function searchConjunction(query: Pick<ProposalQuery, 'states' | 'category' | 'year' | 'text'>): Conjunction {
  const where: Conjunction = {};
  if (query.states) where.state = { in: query.states };
  if (query.category) where.category = query.category;
  if (query.year !== undefined) where.submittedYear = query.year;
  if (query.text) where.searchText = { contains: foldText(query.text) };
  return where;
}

/** R-FUN-3: the district's application of the project's budget year moves with each write of it. */
async function moveSubsidyTotals(unit: Unit, before: ProposalRecord | null, after: ProposalRecord): Promise<void> {
  for (const change of subsidyTotalsChanges(before, after)) {
    const id = subsidyDocId(after.districtId, change.year);
    const totals = await unit.get(COLLECTIONS.subsidy, id);
    unit.put(COLLECTIONS.subsidy, id, {
      districtId: after.districtId,
      year: change.year,
      version: ((totals?.version as number | undefined) ?? 0) + 1,
      projectCount: ((totals?.projectCount as number | undefined) ?? 0) + change.projectDelta,
      approvedFen: ((totals?.approvedFen as number | undefined) ?? 0) + change.approvedDeltaFen,
    });
  }
}

/** Claims the request key inside the transaction; answers the first record's id when it was claimed before. */
export async function claimRequest(unit: Unit, request: RequestKey, recordId: string, at: string): Promise<string | null> {
  const id = requestDocId(request.action, request.openid, request.requestId);
  const first = await unit.get(COLLECTIONS.requests, id);
  if (first) return first.recordId as string;
  unit.put(COLLECTIONS.requests, id, { ...request, recordId, createdAt: at });
  return null;
}

/** Counts one more action in the caller's window, or rolls back as `rate_limited`. */
export async function countRate(unit: Unit, limit: RateLimit, at: string): Promise<void> {
  const id = rateDocId(limit.action, limit.openid, limit.windowStart);
  const counter = await unit.get(COLLECTIONS.rateCounters, id);
  const count = (counter?.count as number | undefined) ?? 0;
  if (counter && count >= limit.max) throw new Rollback({ ok: false, code: 'rate_limited' });
  unit.put(COLLECTIONS.rateCounters, id, {
    openid: limit.openid,
    action: limit.action,
    windowStart: limit.windowStart,
    count: count + 1,
    createdAt: (counter?.createdAt as string | undefined) ?? at,
  });
}

function meetingOf(doc: Doc): MeetingRecord {
  return {
    id: doc._id,
    communityId: doc.communityId as string,
    meetingOn: doc.meetingOn as string,
    proposalIds: doc.proposalIds as string[],
    publishedOn: doc.publishedOn as string,
  };
}

/** Proposals and their transitions, the lists over them, council meetings and change records. */
export function cloudBaseProposals(core: CloudBaseCore) {
  return {
    async findProposal(id: string): Promise<StoredProposal | null> {
      const doc = await core.db.get(COLLECTIONS.proposals, id);
      return doc ? storedOf(doc) : null;
    },

    async listProposals(query: ProposalQuery): Promise<Slice<StoredProposal>> {
      const where: Conjunction = scopeConjunction(query.scope);
      if (query.state) where.state = query.state;
      if (query.proposerOpenid) where.proposerOpenid = query.proposerOpenid;
      Object.assign(where, searchConjunction(query));
      const page = await newestFirstPage(core.db, COLLECTIONS.proposals, [where], query.after, query.limit);
      return { items: page.items.map(storedOf), more: page.more };
    },

    // proposal search (issue 17): the engine counts exactly; the answer stops at the cap as SQLite's does.
    async countProposals(query: Omit<ProposalQuery, 'after' | 'limit'>, cap: number): Promise<number> {
      const where: Conjunction = { ...scopeConjunction(query.scope), ...searchConjunction(query) };
      if (query.state) where.state = query.state;
      if (query.proposerOpenid) where.proposerOpenid = query.proposerOpenid;
      return Math.min(cap, await core.db.count(COLLECTIONS.proposals, [where]));
    },

    async createProposal(input: {
      record: ProposalRecord;
      indexing: ProposalIndexing;
      request: RequestKey;
      rateLimit: RateLimit;
      audit: AuditDraft;
      outbox: OutboxDraft[];
    }): Promise<CommitOutcome<{ stored: StoredProposal; created: boolean }>> {
      return core.atomically(async (unit) => {
        const firstId = await claimRequest(unit, input.request, input.record.id, input.audit.at);
        if (firstId !== null) {
          const first = await unit.get(COLLECTIONS.proposals, firstId);
          if (!first) throw new Error(`request ${input.request.requestId} names a missing proposal ${firstId}`);
          return { stored: storedOf(first), created: false };
        }
        await countRate(unit, input.rateLimit, input.audit.at);
        if (await unit.get(COLLECTIONS.proposals, input.record.id)) throw new Error(`proposal ${input.record.id} exists already`);
        unit.put(COLLECTIONS.proposals, input.record.id, proposalDoc(input.record, input.indexing, input.audit.at, null));
        await moveSubsidyTotals(unit, null, input.record);
        await moveSummaryTotals(unit, null, input.record); // Issue 18 (reports)
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, input.audit.at);
        return { stored: storedOf((await unit.get(COLLECTIONS.proposals, input.record.id)) as Doc), created: true };
      });
    },

    async commitTransitions(batch: TransitionBatch): Promise<CommitOutcome<StoredProposal[]>> {
      return core.atomically(async (unit) => {
        for (const write of batch.proposals) {
          const current = await unit.get(COLLECTIONS.proposals, write.record.id);
          const currentRecord = current?.record as ProposalRecord | undefined;
          if (!current || !currentRecord || currentRecord.version !== write.expectedVersion || currentRecord.state !== write.expectedState) {
            // Someone else wrote first: if the state moved on, the action no longer fits it.
            throw new Rollback({ ok: false, code: currentRecord?.state === write.expectedState ? 'conflict' : 'invalid_state' });
          }
          const record = { ...write.record, version: write.expectedVersion + 1 };
          unit.put(COLLECTIONS.proposals, record.id, proposalDoc(record, write.indexing, batch.at, current));
          await moveSubsidyTotals(unit, currentRecord, record);
          await moveSummaryTotals(unit, currentRecord, record); // Issue 18 (reports)
        }
        // R-FUN-1: each move is judged on the one ledger document, read in this transaction.
        for (const move of batch.ledgerMoves) await applyLedgerMove(unit, move);
        if (batch.meeting) {
          const { id, communityId, meetingOn, proposalIds, publishedOn } = batch.meeting;
          if (await unit.get(COLLECTIONS.meetings, id)) throw new Error(`meeting ${id} exists already`);
          unit.put(COLLECTIONS.meetings, id, { communityId, meetingOn, proposalIds, publishedOn, createdAt: batch.at });
        }
        for (const change of batch.changes) {
          const existing = await unit.get(COLLECTIONS.changes, change.id);
          unit.put(COLLECTIONS.changes, change.id, {
            proposalId: change.proposalId,
            state: change.state,
            record: change,
            createdAt: (existing?.createdAt as string | undefined) ?? batch.at,
          });
        }
        for (const entry of batch.audit) await core.appendAudit(unit, entry);
        await core.enqueue(unit, batch.outbox, batch.at);
        await core.post(unit, batch.notices, batch.at); // notifications: notices to whole communities
        const stored: StoredProposal[] = [];
        for (const write of batch.proposals) stored.push(storedOf((await unit.get(COLLECTIONS.proposals, write.record.id)) as Doc));
        return stored;
      });
    },

    async listOverdueCandidates(
      scope: ScopeFilter,
      today: string,
      after: { on: string; id: string } | undefined,
      limit: number,
    ): Promise<Slice<StoredProposal & { openDeadlineOn: string }>> {
      // A string range never matches null: records without a running deadline drop out.
      const page = await keysetPage(
        core.db,
        COLLECTIONS.proposals,
        [{ ...scopeConjunction(scope), openDeadlineOn: { lt: today } }],
        [
          ['openDeadlineOn', 'asc'],
          ['_id', 'asc'],
        ],
        after ? [after.on, after.id] : undefined,
        limit,
      );
      return { items: page.items.map((doc) => ({ ...storedOf(doc), openDeadlineOn: doc.openDeadlineOn as string })), more: page.more };
    },

    async listWithMissingDocuments(scope: ScopeFilter, after: Cursor | undefined, limit: number): Promise<Slice<StoredProposal>> {
      const page = await newestFirstPage(core.db, COLLECTIONS.proposals, [{ ...scopeConjunction(scope), hasMissingDocs: true }], after, limit);
      return { items: page.items.map(storedOf), more: page.more };
    },

    async subsidyTotals(districtId: string, year: number): Promise<SubsidyTotals> {
      const doc = await core.db.get(COLLECTIONS.subsidy, subsidyDocId(districtId, year));
      return { version: (doc?.version as number | undefined) ?? 0, projectCount: (doc?.projectCount as number | undefined) ?? 0, approvedFen: (doc?.approvedFen as number | undefined) ?? 0 };
    },

    async listApprovedInYear(districtId: string, year: number): Promise<SubsidyProject[]> {
      const docs = await queryAll(
        core.db,
        COLLECTIONS.proposals,
        [{ districtId, budgetYear: year, state: { ne: 'withdrawn' } }],
        [
          ['communityId', 'asc'],
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
      );
      return docs.map(storedOf).map(({ record }) => ({
        id: record.id,
        communityId: record.communityId,
        title: record.title,
        category: record.category,
        state: record.state,
        approvedBudgetFen: record.approvedBudgetFen ?? 0,
      }));
    },

    async findMeeting(id: string): Promise<MeetingRecord | null> {
      const doc = await core.db.get(COLLECTIONS.meetings, id);
      return doc ? meetingOf(doc) : null;
    },

    async listMeetings(communityId: string, after: MeetingCursor | undefined, limit: number): Promise<Slice<MeetingRecord>> {
      const page = await keysetPage(
        core.db,
        COLLECTIONS.meetings,
        [{ communityId }],
        [
          ['meetingOn', 'desc'],
          ['_id', 'desc'],
        ],
        after ? [after.meetingOn, after.id] : undefined,
        limit,
      );
      return { items: page.items.map(meetingOf), more: page.more };
    },

    async findChange(id: string): Promise<ChangeRecord | null> {
      const doc = await core.db.get(COLLECTIONS.changes, id);
      return doc ? (doc.record as ChangeRecord) : null;
    },

    async noticeOverdue(input: { proposalId: string; deadline: string; dueOn: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
      const id = noticeDocId(input.proposalId, input.deadline, input.dueOn);
      // Notices are never removed: one seen outside a transaction is there for good. The sweep asks
      // again about every overdue record on each run, and this keeps those runs to plain reads.
      if (await core.db.get(COLLECTIONS.notices, id)) return false;
      return core.transact(async (unit) => {
        if (await unit.get(COLLECTIONS.notices, id)) return false;
        unit.put(COLLECTIONS.notices, id, { proposalId: input.proposalId, deadline: input.deadline, dueOn: input.dueOn, noticedAt: input.at });
        await core.enqueue(unit, input.outbox, input.at);
        return true;
      });
    },
  };
}
