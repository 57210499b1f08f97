import type { CommentStatus, Directory, Meeting, Role, RoleGrant, SubsidyProject } from '../../../types/api';
import type { Category, ChangeRecord, DateString, Ledger, Policy, ProposalRecord, ProposalState } from '../../../types/domain';
import type { ReportStore } from './store.reports.port';

// Issue 18 (inspections, plans, reports): the port's part for them lives beside this file.
export type { InspectionPlace, SummaryCount, SummaryTotal } from './store.reports.port';
import type { CommentVisibility } from '../../domain/comments';
import type { CommunityNoticeDraft } from '../../domain/notifications';
import type { RatingCounters } from '../../domain/ratings';
import type { Refusal } from '../../domain/result';
import type { LibraryStore } from './store.library.port';
import type { MyWordsStore } from './store.mine.port';
import type { PersonalDataStore } from './store.personal-data';
import type { CalendarStore } from './store.calendar.port';
import type { InboxStore } from './store.inbox.port';
import type { OnboardingStore } from './store.onboarding.port';
export type { StoredCalendarYear } from './store.calendar.port';
export type { InboxOwner, NotificationRecord } from './store.inbox.port';
import type { ComplaintStore } from './complaints.port';

/**
 * The Store port: intent methods, never a generic transaction. Each adapter (SQLite locally,
 * CloudBase in production) makes every method atomic on its own — the state change, its audit
 * entry and its outbox messages land together or not at all — and is proven by the same
 * contract suite (test/store). Where a write depends on what is stored (a ledger's room, a
 * rating's previous stars, a resident's old community, the ledgers under a new quota), the
 * adapter reads it inside its transaction and asks the domain function named in the method's
 * comment: the rule lives in backend/domain, the store only loads, saves and makes it atomic.
 */

export interface UserRecord {
  openid: string;
  name: string | null;
  communityId: string | null;
  grants: RoleGrant[];
  /** Residency (hopping): the instant the resident grant was given; absent when not a resident. */
  residentSince?: string;
}

/** A role grant with who holds it and who gave it (null for the grants of a seed). */
export interface GrantRecord {
  openid: string;
  name: string | null;
  role: Role;
  scopeId: string;
  grantedAt: string;
  grantedBy: string | null;
}

export interface CommunityPlace {
  communityId: string;
  streetId: string;
  districtId: string;
}

/** A scope of the directory with as much of its place as it has (a street: its district too). */
export interface ScopePlace {
  kind: 'community' | 'street' | 'district';
  communityId?: string;
  streetId?: string;
  districtId: string;
}

/** Counts and sums kept on the proposal, so that summaries are O(1) (ratings: domain/ratings.ts). */
export interface ProposalCounters extends RatingCounters {
  /** Published comments. */
  commentCount: number;
}

export interface StoredProposal {
  record: ProposalRecord;
  counters: ProposalCounters;
  updatedAt: string;
}

/** What the store derives from a record for its indexes: computed by the app from the domain. */
export interface ProposalIndexing {
  /** The date of the running deadline, for overdue lists; null when none runs. */
  openDeadlineOn: string | null;
  /** Ids of the documents missing by this state (R-SUP-1). */
  missingDocuments: string[];
}

export interface AuditDraft {
  /** The chain: a proposal id, `ledger:<communityId>:<year>`, `policy:<districtId>:<year>` … */
  chainId: string;
  at: string;
  actor: string;
  action: string;
  from: ProposalState | null;
  to: ProposalState | null;
  detail: Record<string, unknown>;
}

