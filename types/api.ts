/**
 * The API contract shared by the mini-program and the backend (`../shared/spec/api.md`).
 * Type-only: both sides import it with `import type`.
 */

import type {
  Audit,
  BudgetLine,
  Category,
  DateString,
  InstantString,
  Role,
  RoleGrant,
  ChangeKind,
  ChangeRecord,
  Deadline,
  Deadlines,
  Evaluation,
  Exclusion,
  Implementation,
  LedgerView,
  Policy,
  ProposalState,
  Publicity,
  Report,
  Review,
  ReviewOutcome,
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

export interface MeGetRequest {}
export interface Me {
  openid: string;
  /** Null until the user has joined a community and given a name. */
  name: string | null;
  communityId: string | null;
  roles: RoleGrant[];
}

export interface MeJoinRequest {
  communityId: string;
  name: string;
}

export interface DirectoryGetRequest {}
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
  /** Working days after today up to each running deadline's day; 0 on its last day (今天截止) and after. */
  daysLeft: Partial<Record<keyof Deadlines, number>>;
  /** The change or withdrawal waiting for the street's decision, when there is one. */
  pendingChange?: ChangeView;
  allowedActions: string[];
  createdAt: InstantString;
  updatedAt: InstantString;
  version: number;
}

export interface ProposalSubmitRequest {
  communityId: string;
  title: string;
  category: Category;
  location: string;
  description: string;
  source: Source;
  libraryEntryId?: string;
  photos?: string[];
  requestId: string;
}

export interface ProposalListRequest {
  communityId?: string;
  streetId?: string;
  districtId?: string;
  state?: ProposalState;
  mine?: boolean;
  cursor?: string;
  limit?: number;
}

export interface ProposalScreenRequest {
  id: string;
  adopt: boolean;
  explanation?: string;
  exclusion?: Exclusion;
}

export interface ProposalDraftReportRequest {
  id: string;
  reason: string;
  overview: string;
  plan: string;
  budgetLines: BudgetLine[];
}

export interface Meeting {
  id: string;
  communityId: string;
  meetingOn: string;
  proposalIds: string[];
}

export interface CouncilPublishAgendaRequest {
  communityId: string;
  meetingOn: string;
  proposalIds: string[];
}

