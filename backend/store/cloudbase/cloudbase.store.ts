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
import {
  auditDocId,
  chainOwner,
  COLLECTIONS,
  grantKey,
  ledgerDocId,
  noticeDocId,
  outboxDocId,
  policyDocId,
  rateDocId,
  ratingDocId,
  requestDocId,
  type CollectionName,
} from './collections';
import {
  keysetFilter,
  MAX_QUERY_LIMIT,
  queryAll,
  TransactionConflictError,
  type Conjunction,
  type Doc,
  type DocDb,
  type DocQuery,
  type DocTransaction,
  type Filter,
  type Scalar,
} from './doc-db';

/**
 * The Store port over CloudBase's document database (through our DocDb). Every method that must
 * be atomic is ONE `runTransaction` of single-document reads and writes, computed only from what
 * it reads inside (the engine may run it again), with no side effect: messages to people are
 * outbox documents written in the same transaction. Records are designed for the engine:
 *
 * - the ledger of a community-year is one document: an approval's budget check is a read and a
 *   write of that document, and racing approvals conflict on it (R-FUN-1);
 * - uniqueness is a deterministic `_id` (request keys, ratings, notices, audit entries);
 * - a proposal's counters (comments, ratings) live on its document, read in O(1);
 * - each audit chain's head (seq, hash) lives on its owner document, so two appends to a chain
 *   write one document and conflict instead of forking the chain (R-SUP-2);
 * - every list is a query with a limit ≤ 100 and a keyset on its sort order.
 * See collections.ts for the `_id`s and indexes.ts for the indexes the queries need.
 */

export interface CloudBaseStoreOptions {
  db: DocDb;
  /** Runs of a transaction the engine may make after a conflict (its own retries). */
  transactionRetries?: number;
  /** Our retries of a transaction that lost every engine retry, with a growing random pause. */
  maxAttempts?: number;
  /** The first pause between our retries, in ms; doubled each time (at most 1 s). */
  backoffMs?: number;
  /** The wall clock for outbox ordering only (never a record's time). */
  clock?: () => number;
}

/** Thrown inside a transaction to roll it back and answer a refusal. */
class Rollback extends Error {
  constructor(readonly refusal: CommitRefusal) {
    super(`rollback: ${refusal.code}`);
  }
}

/** A message's delivery as recorded on its outbox document (beyond the port's `markDelivered`). */
export type DeliveryOutcome = 'sent' | 'refused' | 'failed' | 'skipped';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The documents one transaction reads and writes: each read once, each written once at the end
 * (a `set` of the whole document), so that the work in between is plain computation.
 */
class Unit {
  private readonly docs = new Map<string, { collection: CollectionName; id: string; doc: Doc | null; dirty: boolean }>();

  constructor(private readonly tx: DocTransaction) {}

  async get(collection: CollectionName, id: string): Promise<Doc | null> {
    const key = `${collection}/${id}`;
    const cached = this.docs.get(key);
    if (cached) return cached.doc;
    const doc = await this.tx.get(collection, id);
    this.docs.set(key, { collection, id, doc, dirty: false });
    return doc;
  }

  /** Replaces (or creates) the whole document at the end of the transaction. */
  put(collection: CollectionName, id: string, doc: Record<string, unknown>): Doc {
    const stored: Doc = { ...doc, _id: id };
    this.docs.set(`${collection}/${id}`, { collection, id, doc: stored, dirty: true });
    return stored;
  }