export interface AuditEntry extends AuditDraft {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface OutboxDraft {
  recipientOpenid: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** How a message's delivery ended: sent, refused by the person (no grant), failed for good, or skipped (nothing to send it with). */
export type DeliveryOutcome = 'sent' | 'refused' | 'failed' | 'skipped';

export interface OutboxMessage extends OutboxDraft {
  id: number;
  createdAt: string;
}

/** Idempotency: the same (caller, action, requestId) returns the first record. */
export interface RequestKey {
  openid: string;
  action: string;
  requestId: string;
}

/** A rate limit checked and counted in the same transaction as the write it limits. */
export interface RateLimit {
  openid: string;
  action: string;
  /** The start of the current window (an instant or a date): counts are per window. */
  windowStart: string;
  max: number;
}

/** A move on a community's ledger of one year. */
export interface LedgerMove {
  communityId: string;
  year: number;
  /** Added to approved; refused with budget_exceeded when approved would pass allocated. */
  approvedDeltaFen: number;
  spentDeltaFen: number;
}

export interface ProposalWrite {
  record: ProposalRecord;
  indexing: ProposalIndexing;
  /** The version and state the use case read: the write applies only if they still hold. */
  expectedVersion: number;
  expectedState: ProposalState;
}

export interface TransitionBatch {
  at: string;
  proposals: ProposalWrite[];
  ledgerMoves: LedgerMove[];
  meeting?: MeetingRecord;
  changes: ChangeRecord[];
  audit: AuditDraft[];
  outbox: OutboxDraft[];
  /** Notifications: notices to every resident of a community (domain/notifications.ts), once per community, kind and proposal. */
  notices?: CommunityNoticeDraft[];
}

export type CommitCode = 'conflict' | 'invalid_state' | 'budget_exceeded' | 'rate_limited' | 'window_closed';

/**
 * A write the store did not make. `refusal` is the domain's own answer when a domain rule refused
 * it inside the transaction (it says why, with amounts); without it the app words the code.
 */
export type CommitRefusal = { ok: false; code: CommitCode; refusal?: Refusal };

export type CommitOutcome<T> = { ok: true; value: T } | CommitRefusal;

export interface CommentRecord {
  id: string;
  proposalId: string;
  authorOpenid: string;
  authorName: string;
  text: string;
  status: CommentStatus;
  createdAt: string;
  reply?: { text: string; openid: string; repliedAt: string };
}

export interface RatingRecord {
  proposalId: string;
  openid: string;
  stars: number;
  text?: string;
  updatedAt: string;
}

export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'community'; id: string }
  | { kind: 'street'; id: string }
  | { kind: 'district'; id: string };

export interface ProposalQuery {
  scope: ScopeFilter;
  state?: ProposalState;
  proposerOpenid?: string;
  // proposal search (issue 17)
  /** Any of these states. */
  states?: ProposalState[];
  category?: Category;
  /** The Asia/Shanghai year of submission. */
  year?: number;
  /** A substring of the title, description or location (case-folded; any length ≥ 1). */
  text?: string;
  after?: Cursor;
  limit: number;
}

/** A position in a newest-first list: the last item's (createdAt, id). */
export interface Cursor {
  createdAt: string;
  id: string;
}

export interface Slice<T> {
  items: T[];
  /** True when more items follow the last one. */
  more: boolean;
}

/** A district-year's subsidy application in numbers; all zero before any project of it. */
export interface SubsidyTotals {
  version: number;
  projectCount: number;
  approvedFen: number;
}

/** A published council meeting with its agenda. */
export type MeetingRecord = Meeting & { publishedOn: DateString };

/** A position in the list of meetings: the last one's (meetingOn, id). */
export interface MeetingCursor {
  meetingOn: DateString;
  id: string;
}

export interface FileRecord {
  id: string;
  ownerOpenid: string;
  contentType: string;
  bytes: number;
  path: string;
  createdAt: string;
}

// Audit anchoring, upload quotas and personal data (issue 14 M4/L1, issue 17 item 5): their records.
export type { AuditDigest, ConsentRecord, Erasure, PersonalData, UploadUsage } from './store.personal-data';

// The parts of later issues live beside this file: complaints (complaints.port.ts), personal data
// (store.personal-data.ts), the project library, the calendar, the inbox and onboarding (store.*.port.ts).
export interface Store extends ReportStore, ComplaintStore, LibraryStore, MyWordsStore, PersonalDataStore, CalendarStore, InboxStore, OnboardingStore {
  // Identity and directory
  findUser(openid: string): Promise<UserRecord | null>;
  /** Makes the user a resident of the community; their grants change as domain/residency.ts says. */
  joinCommunity(input: { openid: string; communityId: string; name: string; at: string; audit: AuditDraft }): Promise<UserRecord>;
  /**
   * Residency (hopping): joinCommunity with the caller's join counted against `rateLimit` in the
   * same transaction, and only if the person's residency is still `expectedSince` (their resident
   * grant's instant, null when they have none) — a racing move answers `conflict`.
   */
  joinCommunityLimited(input: {
    openid: string;
    communityId: string;
    name: string;
    at: string;
    audit: AuditDraft;
    rateLimit: RateLimit;
    expectedSince: string | null;
  }): Promise<CommitOutcome<UserRecord>>;
  /** Grants a role once however often it is given; `name` names the person only when they have no name yet. */
  grantRole(input: { openid: string; role: Role; scopeId: string; grantedBy: string; name?: string; audit: AuditDraft }): Promise<UserRecord>;
  findCommunity(communityId: string): Promise<CommunityPlace | null>;
  /** Where a community, street or district id lies; null when there is none such. */
  findScope(id: string): Promise<ScopePlace | null>;
  getDirectory(): Promise<Directory>;
  countCommunities(districtId: string): Promise<number>;

