/**
 * The domain records shared by the backend and the pages (the rules are in docs/rules.md).
 * Type-only: import it with `import type`. It imports nothing, so that types/api.ts can build on
 * it without a cycle. Money is integer fen; a date is `YYYY-MM-DD` in Asia/Shanghai; an instant
 * is ISO 8601.
 */

/** A calendar date `YYYY-MM-DD` in Asia/Shanghai. */
export type DateString = string;
/** An ISO 8601 instant. */
export type InstantString = string;

export type Role = 'resident' | 'community' | 'street' | 'district' | 'city' | 'supervisor';

export interface RoleGrant {
  role: Role;
  /** A community, street or district id; `city` for the city role. */
  scopeId: string;
}

/** The states of a proposal, in lifecycle order (spec/rules.md "Lifecycle of a proposal"). */
export type ProposalState =
  | 'submitted'
  | 'adopted'
  | 'not_adopted'
  | 'drafted'
  | 'agenda_published'
  | 'council_passed'
  | 'council_rejected'
  | 'street_review'
  | 'approved'
  | 'rejected'
  | 'transferred'
  | 'publicity'
  | 'implementing'
  | 'completed'
  | 'evaluated'
  | 'audited'
  | 'withdrawn';

/** R-CAT-1: 工程类 / 货物类 / 服务类. */
export type Category = 'works' | 'goods' | 'services';

/** R-SRC-1: where a proposal comes from; recorded and shown. */
export type Source =
  | 'resident'
  | 'party_member'
  | 'organisation'
  | 'deputies'
  | 'leader'
  | 'landscape_forest'
  | 'library';

/** R-COL-2: why a proposal is not adopted. */
export type Exclusion = 'property_duty' | 'government_project' | 'other';

/** R-REV-1..3: the street's decision. */
export type ReviewOutcome = 'approved' | 'rejected' | 'transferred';

/** R-IMP-1: who implements a project. */
export type ImplementerSide = 'community' | 'street';

/** One line of a budget. `fee` marks a management / service fee line (R-REP-2). */
export interface BudgetLine {
  item: string;
  amountFen: number;
  fee?: boolean;
}

/** R-REP-1: the application report 申请报告. `budgetFen` and `feeFen` are totals of the lines. */
export interface Report {
  reason: string;
  overview: string;
  plan: string;
  budgetLines: BudgetLine[];
  budgetFen: number;
  feeFen: number;
}

/**
 * A deadline: `on` is the last day it may be met on, inclusive (until 24:00 that day);
 * `provisional` is true where the holiday calendar of a year involved is not known (R-TIME-3).
 */
export interface Deadline {
  on: DateString;
  provisional: boolean;
}

/** The deadlines that currently run for a proposal (spec/api.md `deadlines`). */
export interface Deadlines {
  reviewDueOn?: Deadline;
  publicityEndsOn?: Deadline;
  startDueOn?: Deadline;
  completeDueOn?: Deadline;
}

export type DeadlineName = keyof Deadlines;

/** Where something lies. Scopes nest community ⊂ street ⊂ district ⊂ city. */
export interface Place {
  communityId: string;
  streetId: string;
  districtId: string;
}

/**
 * Who calls. `openid` is null for an anonymous caller. A resident holds the grant
 * `{ role: 'resident', scopeId: communityId }`; staff hold grants of their scope.
 */
export interface Actor {
  openid: string | null;
  communityId: string | null;
  grants: RoleGrant[];
}

/** A district's policy for one year; the numbers the guideline says 原则上 (spec/api.md defaults). */
export interface Policy {
  districtId: string;
  year: number;
  /** R-FUN-1: a community's approved budgets of one year total at most this. */
  quotaFen: number;
  /** R-REP-2: services fee lines at most this percentage of the budget. */
  feeRatioPercent: number;
  /** R-IMP-1: the street implements above this budget, the community at or below. */
  streetThresholdFen: Record<Category, number>;
  /** R-IMP-2: a tender record is needed when the budget reaches this. */
  tenderThresholdFen: number;
  /** Supervision (issue 18): working days after which an approved, completed or evaluated project counts as stalled (default 20). */
  stallWorkingDays?: number;
}

