/**
 * What the lifecycle's table runs on: one command per action that moves a proposal, keyed by the
 * API action name, and the context of the day it runs in.
 */
import type {
  Acceptance,
  BudgetLine,
  ChangeKind,
  ChangeRecord,
  DateString,
  Exclusion,
  Policy,
  ProposalRecord,
  ProposalState,
  ReviewOutcome,
} from '../../types/domain';
import { yearOf, type WorkCalendar } from './calendar';
import type { DomainEvent } from './events';
import type { Failure } from './result';

export type Command =
  | { action: 'proposal.screen'; adopt: boolean; explanation?: string; exclusion?: Exclusion }
  | { action: 'proposal.draftReport'; reason: string; overview: string; plan: string; budgetLines: BudgetLine[] }
  | { action: 'council.publishAgenda'; meetingId: string; meetingOn: DateString }
  | { action: 'council.recordVote'; attendance: number; for: number; against: number; abstain: number }
  | { action: 'proposal.submitToStreet' }
  | { action: 'review.decide'; outcome: ReviewOutcome; reason?: string; approvedBudgetFen?: number; department?: string }
  | { action: 'publicity.publish' }
  | { action: 'implementation.assign'; implementer: string; assignedOn: DateString; tenderRef?: string }
  | { action: 'implementation.start'; startedOn: DateString }
  | {
      action: 'implementation.complete';
      completedOn: DateString;
      maintenanceUnit: string;
      maintenanceFunding: string;
      /** Issue 18 (acceptance): R-ACC-1, the acceptance held with the completion. */
      acceptance?: Acceptance;
    }
  | { action: 'evaluation.publish'; summary: string }
  | { action: 'audit.publish'; auditor: string; spentFen: number; report: string }
  /** `changeId` is the id the store gives the new change record. */
  | { action: 'change.request'; changeId: string; kind: ChangeKind; reason: string; newBudgetFen?: number; plan?: string; budgetLines?: BudgetLine[] }
  /** Applies the street's decision on the pending change (see `decideChange`). */
  | { action: 'change.apply'; change: ChangeRecord };

export type TransitionAction = Command['action'];
export type CommandOf<A extends TransitionAction> = Extract<Command, { action: A }>;

export interface TransitionContext {
  /** The Asia/Shanghai date of the request. */
  today: DateString;
  calendar: WorkCalendar;
  /** The district's policy of the year in question: see `policyYearOf`. */
  policy: Policy;
}

export type TransitionResult = { ok: true; record: ProposalRecord; events: DomainEvent[] } | Failure;

/** R-CHG-1: a budget may be adjusted after approval until completion (final accounts included). */
export const ADJUSTABLE_STATES: readonly ProposalState[] = ['approved', 'publicity', 'implementing', 'completed'];
/** R-CHG-1: a project may be withdrawn after approval until it is completed: done work cannot be undone. */
export const WITHDRAWABLE_STATES: readonly ProposalState[] = ['approved', 'publicity', 'implementing'];
/**
 * The states a pending change may find its project in when the street decides it: the project
 * moves on while the change waits (a change asked in `completed` may meet an `evaluated` or
 * `audited` project). A refusal is applied in any of them; an approval only where its kind is
 * still allowed.
 */
export const CHANGE_DECISION_STATES: readonly ProposalState[] = [...ADJUSTABLE_STATES, 'evaluated', 'audited'];

/** What the invalid_state message names. */
export const TRANSITION_LABELS: Readonly<Record<TransitionAction, string>> = {
  'proposal.screen': '筛选提议',
  'proposal.draftReport': '拟定申请报告',
  'council.publishAgenda': '发布议事公示',
  'council.recordVote': '录入议事会表决结果',
  'proposal.submitToStreet': '提交街道审核',
  'review.decide': '作出审核决定',
  'publicity.publish': '发布公示',
  'implementation.assign': '确定实施主体',
  'implementation.start': '登记开始实施',
  'implementation.complete': '登记完工',
  'evaluation.publish': '发布评价结果',
  'audit.publish': '发布审计结果',
  'change.request': '申请变更或撤销',
  'change.apply': '执行变更审核结果',
};

/** The year whose policy and ledger apply: the year the budget was approved, else the current year. */
export function policyYearOf(record: ProposalRecord, today: DateString): number {
  return record.budgetYear ?? yearOf(today);
}