  // Proposals
  findProposal(id: string): Promise<StoredProposal | null>;
  listProposals(query: ProposalQuery): Promise<Slice<StoredProposal>>;
  /** proposal search (issue 17): how many proposals the query's filters match, counted up to `cap`. */
  countProposals(query: Omit<ProposalQuery, 'after' | 'limit'>, cap: number): Promise<number>;
  /** Inserts a new proposal; a repeated request key returns the first one with `created: false`. */
  createProposal(input: {
    record: ProposalRecord;
    indexing: ProposalIndexing;
    request: RequestKey;
    rateLimit: RateLimit;
    audit: AuditDraft;
    outbox: OutboxDraft[];
  }): Promise<CommitOutcome<{ stored: StoredProposal; created: boolean }>>;
  /**
   * Applies the transitions of one use case with their ledger moves (each through the domain's
   * `moveLedger` on the ledger read in the transaction: R-FUN-1), audit and outbox.
   */
  commitTransitions(batch: TransitionBatch): Promise<CommitOutcome<StoredProposal[]>>;
  /** Records whose running deadline lies before `today`, oldest deadline first, with that deadline. */
  listOverdueCandidates(
    scope: ScopeFilter,
    today: string,
    after: { on: string; id: string } | undefined,
    limit: number,
  ): Promise<Slice<StoredProposal & { openDeadlineOn: string }>>;
  listWithMissingDocuments(scope: ScopeFilter, after: Cursor | undefined, limit: number): Promise<Slice<StoredProposal>>;
  /**
   * The running totals of a district's subsidy application of a year (domain/subsidy.ts decides
   * what counts), kept by every write of a project with a budget year; `version` grows with each.
   */
  subsidyTotals(districtId: string, year: number): Promise<SubsidyTotals>;
  /** The district's projects with a budget of that year (withdrawn left out), by community then age. */
  listApprovedInYear(districtId: string, year: number): Promise<SubsidyProject[]>;

  // Council
  findMeeting(id: string): Promise<MeetingRecord | null>;
  /** A community's meetings, latest meeting day first (which of them counts as held: domain/council.ts). */
  listMeetings(communityId: string, after: MeetingCursor | undefined, limit: number): Promise<Slice<MeetingRecord>>;

  // Changes
  findChange(id: string): Promise<ChangeRecord | null>;