/** One community's money for one year (R-FUN-1, R-FUN-2, R-FUN-4). */
export interface Ledger {
  quotaFen: number;
  allocatedFen: number;
  approvedFen: number;
  spentFen: number;
}

/** The ledger as published (R-FUN-4): with what may still be approved. */
export interface LedgerView extends Ledger {
  remainingFen: number;
}

export interface Screening {
  adopt: boolean;
  /** The written explanation to the proposer; required when not adopting (R-COL-2). */
  explanation?: string;
  exclusion?: Exclusion;
  decidedOn: DateString;
}

/** R-COU-3: the council's vote on one proposal. */
export interface Vote {
  attendance: number;
  for: number;
  against: number;
  abstain: number;
  recordedOn: DateString;
}

export interface Review {
  outcome: ReviewOutcome;
  /** Required and published unless approved (R-REV-2). */
  reason?: string;
  /** The government department a proposal is transferred to (R-REV-3). */
  department?: string;
  decidedOn: DateString;
}

/** R-PUB-1: the publicity notice 公示 and its window. */
export interface Publicity {
  publishedOn: DateString;
  endsOn: Deadline;
  /** R-PUB-1: the time limit the notice announces (R-IMP-3, R-IMP-4), in words. */
  timeLimit: string;
}

export interface Implementation {
  /** 实施主体 */
  implementer: string;
  side: ImplementerSide;
  assignedOn: DateString;
  /** R-IMP-2: required when the approved budget reaches the tender threshold. */
  tenderRef?: string;
  startedOn?: DateString;
  completedOn?: DateString;
  /** R-CMP-1: 后续管养单位 and its funding. */
  maintenanceUnit?: string;
  maintenanceFunding?: string;
}

/** R-EVA-1 */
export interface Evaluation {
  summary: string;
  publishedOn: DateString;
}

/** R-AUD-1 */
export interface Audit {
  auditor: string;
  spentFen: number;
  report: string;
  publishedOn: DateString;
}

/** A proposal 提议 / project 项目 as stored. Each stage's record is set when the stage is reached. */
export interface ProposalRecord extends Place {
  id: string;
  state: ProposalState;
  title: string;
  category: Category;
  location: string;
  description: string;
  source: Source;
  /** Set when `source` is `library` (R-SUP-3). */
  libraryEntryId?: string;
  /** R-SUP-3: the library entry's standard plan and budget lines, copied when the proposal starts from it. */
  libraryTemplate?: { plan: string; budgetLines: BudgetLine[] };
  /** File ids of the photos. */
  photos: string[];
  proposerOpenid: string;
  /** The full name; shown masked to the public (R-TRN-1). */
  proposerName: string;
  screening?: Screening;
  report?: Report;
  meetingId?: string;
  meetingOn?: DateString;
  vote?: Vote;
  submittedToStreetOn?: DateString;
  review?: Review;
  /** The budget the street approved; reserved against the ledger of `budgetYear`. */
  approvedBudgetFen?: number;
  budgetYear?: number;
  publicity?: Publicity;
  implementation?: Implementation;
  evaluation?: Evaluation;
  audit?: Audit;
  /** The change waiting for the street's decision, if any (R-CHG-1). */
  pendingChangeId?: string;
  // Issue 18 (payments, acceptance): money actually paid and the acceptances, oldest first.
  payments?: Payment[];
  acceptances?: Acceptance[];
  // Archive and offline proposals (issue 18)
  /** The papers attached at each stage (R-SUP-1); the view shows them only through document.list. */
  documents?: DocumentRecord[];
  /** A proposal keyed in by community staff from paper, phone, a visit or the mailbox. */
  onBehalfOf?: { name: string; channel: ProposalChannel };
  createdAt: InstantString;
  /** Optimistic-concurrency version; the store bumps it on every write. */
  version: number;
}