export interface CouncilRecordVoteRequest {
  meetingId: string;
  proposalId: string;
  attendance: number;
  for: number;
  against: number;
  abstain: number;
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

export interface ReviewDecideRequest {
  id: string;
  outcome: ReviewOutcome;
  reason?: string;
  approvedBudgetFen?: number;
  department?: string;
}

export interface ImplementationAssignRequest {
  id: string;
  implementer: string;
  assignedOn: string;
  tenderRef?: string;
}

export interface ImplementationStartRequest {
  id: string;
  startedOn: string;
}

export interface ImplementationCompleteRequest {
  id: string;
  completedOn: string;
  maintenanceUnit: string;
  maintenanceFunding: string;
}

export interface EvaluationPublishRequest {
  id: string;
  summary: string;
}

export interface AuditPublishRequest {
  id: string;
  auditor: string;
  spentFen: number;
  report: string;
}

export interface ChangeRequestRequest {
  id: string;
  kind: ChangeKind;
  reason: string;
  newBudgetFen?: number;
}

export interface ChangeDecideRequest {
  changeId: string;
  approve: boolean;
  reason: string;
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

export interface CommentAddRequest {
  proposalId: string;
  text: string;
  requestId: string;
}

export interface CommentListRequest {
  proposalId: string;
  cursor?: string;
  limit?: number;
}

export interface CommentReplyRequest {
  commentId: string;
  text: string;
}

/** A community worker publishes or hides a `pending` comment (fail-closed content check). */
export interface CommentModerateRequest {
  commentId: string;
  publish: boolean;
}

export interface RatingSetRequest {
  proposalId: string;
  stars: number;
  text?: string;
}

export interface RatingView {
  proposalId: string;
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

export interface LedgerGetRequest {
  communityId: string;
  year: number;
}

export type LedgerAnswer = LedgerView & { communityId: string; year: number };

export interface LedgerAllocateRequest {
  communityId: string;
  year: number;
  allocatedFen: number;
}

export interface PolicyGetRequest {
  districtId?: string;
  year?: number;
}

export type PolicySetRequest = Omit<Policy, 'districtId'> & { districtId?: string };

export interface SubsidyApplicationRequest {
  year: number;
  districtId?: string;
}

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
  dueOn: string;
  lateDueOn: string;
  csv: string;
}

export interface OversightRequest {
  scopeId: string;
  cursor?: string;
  limit?: number;
}

export interface OverdueItem {
  id: string;
  communityId: string;
  title: string;
  state: ProposalState;
  overdue: { deadline: keyof Deadlines; on: string; label: string }[];
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
}

export interface LibraryAddRequest {
  title: string;
  category: Category;
  plan: string;
  budgetLines: BudgetLine[];
}

export interface RoleGrantRequest {
  openid: string;
  role: Role;
  scopeId: string;
}

// ---------------------------------------------------------------------------------------------
// Action names and their request / answer types.

type Id = { id: string };

export interface ActionMap {
  'me.get': { request: MeGetRequest; answer: Me };
  'me.join': { request: MeJoinRequest; answer: Me };
  'directory.get': { request: DirectoryGetRequest; answer: Directory };
  'role.grant': { request: RoleGrantRequest; answer: { openid: string; roles: RoleGrant[] } };
  'proposal.submit': { request: ProposalSubmitRequest; answer: ProposalView };
  'proposal.get': { request: Id; answer: ProposalView };
  'proposal.list': { request: ProposalListRequest; answer: Page<ProposalView> };
  'proposal.screen': { request: ProposalScreenRequest; answer: ProposalView };
  'proposal.draftReport': { request: ProposalDraftReportRequest; answer: ProposalView };
  'council.publishAgenda': { request: CouncilPublishAgendaRequest; answer: Meeting & { proposals: ProposalView[] } };
  'council.recordVote': { request: CouncilRecordVoteRequest; answer: ProposalView };
  'council.status': { request: { communityId: string }; answer: CouncilStatus };
  'proposal.submitToStreet': { request: Id; answer: ProposalView };
  'review.decide': { request: ReviewDecideRequest; answer: ProposalView };
  'publicity.publish': { request: Id; answer: ProposalView };
  'comment.add': { request: CommentAddRequest; answer: CommentView };
  'comment.list': { request: CommentListRequest; answer: Page<CommentView> };
  'comment.reply': { request: CommentReplyRequest; answer: CommentView };
  'comment.moderate': { request: CommentModerateRequest; answer: CommentView };
  'implementation.assign': { request: ImplementationAssignRequest; answer: ProposalView };
  'implementation.start': { request: ImplementationStartRequest; answer: ProposalView };
  'implementation.complete': { request: ImplementationCompleteRequest; answer: ProposalView };
  'rating.set': { request: RatingSetRequest; answer: RatingView };
  'rating.summary': { request: { proposalId: string }; answer: RatingSummary };
  'evaluation.publish': { request: EvaluationPublishRequest; answer: ProposalView };
  'audit.publish': { request: AuditPublishRequest; answer: ProposalView };
  'change.request': { request: ChangeRequestRequest; answer: ChangeView };
  'change.decide': { request: ChangeDecideRequest; answer: ChangeView & { proposal: ProposalView } };
  'ledger.get': { request: LedgerGetRequest; answer: LedgerAnswer };
  'ledger.allocate': { request: LedgerAllocateRequest; answer: LedgerAnswer };
  'policy.get': { request: PolicyGetRequest; answer: Policy };
  'policy.set': { request: PolicySetRequest; answer: Policy };
  'subsidy.application': { request: SubsidyApplicationRequest; answer: SubsidyApplication };
  'oversight.overdue': { request: OversightRequest; answer: Page<OverdueItem> };
  'oversight.checklist': { request: OversightRequest; answer: Page<ChecklistEntry> & { csv: string } };
  'audit.trail': { request: Id; answer: { entries: AuditTrailEntry[] } };
  'library.list': { request: { cursor?: string; limit?: number }; answer: Page<LibraryEntry> };
  'library.add': { request: LibraryAddRequest; answer: LibraryEntry };
}

export type ActionName = keyof ActionMap;
export type RequestOf<A extends ActionName> = ActionMap[A]['request'];
export type AnswerOf<A extends ActionName> = ActionMap[A]['answer'];