  // Comments and ratings
  addComment(input: {
    comment: CommentRecord;
    request: RequestKey;
    rateLimit: RateLimit;
    /** The comment is written only while the proposal is still in this state. */
    proposalState: ProposalState;
    audit: AuditDraft;
    outbox: OutboxDraft[];
  }): Promise<CommitOutcome<{ comment: CommentRecord; created: boolean }>>;
  findComment(id: string): Promise<CommentRecord | null>;
  /** Newest first, the comments the visibility decided by domain/comments.ts lets through. */
  listComments(input: { proposalId: string; visibility: CommentVisibility; after?: Cursor; limit: number }): Promise<Slice<CommentRecord>>;
  replyComment(input: { commentId: string; text: string; openid: string; at: string; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommentRecord>;
  moderateComment(input: { commentId: string; publish: boolean; at: string; audit: AuditDraft }): Promise<CommitOutcome<CommentRecord>>;
  /**
   * Sets (or replaces) one resident's rating while the proposal is still in `proposalState`; the
   * counters move as the domain's `replaceRating` says (the same rating again writes nothing).
   */
  setRating(input: { rating: RatingRecord; proposalState: ProposalState; audit: AuditDraft; rateLimit?: RateLimit }): Promise<CommitOutcome<RatingRecord>>;

  // Money
  findLedger(communityId: string, year: number): Promise<Ledger | null>;
  /**
   * Sets the allocated total as the domain's `checkAllocation` allows it on the stored ledger (a
   * new ledger starts empty under `quotaFen`); refused with the domain's refusal otherwise.
   */
  allocate(input: { communityId: string; year: number; quotaFen: number; allocatedFen: number; audit: AuditDraft }): Promise<CommitOutcome<Ledger>>;
  findPolicy(districtId: string, year: number): Promise<Policy | null>;
  /**
   * Saves a district's policy of a year and gives its quota to the district's ledgers of that
   * year through the domain's `applyQuota`: refused when one has more allocated than the quota.
   */
  savePolicy(input: { policy: Policy; at: string; audit: AuditDraft }): Promise<CommitOutcome<Policy>>;

  // Staff of a scope, overdue notices
  /** The grants of `roles` at the scope's unit and every unit below it, by unit, role and age. */
  listGrants(scope: ScopeFilter, roles: readonly Role[]): Promise<GrantRecord[]>;
  /** The openids holding `role` for exactly this scope id (whom to tell of a scope's work). */
  staffOf(role: Role, scopeId: string): Promise<string[]>;
  /**
   * Records that a deadline of a proposal was found overdue and queues its messages — once per
   * proposal, deadline and due day, however often the sweep runs. Answers whether it was new.
   */
  noticeOverdue(input: { proposalId: string; deadline: string; dueOn: string; at: string; outbox: OutboxDraft[] }): Promise<boolean>;
  // Audit trail
  auditTrail(chainId: string): Promise<AuditEntry[]>;

  // The outbox, delivered by jobs/deliver-outbox.ts exactly once across processes sharing the store
  /** Undelivered messages, oldest first, whoever holds them (a look, not a claim). */
  takeUndelivered(limit: number): Promise<OutboxMessage[]>;
  /**
   * Claims up to `limit` undelivered messages, oldest first, that no live lease holds: each is
   * leased to `claimant` until `leaseUntil`, so that another process passes it over meanwhile.
   */
  claimOutbox(input: { claimant: string; now: string; leaseUntil: string; limit: number }): Promise<OutboxMessage[]>;
  /** Records how the messages' delivery ended: they are never claimed again. */
  settleOutbox(input: { ids: number[]; at: string; outcome: DeliveryOutcome; detail?: string }): Promise<void>;
  /**
   * Counts a failed attempt: the lease stays, so the message is tried again once it runs out,
   * until `maxAttempts` attempts — then it is settled as `failed`. Answers whether it was given up.
   */
  noteDeliveryFailure(input: { id: number; at: string; detail: string; maxAttempts: number }): Promise<boolean>;

  // Housekeeping for the jobs
  /** Comments the content check held back (`pending`), oldest first, for the recheck job. */
  listPendingComments(after: Cursor | undefined, limit: number): Promise<Slice<CommentRecord>>;
  /** Removes the rate counters of windows that started before `before`; answers how many. */
  pruneRateCounters(before: string): Promise<number>;

  // Files
  saveFile(file: FileRecord): Promise<void>;
  findFile(id: string): Promise<FileRecord | null>;

  /** Flushes and closes the store; later calls fail. */
  close(): Promise<void>;
}