export type ChangeKind = 'adjust' | 'withdraw' | 'revise';
export type ChangeState = 'pending' | 'approved' | 'refused';

/** R-CHG-1: a change or withdrawal after approval, decided by the street. */
export interface ChangeRecord {
  id: string;
  proposalId: string;
  kind: ChangeKind;
  reason: string;
  /** For `adjust`: the new approved budget. */
  newBudgetFen?: number;
  /** For `revise` (R-PUB-3): the redrafted plan and lines beside the report's as they were, for the street to compare. */
  revision?: { plan?: string; budgetLines?: BudgetLine[]; before: { plan: string; budgetLines: BudgetLine[] } };
  state: ChangeState;
  requestedOn: DateString;
  decisionReason?: string;
  decidedOn?: DateString;
}

// Issue 18 (payments, acceptance, inspections, plans): records after approval and around it.

export type PaymentKind = 'advance' | 'progress' | 'final';

/** R-PAY-1: money actually paid on a project by its implementing side. */
export interface Payment {
  id: string;
  kind: PaymentKind;
  amountFen: number;
  paidOn: DateString;
  payee: string;
  voucherRef: string;
  /** A budget line's `item` text, when the payment settles one line. */
  budgetItem?: string;
  recordedAt: InstantString;
  /** Who recorded it, and the request key that makes a repeat return this payment. */
  recordedBy: string;
  requestId: string;
}

/** R-ACC-1: an acceptance 验收 of the finished work; the latest one counts. */
export interface Acceptance {
  acceptedOn: DateString;
  participants: string[];
  opinion: string;
  passed: boolean;
  recordedAt: InstantString;
}

export type InspectionKind = 'self_check' | 'census' | 'sampling';

export interface Finding {
  proposalId?: string;
  text: string;
  fixBy?: DateString;
  resolvedOn?: DateString;
  note?: string;
}

/** R-INS-1: a street's self-check, a district's census or the city's sampling, with its findings. */
export interface Inspection {
  id: string;
  scopeId: string;
  kind: InspectionKind;
  heldOn: DateString;
  findings: Finding[];
  recordedBy: string;
  recordedAt: InstantString;
  version: number;
}

export interface PlanItem {
  communityId: string;
  plannedCount: number;
  plannedFen: number;
}

/** R-PLN-1: a street's plan for a year, per community. */
export interface StreetPlan {
  streetId: string;
  year: number;
  items: PlanItem[];
  note: string;
  updatedAt: InstantString;
}

// Archive, complaints and offline proposals (issue 18)

/** How a proposal keyed in by community staff reached them. */
export type ProposalChannel = 'paper' | 'phone' | 'visit' | 'mailbox' | 'other';

/** The kinds of paper the archive keeps (R-SUP-1). */
export type DocumentKind = 'minutes' | 'sign_in' | 'contract' | 'invoice' | 'acceptance_report' | 'audit_report' | 'notice_photo' | 'other';

/** One paper attached to a project: an uploaded file (image or PDF) with its kind and title. */
export interface DocumentRecord {
  id: string;
  proposalId: string;
  kind: DocumentKind;
  fileId: string;
  title: string;
  /** The state of the project when the paper was attached. */
  stage: ProposalState;
  attachedBy: string;
  attachedAt: InstantString;
  /** The idempotency key of the attach (`${openid}:${requestId}`). */
  requestKey: string;
}

export type ComplaintStatus = 'open' | 'answered';
export type ComplaintOutcome = 'upheld' | 'dismissed' | 'referred';

/** A complaint or suggestion 投诉建议: private to its author and the staff in scope. */
export interface ComplaintRecord extends Place {
  id: string;
  proposalId?: string;
  authorOpenid: string;
  text: string;
  status: ComplaintStatus;
  createdAt: InstantString;
  answer?: { text: string; outcome: ComplaintOutcome; by: string; answeredAt: InstantString };
}
