/**
 * The API contract shared by the mini-program and the backend: the envelope, the error codes and
 * the records the actions answer with (docs/api.md). Type-only: both sides import it with
 * `import type`. The action names and their payloads are not listed here: each action is
 * declared once in backend/app/actions/, and its request and answer types are derived from that
 * declaration (backend/app/catalog.ts: `ActionName`, `RequestOf`, `AnswerOf`).
 */

import type {
  Acceptance,
  Audit,
  BudgetLine,
  Category,
  InstantString,
  RoleGrant,
  ChangeRecord,
  Deadline,
  Deadlines,
  Evaluation,
  Implementation,
  LedgerView,
  ProposalState,
  Publicity,
  Report,
  Review,
  Screening,
  Source,
  Vote,
} from './domain';

export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid_state'
  | 'window_closed'
  | 'too_early'
  | 'budget_exceeded'
  | 'fee_ratio_exceeded'
  | 'conflict'
  | 'rate_limited'
  | 'content_rejected'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The first bad field of the payload, for `invalid_input` and field-specific refusals. */
  field?: string;
}

/** Every answer of the API is this envelope. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type { DateString, InstantString, Role, RoleGrant } from './domain';

// ---------------------------------------------------------------------------------------------
// Identity and directory

export interface Me {
  openid: string;
  /** Null until the user has joined a community and given a name. */
  name: string | null;
  communityId: string | null;
  roles: RoleGrant[];
  /** Issue 17: the privacy notice agreed to (me.consent); me.get always answers it, null when none. */
  consent?: ConsentView | null;
}

// Issue 17 item 5 (personal data)
export interface ConsentView {
  version: string;
  at: InstantString;
}

export interface CommunityEntry {
  id: string;
  name: string;
}
export interface StreetEntry {
  id: string;
  name: string;
  communities: CommunityEntry[];
}
export interface DistrictEntry {
  id: string;
  name: string;
  streets: StreetEntry[];
}
export interface Directory {
  districts: DistrictEntry[];
}

// ---------------------------------------------------------------------------------------------
// Proposals

/** A list page: newest first, `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// proposal search (issue 17)
/** proposal.list's answer: a page and how many proposals match in all, counted up to 10,000. */
export interface ProposalPage extends Page<ProposalView> {
  total: number;
}

/** A proposal as the API shows it to one caller (spec/api.md). */
export interface ProposalView {
  id: string;
  communityId: string;
  streetId: string;
  districtId: string;
  state: ProposalState;
  title: string;
  category: Category;
  location: string;
  description: string;
  source: Source;
  libraryEntryId?: string;
  photos: string[];
  /** Masked (张*明) for everyone but the proposer and the staff in scope (R-TRN-1). */
  proposer: string;
  /** True when the caller is the proposer. */
  mine: boolean;
  // comment.mine, rating.mine (issue 17)
  /** The caller's own rating of it (proposal.get only). */
  myRating?: RatingView;
  /** R-PUB-2: whether its publicity window is open today, as the server judges it (pages never count days). */
  publicityOpen?: boolean;
  /** Issue 18: a proposal keyed in by community staff: the channel and the originator (masked like `proposer`). */
  onBehalfOf?: { name: string; channel: import('./domain').ProposalChannel };
  screening?: Screening;
  report?: Report;
  meetingId?: string;
  meetingOn?: string;
  vote?: Vote;
  submittedToStreetOn?: string;
  review?: Review;
  approvedBudgetFen?: number;
  budgetYear?: number;
  publicity?: Publicity;
  implementation?: Implementation;
  evaluation?: Evaluation;
  audit?: Audit;
  pendingChangeId?: string;
  commentCount: number;
  ratingCount: number;
  /** Average stars, 0 when there are no ratings. */
  ratingAverage: number;
  deadlines: Deadlines;
  /** The deadlines already passed and unmet: a flag, never a block. */
  overdue: (keyof Deadlines)[];
  /** Working days after today up to each running deadline's day; 0 on its last day (今天截止) and after (an ended window has none). */
  daysLeft: Partial<Record<keyof Deadlines, number>>;
  /** Windows of `deadlines` already closed (the publicity window from the day after its last day): 已结束, no days left. */
  ended?: (keyof Deadlines)[];
  /** The change or withdrawal waiting for the street's decision, when there is one. */
  pendingChange?: ChangeView;
  // Issue 18 (payments, acceptance): what was paid, per budget line against the plan, and the acceptances.
  payments?: PaymentView[];
  paidFen?: number;
  budgetProgress?: BudgetLineProgress[];
  acceptances?: Acceptance[];
  allowedActions: string[];
  /** Issue 18: the actions beside the lifecycle this caller may take at any stage (document.attach, complaint.submit). */
  sideActions: string[];
  createdAt: InstantString;
  updatedAt: InstantString;
  version: number;
}

export interface Meeting {
  id: string;
  communityId: string;
  meetingOn: string;
  proposalIds: string[];
}

/** R-COU-1: when the community's council last met, and whether that is more than two months ago. */
export interface CouncilStatus {
  communityId: string;
  lastMeetingOn: string | null;
  /** The day by which the council must meet again; null before its first meeting. */
  nextDueOn: Deadline | null;
  overdue: boolean;
  /** R-COU-2: the earliest day a meeting of an agenda published today may be held. */
  earliestMeetingOn: Deadline;
}

export type ChangeView = ChangeRecord;

// ---------------------------------------------------------------------------------------------
// Comments and ratings

export type CommentStatus = 'published' | 'pending' | 'hidden';