  async flush(): Promise<void> {
    for (const entry of this.docs.values()) {
      if (!entry.dirty || !entry.doc) continue;
      const { _id: _ignored, ...data } = entry.doc;
      await this.tx.set(entry.collection, entry.id, data);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Documents ⇄ records

interface Grant {
  role: Role;
  scopeId: string;
  grantedBy: string | null;
  grantedAt: string;
}

function userOf(doc: Doc): UserRecord {
  const grants = [...((doc.grants as Grant[] | undefined) ?? [])].sort(
    (a, b) => compareText(a.grantedAt, b.grantedAt) || compareText(a.role, b.role) || compareText(a.scopeId, b.scopeId),
  );
  return {
    openid: doc._id,
    name: (doc.name as string | null | undefined) ?? null,
    communityId: (doc.communityId as string | null | undefined) ?? null,
    grants: grants.map(({ role, scopeId }): RoleGrant => ({ role, scopeId })),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function userDoc(openid: string, name: string | null, communityId: string | null, grants: Grant[], createdAt: string, updatedAt: string) {
  return { name, communityId, grants, grantKeys: grants.map((grant) => grantKey(grant.role, grant.scopeId)), createdAt, updatedAt, _id: openid };
}

const ZERO_HISTOGRAM: [number, number, number, number, number] = [0, 0, 0, 0, 0];

function storedOf(doc: Doc): StoredProposal {
  const histogram = (doc.ratingHistogram as number[] | undefined) ?? ZERO_HISTOGRAM;
  return {
    record: doc.record as ProposalRecord,
    counters: {
      commentCount: (doc.commentCount as number | undefined) ?? 0,
      ratingCount: (doc.ratingCount as number | undefined) ?? 0,
      ratingSum: (doc.ratingSum as number | undefined) ?? 0,
      histogram: [histogram[0], histogram[1], histogram[2], histogram[3], histogram[4]],
    },
    updatedAt: doc.updatedAt as string,
  };
}

/** The proposal document: the record, the fields its queries filter and sort on, and what it keeps. */
function proposalDoc(record: ProposalRecord, indexing: ProposalIndexing, updatedAt: string, previous: Doc | null) {
  return {
    record,
    communityId: record.communityId,
    streetId: record.streetId,
    districtId: record.districtId,
    state: record.state,
    proposerOpenid: record.proposerOpenid,
    createdAt: record.createdAt,
    openDeadlineOn: indexing.openDeadlineOn,
    missingDocs: indexing.missingDocuments,
    hasMissingDocs: indexing.missingDocuments.length > 0,
    budgetYear: record.budgetYear ?? null,
    approvedBudgetFen: record.approvedBudgetFen ?? null,
    version: record.version,
    updatedAt,
    commentCount: previous?.commentCount ?? 0,
    pendingCommentCount: previous?.pendingCommentCount ?? 0,
    ratingCount: previous?.ratingCount ?? 0,
    ratingSum: previous?.ratingSum ?? 0,
    ratingHistogram: previous?.ratingHistogram ?? [...ZERO_HISTOGRAM],
    auditSeq: previous?.auditSeq ?? 0,
    auditHash: previous?.auditHash ?? GENESIS_HASH,
  };
}

function commentOf(doc: Doc): CommentRecord {
  const comment: CommentRecord = {
    id: doc._id,
    proposalId: doc.proposalId as string,
    authorOpenid: doc.authorOpenid as string,
    authorName: doc.authorName as string,
    text: doc.text as string,
    status: doc.status as CommentRecord['status'],
    createdAt: doc.createdAt as string,
  };
  const reply = doc.reply as CommentRecord['reply'] | null | undefined;
  if (reply) comment.reply = { text: reply.text, openid: reply.openid, repliedAt: reply.repliedAt };
  return comment;
}

function ledgerOf(doc: Doc): Ledger {
  return {
    quotaFen: doc.quotaFen as number,
    allocatedFen: doc.allocatedFen as number,
    approvedFen: doc.approvedFen as number,
    spentFen: doc.spentFen as number,
  };
}

/** The ledger's invariants (the SQLite schema's CHECKs): a write that breaks one is a bug. */
function assertLedger(ledger: Ledger, id: string): void {
  const { quotaFen, allocatedFen, approvedFen, spentFen } = ledger;
  if (!(quotaFen >= 0 && allocatedFen >= 0 && allocatedFen <= quotaFen && approvedFen >= 0 && approvedFen <= allocatedFen && spentFen >= 0)) {
    throw new Error(`ledger ${id} would break its invariants: ${JSON.stringify(ledger)}`);
  }
}

function policyOf(doc: Doc): Policy {
  const thresholds = doc.streetThresholdFen as Record<Category, number>;
  return {
    districtId: doc.districtId as string,
    year: doc.year as number,
    quotaFen: doc.quotaFen as number,
    feeRatioPercent: doc.feeRatioPercent as number,
    streetThresholdFen: { works: thresholds.works, goods: thresholds.goods, services: thresholds.services },
    tenderThresholdFen: doc.tenderThresholdFen as number,
  };
}

function libraryEntryOf(doc: Doc): LibraryEntry {
  return {
    id: doc._id,
    title: doc.title as string,
    category: doc.category as Category,
    plan: doc.plan as string,
    budgetLines: doc.budgetLines as BudgetLine[],
    createdAt: doc.createdAt as string,
  };
}

function auditEntryOf(doc: Doc): AuditEntry {
  return {
    chainId: doc.chainId as string,
    seq: doc.seq as number,
    at: doc.at as string,
    actor: doc.actor as string,
    action: doc.action as string,
    from: (doc.from as ProposalState | null | undefined) ?? null,
    to: (doc.to as ProposalState | null | undefined) ?? null,
    detail: (doc.detail as Record<string, unknown> | undefined) ?? {},
    prevHash: doc.prevHash as string,
    hash: doc.hash as string,
  };
}

function outboxMessageOf(doc: Doc): OutboxMessage {
  return {
    id: doc.seq as number,
    recipientOpenid: doc.recipientOpenid as string,
    kind: doc.kind as string,
    payload: (doc.payload as Record<string, unknown> | undefined) ?? {},
    createdAt: doc.createdAt as string,
  };
}

const SCOPE_FIELD = { community: 'communityId', street: 'streetId', district: 'districtId' } as const;

function scopeConjunction(scope: ScopeFilter): Conjunction {
  return scope.kind === 'all' ? {} : { [SCOPE_FIELD[scope.kind]]: scope.id };
}

const NEWEST_FIRST: DocQuery['orderBy'] = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
];

/** One page of a newest-first list: limit + 1 records tell whether more follow (≤ 100 a query). */
async function newestFirstPage(db: DocDb, collection: string, where: Filter, after: Cursor | undefined, limit: number): Promise<Slice<Doc>> {
  const size = Math.max(1, Math.min(limit, MAX_QUERY_LIMIT - 1));
  const docs = await db.query(collection, {
    where: keysetFilter(where, NEWEST_FIRST, after ? [after.createdAt, after.id] : undefined),
    orderBy: NEWEST_FIRST,
    limit: size + 1,
  });
  return { items: docs.slice(0, size), more: docs.length > size };
}

// ---------------------------------------------------------------------------------------------

/** What a closed store answers every call with. */
function closedDocDb(): DocDb {
  const closed = async (): Promise<never> => {
    throw new Error('the store is closed');
  };
  return { get: closed, set: closed, update: closed, remove: closed, add: closed, query: closed, count: closed, updateWhere: closed, removeWhere: closed, runTransaction: closed };
}

export class CloudBaseStore implements Store {
  private db: DocDb;
  private readonly transactionRetries: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly clock: () => number;
  private lastOutboxSeq = 0;

  constructor(options: CloudBaseStoreOptions) {
    this.db = options.db;
    this.transactionRetries = options.transactionRetries ?? 3;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? 25;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Runs `work` in one transaction, again after a conflict the engine's own retries could not
   * resolve (with a growing random pause), and answers a Rollback's refusal.
   */
  private async transact<T>(work: (unit: Unit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.runTransaction(
          async (tx) => {
            const unit = new Unit(tx);
            const value = await work(unit);
            await unit.flush();
            return value;
          },
          { retries: this.transactionRetries },
        );
      } catch (error) {
        if (!(error instanceof TransactionConflictError) || attempt >= this.maxAttempts) throw error;
        await sleep(Math.random() * Math.min(1000, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  /** `transact` for the port's refusable methods: a refusal or a lasting conflict is a value. */
  private async atomically<T>(work: (unit: Unit) => Promise<T>): Promise<CommitOutcome<T>> {
    try {
      return { ok: true, value: await this.transact(work) };
    } catch (error) {
      if (error instanceof Rollback) return error.refusal;
      if (error instanceof TransactionConflictError) return { ok: false, code: 'conflict' };
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Identity and directory

  async findUser(openid: string): Promise<UserRecord | null> {
    const doc = await this.db.get(COLLECTIONS.users, openid);
    return doc ? userOf(doc) : null;
  }

  async joinCommunity(input: { openid: string; communityId: string; name: string; at: string; audit: AuditDraft }): Promise<UserRecord> {
    return this.transact(async (unit) => {
      const existing = await unit.get(COLLECTIONS.users, input.openid);
      // A person is a resident of one community at a time; staff grants are untouched.
      const grants = ((existing?.grants as Grant[] | undefined) ?? []).filter((grant) => grant.role !== 'resident');
      grants.push({ role: 'resident', scopeId: input.communityId, grantedBy: input.openid, grantedAt: input.at });
      const doc = unit.put(
        COLLECTIONS.users,
        input.openid,
        userDoc(input.openid, input.name, input.communityId, grants, (existing?.createdAt as string | undefined) ?? input.at, input.at),
      );
      await this.appendAudit(unit, input.audit);
      return userOf(doc);
    });
  }

  async grantRole(input: { openid: string; role: Role; scopeId: string; grantedBy: string; audit: AuditDraft }): Promise<UserRecord> {
    return this.transact(async (unit) => {
      const existing = await unit.get(COLLECTIONS.users, input.openid);
      const grants = [...((existing?.grants as Grant[] | undefined) ?? [])];
      if (!grants.some((grant) => grant.role === input.role && grant.scopeId === input.scopeId)) {
        grants.push({ role: input.role, scopeId: input.scopeId, grantedBy: input.grantedBy, grantedAt: input.audit.at });
      }
      const doc = unit.put(
        COLLECTIONS.users,
        input.openid,
        userDoc(
          input.openid,
          (existing?.name as string | null | undefined) ?? null,
          (existing?.communityId as string | null | undefined) ?? null,
          grants,
          (existing?.createdAt as string | undefined) ?? input.audit.at,
          (existing?.updatedAt as string | undefined) ?? input.audit.at,
        ),
      );
      await this.appendAudit(unit, input.audit);
      return userOf(doc);
    });
  }

  async findCommunity(communityId: string): Promise<CommunityPlace | null> {
    const doc = await this.db.get(COLLECTIONS.places, communityId);
    if (!doc || doc.kind !== 'community') return null;
    return { communityId, streetId: doc.streetId as string, districtId: doc.districtId as string };
  }

  async findScope(id: string): Promise<ScopePlace | null> {
    const doc = await this.db.get(COLLECTIONS.places, id);
    if (!doc) return null;
    switch (doc.kind) {
      case 'community':
        return { kind: 'community', communityId: id, streetId: doc.streetId as string, districtId: doc.districtId as string };
      case 'street':
        return { kind: 'street', streetId: id, districtId: doc.districtId as string };
      case 'district':
        return { kind: 'district', districtId: id };
      default:
        return null;
    }
  }

  async getDirectory(): Promise<Directory> {
    const places = await queryAll(this.db, COLLECTIONS.places, [{}], [['_id', 'asc']]);
    const ordered = (kind: string) =>
      places.filter((place) => place.kind === kind).sort((a, b) => (a.sort as number) - (b.sort as number) || compareText(a._id, b._id));
    const streets = ordered('street');
    const communities = ordered('community');
    return {
      districts: ordered('district').map((district) => ({
        id: district._id,
        name: district.name as string,
        streets: streets
          .filter((street) => street.districtId === district._id)
          .map((street) => ({
            id: street._id,
            name: street.name as string,
            communities: communities
              .filter((community) => community.streetId === street._id)
              .map((community) => ({ id: community._id, name: community.name as string })),
          })),
      })),
    };
  }

  async countCommunities(districtId: string): Promise<number> {
    return this.db.count(COLLECTIONS.places, [{ kind: 'community', districtId }]);
  }

  // -------------------------------------------------------------------------------------------
  // Proposals

  async findProposal(id: string): Promise<StoredProposal | null> {
    const doc = await this.db.get(COLLECTIONS.proposals, id);
    return doc ? storedOf(doc) : null;
  }

  async listProposals(query: ProposalQuery): Promise<Slice<StoredProposal>> {
    const where: Conjunction = scopeConjunction(query.scope);
    if (query.state) where.state = query.state;
    if (query.proposerOpenid) where.proposerOpenid = query.proposerOpenid;
    const page = await newestFirstPage(this.db, COLLECTIONS.proposals, [where], query.after, query.limit);
    return { items: page.items.map(storedOf), more: page.more };
  }

  /** Claims the request key inside the transaction; answers the first record's id when it was claimed before. */
  private async claimRequest(unit: Unit, request: RequestKey, recordId: string, at: string): Promise<string | null> {
    const id = requestDocId(request.action, request.openid, request.requestId);
    const first = await unit.get(COLLECTIONS.requests, id);
    if (first) return first.recordId as string;
    unit.put(COLLECTIONS.requests, id, { ...request, recordId, createdAt: at });
    return null;
  }

  /** Counts one more action in the caller's window, or rolls back as `rate_limited`. */
  private async countRate(unit: Unit, limit: RateLimit, at: string): Promise<void> {
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

  async createProposal(input: {
    record: ProposalRecord;
    indexing: ProposalIndexing;
    request: RequestKey;
    rateLimit: RateLimit;
    audit: AuditDraft;
    outbox: OutboxDraft[];
  }): Promise<CommitOutcome<{ stored: StoredProposal; created: boolean }>> {
    return this.atomically(async (unit) => {
      const firstId = await this.claimRequest(unit, input.request, input.record.id, input.audit.at);
      if (firstId !== null) {
        const first = await unit.get(COLLECTIONS.proposals, firstId);
        if (!first) throw new Error(`request ${input.request.requestId} names a missing proposal ${firstId}`);
        return { stored: storedOf(first), created: false };
      }
      await this.countRate(unit, input.rateLimit, input.audit.at);
      if (await unit.get(COLLECTIONS.proposals, input.record.id)) throw new Error(`proposal ${input.record.id} exists already`);
      unit.put(COLLECTIONS.proposals, input.record.id, proposalDoc(input.record, input.indexing, input.audit.at, null));
      await this.appendAudit(unit, input.audit);
      await this.enqueue(unit, input.outbox, input.audit.at);
      return { stored: storedOf((await unit.get(COLLECTIONS.proposals, input.record.id)) as Doc), created: true };
    });
  }

  async commitTransitions(batch: TransitionBatch): Promise<CommitOutcome<StoredProposal[]>> {
    return this.atomically(async (unit) => {
      for (const write of batch.proposals) {
        const current = await unit.get(COLLECTIONS.proposals, write.record.id);
        const currentRecord = current?.record as ProposalRecord | undefined;
        if (!current || !currentRecord || currentRecord.version !== write.expectedVersion || currentRecord.state !== write.expectedState) {
          // Someone else wrote first: if the state moved on, the action no longer fits it.
          throw new Rollback({ ok: false, code: currentRecord?.state === write.expectedState ? 'conflict' : 'invalid_state' });
        }
        const record = { ...write.record, version: write.expectedVersion + 1 };
        unit.put(COLLECTIONS.proposals, record.id, proposalDoc(record, write.indexing, batch.at, current));
      }
      for (const move of batch.ledgerMoves) {
        // R-FUN-1: read and write the one ledger document: racing approvals conflict on it.
        const id = ledgerDocId(move.communityId, move.year);
        const ledgerDoc = await unit.get(COLLECTIONS.ledgers, id);
        if (!ledgerDoc) throw new Rollback({ ok: false, code: 'budget_exceeded' });
        const ledger = ledgerOf(ledgerDoc);
        const approvedFen = ledger.approvedFen + move.approvedDeltaFen;
        if (approvedFen > ledger.allocatedFen || approvedFen < 0) throw new Rollback({ ok: false, code: 'budget_exceeded' });
        const next = { ...ledger, approvedFen, spentFen: ledger.spentFen + move.spentDeltaFen };
        assertLedger(next, id);
        unit.put(COLLECTIONS.ledgers, id, { ...ledgerDoc, ...next });
      }
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
      for (const entry of batch.audit) await this.appendAudit(unit, entry);
      await this.enqueue(unit, batch.outbox, batch.at);
      const stored: StoredProposal[] = [];
      for (const write of batch.proposals) stored.push(storedOf((await unit.get(COLLECTIONS.proposals, write.record.id)) as Doc));
      return stored;
    });
  }

  async listOverdueCandidates(
    scope: ScopeFilter,
    today: string,
    after: { on: string; id: string } | undefined,
    limit: number,
  ): Promise<Slice<StoredProposal & { openDeadlineOn: string }>> {
    const orderBy: DocQuery['orderBy'] = [
      ['openDeadlineOn', 'asc'],
      ['_id', 'asc'],
    ];
    // A string range never matches null: records without a running deadline drop out.
    const where: Filter = [{ ...scopeConjunction(scope), openDeadlineOn: { lt: today } }];
    const size = Math.max(1, Math.min(limit, MAX_QUERY_LIMIT - 1));
    const docs = await this.db.query(COLLECTIONS.proposals, {
      where: keysetFilter(where, orderBy, after ? [after.on, after.id] : undefined),
      orderBy,
      limit: size + 1,
    });
    return {
      items: docs.slice(0, size).map((doc) => ({ ...storedOf(doc), openDeadlineOn: doc.openDeadlineOn as string })),
      more: docs.length > size,
    };
  }

  async listWithMissingDocuments(scope: ScopeFilter, after: Cursor | undefined, limit: number): Promise<Slice<StoredProposal>> {
    const page = await newestFirstPage(this.db, COLLECTIONS.proposals, [{ ...scopeConjunction(scope), hasMissingDocs: true }], after, limit);
    return { items: page.items.map(storedOf), more: page.more };
  }

  async listApprovedInYear(districtId: string, year: number): Promise<SubsidyProject[]> {
    const docs = await queryAll(
      this.db,
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
  }

  // -------------------------------------------------------------------------------------------
  // Council and changes

  async findMeeting(id: string): Promise<(Meeting & { publishedOn: string }) | null> {
    const doc = await this.db.get(COLLECTIONS.meetings, id);
    if (!doc) return null;
    return {
      id,
      communityId: doc.communityId as string,
      meetingOn: doc.meetingOn as string,
      proposalIds: doc.proposalIds as string[],
      publishedOn: doc.publishedOn as string,
    };
  }

  async lastMeetingOn(communityId: string): Promise<string | null> {
    const [last] = await this.db.query(COLLECTIONS.meetings, {
      where: [{ communityId }],
      orderBy: [['meetingOn', 'desc']],
      limit: 1,
    });
    return (last?.meetingOn as string | undefined) ?? null;
  }

  async findChange(id: string): Promise<ChangeRecord | null> {
    const doc = await this.db.get(COLLECTIONS.changes, id);
    return doc ? (doc.record as ChangeRecord) : null;
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
    const { comment } = input;
    return this.atomically(async (unit) => {
      const firstId = await this.claimRequest(unit, input.request, comment.id, comment.createdAt);
      if (firstId !== null) {
        const first = await unit.get(COLLECTIONS.comments, firstId);
        if (!first) throw new Error(`request ${input.request.requestId} names a missing comment ${firstId}`);
        return { comment: commentOf(first), created: false };
      }
      // R-PUB-2: the window may have closed since the use case looked. The proposal document is
      // written below in any case, so a state change racing this comment conflicts with it.
      const proposal = await unit.get(COLLECTIONS.proposals, comment.proposalId);
      if (!proposal || proposal.state !== input.proposalState) throw new Rollback({ ok: false, code: 'window_closed' });
      await this.countRate(unit, input.rateLimit, comment.createdAt);
      const { id, reply: _reply, ...fields } = comment;
      unit.put(COLLECTIONS.comments, id, { ...fields });
      const counter = comment.status === 'published' ? 'commentCount' : 'pendingCommentCount';
      unit.put(COLLECTIONS.proposals, proposal._id, { ...proposal, [counter]: ((proposal[counter] as number | undefined) ?? 0) + 1 });
      await this.appendAudit(unit, input.audit);
      await this.enqueue(unit, input.outbox, comment.createdAt);
      return { comment: commentOf((await unit.get(COLLECTIONS.comments, id)) as Doc), created: true };
    });
  }

  async findComment(id: string): Promise<CommentRecord | null> {
    const doc = await this.db.get(COLLECTIONS.comments, id);
    return doc ? commentOf(doc) : null;
  }

  async listComments(input: { proposalId: string; viewerOpenid: string | null; includePending: boolean; after?: Cursor; limit: number }): Promise<Slice<CommentRecord>> {
    const where: Filter = [{ proposalId: input.proposalId, status: 'published' }];
    if (input.includePending) where.push({ proposalId: input.proposalId, status: 'pending' });
    else if (input.viewerOpenid) where.push({ proposalId: input.proposalId, status: 'pending', authorOpenid: input.viewerOpenid });
    const page = await newestFirstPage(this.db, COLLECTIONS.comments, where, input.after, input.limit);
    return { items: page.items.map(commentOf), more: page.more };
  }

  /** Pending comments, oldest first, for the cron's recheck (not in the port: see the report). */
  async listPendingComments(after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>> {
    const orderBy: DocQuery['orderBy'] = [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ];
    const size = Math.max(1, Math.min(limit, MAX_QUERY_LIMIT - 1));
    const docs = await this.db.query(COLLECTIONS.comments, {
      where: keysetFilter([{ status: 'pending' }], orderBy, after ? [after.createdAt, after.id] : undefined),
      orderBy,
      limit: size + 1,
    });
    return { items: docs.slice(0, size).map(commentOf), more: docs.length > size };
  }

  async replyComment(input: { commentId: string; text: string; openid: string; at: string; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommentRecord> {
    return this.transact(async (unit) => {
      const current = await unit.get(COLLECTIONS.comments, input.commentId);
      if (!current) throw new Error(`no comment ${input.commentId}`);
      const doc = unit.put(COLLECTIONS.comments, input.commentId, { ...current, reply: { text: input.text, openid: input.openid, repliedAt: input.at } });
      await this.appendAudit(unit, input.audit);
      await this.enqueue(unit, input.outbox, input.at);
      return commentOf(doc);
    });
  }

  async moderateComment(input: { commentId: string; publish: boolean; at: string; audit: AuditDraft }): Promise<CommitOutcome<CommentRecord>> {
    return this.atomically(async (unit) => {
      const current = await unit.get(COLLECTIONS.comments, input.commentId);
      if (!current || current.status !== 'pending') throw new Rollback({ ok: false, code: 'invalid_state' });
      const doc = unit.put(COLLECTIONS.comments, input.commentId, { ...current, status: input.publish ? 'published' : 'hidden', moderatedAt: input.at });
      const proposal = await unit.get(COLLECTIONS.proposals, current.proposalId as string);
      if (proposal) {
        unit.put(COLLECTIONS.proposals, proposal._id, {
          ...proposal,
          commentCount: ((proposal.commentCount as number | undefined) ?? 0) + (input.publish ? 1 : 0),
          pendingCommentCount: Math.max(0, ((proposal.pendingCommentCount as number | undefined) ?? 0) - 1),
        });
      }
      await this.appendAudit(unit, input.audit);
      return commentOf(doc);
    });
  }

  async setRating(input: { rating: RatingRecord; proposalState: ProposalState; audit: AuditDraft }): Promise<CommitOutcome<RatingRecord>> {
    const { rating } = input;
    return this.atomically(async (unit) => {
      const proposal = await unit.get(COLLECTIONS.proposals, rating.proposalId);
      if (!proposal || proposal.state !== input.proposalState) throw new Rollback({ ok: false, code: 'window_closed' });
      const id = ratingDocId(rating.proposalId, rating.openid);
      const previous = await unit.get(COLLECTIONS.ratings, id);
      const previousStars = previous?.stars as number | undefined;
      // The same rating again (a retried call) changes nothing and leaves no second audit entry.
      if (previous && previousStars === rating.stars && (previous.text ?? null) === (rating.text ?? null)) {
        return { ...rating, updatedAt: previous.updatedAt as string };
      }
      unit.put(COLLECTIONS.ratings, id, {
        proposalId: rating.proposalId,
        openid: rating.openid,
        stars: rating.stars,
        text: rating.text ?? null,
        updatedAt: rating.updatedAt,
      });
      // Count, sum and histogram stay on the proposal so that the summary is O(1).
      const histogram = [...((proposal.ratingHistogram as number[] | undefined) ?? ZERO_HISTOGRAM)];
      histogram[rating.stars - 1] += 1;
      if (previousStars !== undefined) histogram[previousStars - 1] -= 1;
      unit.put(COLLECTIONS.proposals, proposal._id, {
        ...proposal,
        ratingCount: ((proposal.ratingCount as number | undefined) ?? 0) + (previousStars === undefined ? 1 : 0),
        ratingSum: ((proposal.ratingSum as number | undefined) ?? 0) + rating.stars - (previousStars ?? 0),
        ratingHistogram: histogram,
      });
      await this.appendAudit(unit, input.audit);
      return { ...rating };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Money

  async findLedger(communityId: string, year: number): Promise<Ledger | null> {
    const doc = await this.db.get(COLLECTIONS.ledgers, ledgerDocId(communityId, year));
    return doc ? ledgerOf(doc) : null;
  }

  async allocate(input: { communityId: string; year: number; quotaFen: number; allocatedFen: number; audit: AuditDraft }): Promise<CommitOutcome<Ledger>> {
    return this.atomically(async (unit) => {
      const id = ledgerDocId(input.communityId, input.year);
      const current = await unit.get(COLLECTIONS.ledgers, id);
      // Approvals passed the new total between the use case's read and this write.
      if (current && (current.approvedFen as number) > input.allocatedFen) throw new Rollback({ ok: false, code: 'conflict' });
      const ledger: Ledger = {
        quotaFen: input.quotaFen,
        allocatedFen: input.allocatedFen,
        approvedFen: (current?.approvedFen as number | undefined) ?? 0,
        spentFen: (current?.spentFen as number | undefined) ?? 0,
      };
      assertLedger(ledger, id);
      unit.put(COLLECTIONS.ledgers, id, {
        communityId: input.communityId,
        year: input.year,
        auditSeq: 0,
        auditHash: GENESIS_HASH,
        ...current,
        ...ledger,
      });
      await this.appendAudit(unit, input.audit);
      return ledger;
    });
  }

  async findPolicy(districtId: string, year: number): Promise<Policy | null> {
    const doc = await this.db.get(COLLECTIONS.policies, policyDocId(districtId, year));
    return doc ? policyOf(doc) : null;
  }

  async savePolicy(input: { policy: Policy; at: string; audit: AuditDraft }): Promise<CommitOutcome<Policy>> {
    const { policy } = input;
    // The district's communities, read before the transaction (a transaction cannot query); the
    // directory changes by deployment, not by requests.
    const communities = await queryAll(this.db, COLLECTIONS.places, [{ kind: 'community', districtId: policy.districtId }], [['_id', 'asc']]);
    return this.atomically(async (unit) => {
      const ledgers: Doc[] = [];
      for (const community of communities) {
        const ledger = await unit.get(COLLECTIONS.ledgers, ledgerDocId(community._id, policy.year));
        if (!ledger) continue;
        // A quota below what a street already allocated would leave that ledger over its cap.
        if ((ledger.allocatedFen as number) > policy.quotaFen) throw new Rollback({ ok: false, code: 'budget_exceeded' });
        ledgers.push(ledger);
      }
      unit.put(COLLECTIONS.policies, policyDocId(policy.districtId, policy.year), { ...policy, updatedAt: input.at });
      // The new quota applies to the district's ledgers of that year that exist already.
      for (const ledger of ledgers) unit.put(COLLECTIONS.ledgers, ledger._id, { ...ledger, quotaFen: policy.quotaFen });
      await this.appendAudit(unit, input.audit);
      return { ...policy, streetThresholdFen: { ...policy.streetThresholdFen } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Library

  async listLibrary(after: Cursor | undefined, limit: number): Promise<Slice<LibraryEntry>> {
    const page = await newestFirstPage(this.db, COLLECTIONS.library, [{}], after, limit);
    return { items: page.items.map(libraryEntryOf), more: page.more };
  }

  async findLibraryEntry(id: string): Promise<LibraryEntry | null> {
    const doc = await this.db.get(COLLECTIONS.library, id);
    return doc ? libraryEntryOf(doc) : null;
  }

  async addLibraryEntry(input: { entry: LibraryEntry; scopeId: string; createdBy: string; audit: AuditDraft }): Promise<LibraryEntry> {
    const { entry } = input;
    return this.transact(async (unit) => {
      if (await unit.get(COLLECTIONS.library, entry.id)) throw new Error(`library entry ${entry.id} exists already`);
      const doc = unit.put(COLLECTIONS.library, entry.id, {
        title: entry.title,
        category: entry.category,
        plan: entry.plan,
        budgetLines: entry.budgetLines,
        scopeId: input.scopeId,
        createdBy: input.createdBy,
        createdAt: entry.createdAt,
      });
      await this.appendAudit(unit, input.audit);
      return libraryEntryOf(doc);
    });
  }

  async staffOf(role: Role, scopeId: string): Promise<string[]> {
    // `grantKeys` is an array: equality matches an element of it.
    const docs = await queryAll(this.db, COLLECTIONS.users, [{ grantKeys: grantKey(role, scopeId) }], [['_id', 'asc']]);
    return docs.map((doc) => doc._id);
  }

  async noticeOverdue(input: { proposalId: string; deadline: string; dueOn: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
    const id = noticeDocId(input.proposalId, input.deadline, input.dueOn);
    // Notices are never removed: one seen outside a transaction is there for good. The sweep asks
    // again about every overdue record on each run, and this keeps those runs to plain reads.
    if (await this.db.get(COLLECTIONS.notices, id)) return false;
    return this.transact(async (unit) => {
      if (await unit.get(COLLECTIONS.notices, id)) return false;
      unit.put(COLLECTIONS.notices, id, { proposalId: input.proposalId, deadline: input.deadline, dueOn: input.dueOn, noticedAt: input.at });
      await this.enqueue(unit, input.outbox, input.at);
      return true;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Audit trail and outbox

  /** R-SUP-2: appends to the entry's chain, whose head lives on its owner document. */
  private async appendAudit(unit: Unit, draft: AuditDraft): Promise<void> {
    const owner = chainOwner(draft.chainId);
    const doc = await unit.get(owner.collection, owner.id);
    if (!doc && owner.mustExist) throw new Error(`audit chain ${draft.chainId}: no ${owner.collection} document ${owner.id}`);
    const seq = ((doc?.auditSeq as number | undefined) ?? 0) + 1;
    const prevHash = (doc?.auditHash as string | undefined) ?? GENESIS_HASH;
    const hash = hashEntry(prevHash, { ...draft, seq });
    const id = auditDocId(draft.chainId, seq);
    // The head says this seq is free; an entry there means the head and the entries disagree.
    if (await unit.get(COLLECTIONS.audit, id)) throw new Error(`audit entry ${id} exists already`);
    unit.put(COLLECTIONS.audit, id, {
      chainId: draft.chainId,
      seq,
      at: draft.at,
      actor: draft.actor,
      action: draft.action,
      from: draft.from,
      to: draft.to,
      detail: draft.detail,
      prevHash,
      hash,
    });
    unit.put(owner.collection, owner.id, { ...(doc ?? { chainId: draft.chainId }), auditSeq: seq, auditHash: hash });
  }

  /** A fresh outbox seq: increasing in this instance, unique across instances by the `_id` check. */
  private nextOutboxSeq(): number {
    this.lastOutboxSeq = Math.max(this.lastOutboxSeq + 1, this.clock() * 1000);
    return this.lastOutboxSeq;
  }

  private async enqueue(unit: Unit, messages: OutboxDraft[], at: string): Promise<void> {
    for (const message of messages) {
      let seq = this.nextOutboxSeq();
      // Taken by another instance in the same millisecond: take the next one. Two transactions
      // that pick one seq write one document and conflict.
      while (await unit.get(COLLECTIONS.outbox, outboxDocId(seq))) seq = this.nextOutboxSeq();
      unit.put(COLLECTIONS.outbox, outboxDocId(seq), {
        seq,
        recipientOpenid: message.recipientOpenid,
        kind: message.kind,
        payload: message.payload,
        createdAt: at,
        delivered: false,
        deliveredAt: null,
        outcome: null,
        attempts: 0,
      });
    }
  }

  async auditTrail(chainId: string): Promise<AuditEntry[]> {
    const docs = await queryAll(this.db, COLLECTIONS.audit, [{ chainId }], [['seq', 'asc']]);
    return docs.map(auditEntryOf);
  }

  async takeUndelivered(limit: number): Promise<OutboxMessage[]> {
    const messages: OutboxMessage[] = [];
    const orderBy: DocQuery['orderBy'] = [['seq', 'asc']];
    let after: Scalar[] | undefined;
    while (messages.length < limit) {
      const size = Math.min(MAX_QUERY_LIMIT, limit - messages.length);
      const docs = await this.db.query(COLLECTIONS.outbox, { where: keysetFilter([{ delivered: false }], orderBy, after), orderBy, limit: size });
      messages.push(...docs.map(outboxMessageOf));
      if (docs.length < size) break;
      after = [docs[docs.length - 1].seq as number];
    }
    return messages;
  }

  async markDelivered(ids: number[], at: string): Promise<void> {
    await this.markOutcome(ids, at, 'sent');
  }

  /** Records an outcome other than sent (a refused grant, no template …): never tried again. */
  async markOutcome(ids: number[], at: string, outcome: DeliveryOutcome, detail?: string): Promise<void> {
    for (let start = 0; start < ids.length; start += MAX_QUERY_LIMIT) {
      const chunk = ids.slice(start, start + MAX_QUERY_LIMIT).map(outboxDocId);
      await this.db.updateWhere(
        COLLECTIONS.outbox,
        [{ _id: { in: chunk }, delivered: false }],
        { delivered: true, deliveredAt: at, outcome, ...(detail === undefined ? {} : { outcomeDetail: detail }) },
      );
    }
  }

  /**
   * Notes a failed delivery of one message; after `maxAttempts` it is given up (`failed`), so a
   * message that can never be sent is not tried forever. Answers whether it was given up.
   */
  async noteDeliveryFailure(id: number, at: string, detail: string, maxAttempts: number): Promise<boolean> {
    return this.transact(async (unit) => {
      const doc = await unit.get(COLLECTIONS.outbox, outboxDocId(id));
      if (!doc || doc.delivered) return false;
      const attempts = ((doc.attempts as number | undefined) ?? 0) + 1;
      const givenUp = attempts >= maxAttempts;
      unit.put(COLLECTIONS.outbox, doc._id, {
        ...doc,
        attempts,
        lastError: detail,
        lastAttemptAt: at,
        ...(givenUp ? { delivered: true, deliveredAt: at, outcome: 'failed' } : {}),
      });
      return givenUp;
    });
  }

  /** Removes rate counters whose window started before `before` (housekeeping for the cron). */
  async pruneRateCounters(before: string): Promise<number> {
    return this.db.removeWhere(COLLECTIONS.rateCounters, [{ createdAt: { lt: before } }]);
  }

  // -------------------------------------------------------------------------------------------
  // Files

  async saveFile(file: FileRecord): Promise<void> {
    const { id, ...fields } = file;
    await this.db.add(COLLECTIONS.files, { _id: id, ...fields });
  }

  async findFile(id: string): Promise<FileRecord | null> {
    const doc = await this.db.get(COLLECTIONS.files, id);
    if (!doc) return null;
    return {
      id,
      ownerOpenid: doc.ownerOpenid as string,
      contentType: doc.contentType as string,
      bytes: doc.bytes as number,
      path: doc.path as string,
      createdAt: doc.createdAt as string,
    };
  }

  async close(): Promise<void> {
    // Nothing is held open (each call is a request to the engine), but later calls fail as the port says.
    this.db = closedDocDb();
  }
}