export interface CommentView {
  id: string;
  proposalId: string;
  /** Masked for everyone but the author and the staff in scope. */
  author: string;
  text: string;
  status: CommentStatus;
  createdAt: InstantString;
  reply?: { text: string; repliedAt: InstantString };
  mine: boolean;
}

export interface RatingView {
  proposalId: string;
  stars: number;
  text?: string;
  updatedAt: InstantString;
}

// comment.mine, rating.mine (issue 17)
/** One of the caller's own comments, in any status, with the proposal's title and the replies. */
export interface MyComment {
  id: string;
  proposalId: string;
  title: string;
  text: string;
  status: CommentStatus;
  createdAt: InstantString;
  replies: { text: string; repliedAt: InstantString }[];
}

/** One of the caller's own ratings, with the project's title. */
export interface MyRating {
  proposalId: string;
  title: string;
  stars: number;
  text?: string;
  updatedAt: InstantString;
}

export interface RatingSummary {
  count: number;
  average: number;
  histogram: Record<'1' | '2' | '3' | '4' | '5', number>;
}

// ---------------------------------------------------------------------------------------------
// Money, time and oversight

export type LedgerAnswer = LedgerView & { communityId: string; year: number };

export interface SubsidyProject {
  id: string;
  communityId: string;
  title: string;
  category: Category;
  state: ProposalState;
  approvedBudgetFen: number;
}

export interface SubsidyApplication {
  districtId: string;
  year: number;
  projects: SubsidyProject[];
  communityCount: number;
  totalApprovedFen: number;
  cityMatchFen: number;
  /** R-FUN-3: 30 November, rolled to the next working day; provisional in a year the calendar does not know. */
  dueOn: Deadline;
  /** R-FUN-3: 30 January of the next year, rolled likewise. */
  lateDueOn: Deadline;
  csv: string;
}

export interface OverdueItem {
  id: string;
  communityId: string;
  title: string;
  state: ProposalState;
  overdue: { deadline: keyof Deadlines | StallReason; on: string; label: string }[];
  /** Issue 18: set on a stalled project (approved without publicity, completed without evaluation, evaluated without audit). */
  reason?: StallReason;
  /** Issue 18: for a stalled project, the day its wait began. */
  since?: string;
}

// Archive, complaints and residents' agendas (issue 18)

export type StallReason = 'stalled_publicity' | 'stalled_evaluation' | 'stalled_audit';

/** A paper of the archive as document.list and document.attach show it. */
export type DocumentView = Omit<import('./domain').DocumentRecord, 'requestKey'>;

/** A complaint as its author and the staff in scope see it. */
export type ComplaintView = Omit<import('./domain').ComplaintRecord, 'authorOpenid'> & { mine: boolean; allowedActions: 'complaint.answer'[] };

/** A council meeting with its agenda, public once published (R-COU-2, R-TRN-1). */
export interface CouncilMeetingView {
  id: string;
  communityId: string;
  meetingOn: string;
  publishedOn: string;
  proposals: { id: string; title: string; state: ProposalState; category: Category }[];
}

/** R-COU-1 (issue 15): a community whose council has not met within two months, on oversight.overdue. */
export interface CouncilOverdueItem {
  communityId: string;
  reason: 'council_overdue';
  lastMeetingOn: string;
  nextDueOn: string;
}

export interface ChecklistEntry {
  id: string;
  communityId: string;
  title: string;
  state: ProposalState;
  missing: { id: string; label: string }[];
}

export interface AuditTrailEntry {
  at: InstantString;
  actor: string;
  action: string;
  from: ProposalState | null;
  to: ProposalState | null;
  hash: string;
  prevHash: string;
}

export interface LibraryEntry {
  id: string;
  title: string;
  category: Category;
  plan: string;
  budgetLines: BudgetLine[];
  createdAt: InstantString;
  /** R-SUP-3 (issue 15): the unit the entry belongs to (the stores keep its id; library.list says its level). */
  scopeId?: string;
  scope?: { level: 'city' | 'district' | 'street'; id: string };
}


// --- Issue 16 (calendar, audit trail, library, exports) ---
import type { DateString as CalendarDay } from './domain';

/** `calendar.get`: one year's holiday schedule and where it comes from (R-TIME-3). */
export interface CalendarYearView {
  year: number;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  source: 'bundled' | 'loaded' | 'none';
  /** True when nothing is known of the year: its deadlines count weekdays only. */
  provisional: boolean;
}

/** An audit entry with what its hash covers, so that a page can recompute the chain (R-SUP-2). */
export interface AuditTrailEntryFull extends AuditTrailEntry {
  chainId: string;
  seq: number;
  detail: Record<string, unknown>;
}

/** `export.create`: the file's name and where to fetch it. */
export interface ExportFile {
  fileName: string;
  url: string;
}

// Notifications (the inbox, spec "Notifications").
/** One inbox item: `title` and `text` are worded by the server (backend/domain/notifications.ts). */
export interface NotificationView {
  id: string;
  at: InstantString;
  kind: string;
  proposalId: string | null;
  title: string;
  text: string;
  read: boolean;
}

/** `notification.list`: a page of the caller's inbox, newest first, with the unread count of all of it. */
export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}

// Issue 18 (payments, reports): answers of payment.record and report.summary, in api.reports.ts.
export type * from './api.reports';
import type { BudgetLineProgress, PaymentView } from './api.reports';

// Issue 17 (first paint): home.get's answer, in api.home.ts.
export type * from './api.home';
