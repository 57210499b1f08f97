/**
 * The lifecycle of a proposal (spec/rules.md): ONE transition table. Each row says from which
 * states an action may run, the state it leads to, when it is ready (conditions of the record and
 * the day, which also decide whether the action is offered at all), what the command must hold,
 * and what it records.
 *
 * `transition` is pure: it answers the next record and the events it produced, or a typed
 * refusal. The next record keeps the `version` it was given: the store writes it only if the
 * stored version still equals it, and bumps it in the same write (optimistic concurrency), so
 * one place owns the counter.
 */
import type { DateString, InstantString } from '../../types/api';
import type {
  Category,
  ChangeKind,
  ChangeRecord,
  BudgetLine,
  Exclusion,
  Place,
  Policy,
  ProposalRecord,
  ProposalState,
  ReviewOutcome,
  Source,
} from '../../types/domain';
import { addDays, compareDates, isDateString, yearOf, type WorkCalendar } from './calendar';
import {
  AGENDA_NOTICE_WORKING_DAYS,
  earliestMeetingOn,
  implementationDeadlines,
  implementationTimeLimit,
  publicityEndsOn,
  reviewDueOn,
} from './deadlines';
import type { DomainEvent, DomainEventDetail } from './events';
import { CATEGORY_LABELS, isCategory, isSource, SOURCE_LABELS, STATE_LABELS } from '../../common/glossary';
import { feeWithinRatio, formatFen, isFen, reportTotals } from './money';
import { implementerSide, tenderRequired } from './policy';
import { fail, hasText, refusal, type Failure, type Refusal, type Result } from './result';

// ---------------------------------------------------------------------------------------------
// Commands: one per action, keyed by the API action name.

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
  | { action: 'implementation.complete'; completedOn: DateString; maintenanceUnit: string; maintenanceFunding: string }
  | { action: 'evaluation.publish'; summary: string }
  | { action: 'audit.publish'; auditor: string; spentFen: number; report: string }
  /** `changeId` is the id the store gives the new change record. */
  | { action: 'change.request'; changeId: string; kind: ChangeKind; reason: string; newBudgetFen?: number }
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

// ---------------------------------------------------------------------------------------------
// Small checks the rows share.

type Check = Refusal | null;

const TITLE_MAX = 50;
const LOCATION_MAX = 100;
const DESCRIPTION_MAX = 2000;
const PHOTOS_MAX = 9;

function requireText(value: string | undefined, field: string, label: string): Check {
  return hasText(value) ? null : refusal('invalid_input', `请填写${label}`, field);
}

function requireLength(value: string, max: number, field: string, label: string): Check {
  return Array.from(value).length <= max ? null : refusal('invalid_input', `${label}不得超过 ${max} 个字`, field);
}

function requirePositiveFen(value: number | undefined, field: string, label: string): Check {
  return isFen(value) && value > 0 ? null : refusal('invalid_input', `${label}须为以分计的正整数`, field);
}

function requireCount(value: number, field: string, label: string): Check {
  return Number.isSafeInteger(value) && value >= 0 ? null : refusal('invalid_input', `${label}须为非负整数`, field);
}

/** A date a staff member reports, which must lie in `[notBefore, today]`. */
function requireReportedDate(
  value: DateString,
  notBefore: DateString,
  today: DateString,
  field: string,
  label: string,
): Check {
  if (!isDateString(value)) return refusal('invalid_input', `${label}须为 YYYY-MM-DD 格式的日期`, field);
  if (compareDates(value, notBefore) < 0) return refusal('invalid_input', `${label}不得早于 ${notBefore}`, field);
  if (compareDates(value, today) > 0) return refusal('invalid_input', `${label}不得晚于今天`, field);
  return null;
}

function firstRefusal(...checks: Check[]): Check {
  return checks.find((check) => check !== null) ?? null;
}

/** Drops the keys whose value is undefined, so that an absent field is absent, not `undefined`. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// The table.

interface Effect {
  patch: Partial<ProposalRecord>;
  event: DomainEventDetail;
}

interface TransitionRow<C extends Command> {
  from: readonly ProposalState[];
  to: ProposalState | ((record: ProposalRecord, command: C) => ProposalState);
  /** Conditions of the record and the day alone: decide whether the action is offered now. */
  ready: (record: ProposalRecord, context: TransitionContext) => Check;
  /** Conditions on what the command holds. */
  guard: (record: ProposalRecord, command: C, context: TransitionContext) => Check;
  effect: (record: ProposalRecord, command: C, context: TransitionContext) => Effect;
}

type TransitionTable = { [A in TransitionAction]: TransitionRow<CommandOf<A>> };

const always = (): Check => null;
const sameState = (record: ProposalRecord): ProposalState => record.state;

export const TRANSITIONS: TransitionTable = {
  // R-COL-2: screening; not adopting needs a written explanation, an excluded proposal is never adopted.
  'proposal.screen': {
    from: ['submitted'],
    to: (_record, command) => (command.adopt ? 'adopted' : 'not_adopted'),
    ready: always,
    guard: (_record, command) => {
      if (command.adopt && command.exclusion !== undefined) {
        return refusal('invalid_input', '属物业管理公司等主体职责或与政府投资项目重复的提议不得采纳', 'exclusion');
      }
      return command.adopt ? null : requireText(command.explanation, 'explanation', '未采纳的解释说明');
    },
    effect: (_record, { adopt, explanation, exclusion }, { today }) => ({
      patch: { screening: compact({ adopt, explanation, exclusion, decidedOn: today }) },
      event: adopt
        ? { type: 'ProposalAdopted' }
        : compact({ type: 'ProposalNotAdopted' as const, explanation: explanation!, exclusion }),
    }),
  },

  // R-REP-1, R-REP-2: the application report; redrafted until the agenda is published.
  'proposal.draftReport': {
    from: ['adopted', 'drafted'],
    to: 'drafted',
    ready: always,
    guard: (record, command, { policy }) => {
      const missing = firstRefusal(
        requireText(command.reason, 'reason', '申请理由'),
        requireText(command.overview, 'overview', '项目概述'),
        requireText(command.plan, 'plan', '实施方案'),
      );
      if (missing) return missing;
      if (command.budgetLines.length === 0) return refusal('invalid_input', '请填写经费预算', 'budgetLines');
      for (const [index, line] of command.budgetLines.entries()) {
        const bad = firstRefusal(
          requireText(line.item, `budgetLines.${index}.item`, '预算项目名称'),
          requirePositiveFen(line.amountFen, `budgetLines.${index}.amountFen`, '预算金额'),
        );
        if (bad) return bad;
        // Also keeps the sum below 2^53: no single line may pass the year's quota.
        if (line.amountFen > policy.quotaFen) {
          return refusal('budget_exceeded', `单项预算不得超过年度额度 ${formatFen(policy.quotaFen)}`, `budgetLines.${index}.amountFen`);
        }
      }
      const { budgetFen, feeFen } = reportTotals(command.budgetLines);
      if (budgetFen > policy.quotaFen) {
        return refusal('budget_exceeded', `预算总额不得超过年度额度 ${formatFen(policy.quotaFen)}`, 'budgetLines');
      }
      if (record.category === 'services' && !feeWithinRatio(feeFen, budgetFen, policy.feeRatioPercent)) {
        return refusal(
          'fee_ratio_exceeded',
          `服务管理费 ${formatFen(feeFen)} 超过预算总额 ${formatFen(budgetFen)} 的 ${policy.feeRatioPercent}%`,
          'budgetLines',
        );
      }
      return null;
    },
    effect: (_record, { reason, overview, plan, budgetLines }) => {
      const totals = reportTotals(budgetLines);
      return {
        patch: { report: { reason, overview, plan, budgetLines: budgetLines.map((line) => ({ ...line })), ...totals } },
        event: { type: 'ReportDrafted', ...totals },
      };
    },
  },

  // R-COU-2: the agenda is published at least 3 working days before the council meets.
  'council.publishAgenda': {
    from: ['drafted'],
    to: 'agenda_published',
    ready: always,
    guard: (_record, { meetingId, meetingOn }, { today, calendar }) => {
      if (!hasText(meetingId)) return refusal('invalid_input', '请选择议事会会议', 'meetingId');
      if (!isDateString(meetingOn)) return refusal('invalid_input', '会议日期须为 YYYY-MM-DD 格式', 'meetingOn');
      const earliest = earliestMeetingOn(today, calendar);
      if (compareDates(meetingOn, earliest.on) < 0) {
        return refusal('too_early', `议事公示须在会议召开前至少 ${AGENDA_NOTICE_WORKING_DAYS} 个工作日发布，会议最早可定于 ${earliest.on}`, 'meetingOn');
      }
      return null;
    },
    effect: (_record, { meetingId, meetingOn }) => ({
      patch: { meetingId, meetingOn },
      event: { type: 'AgendaPublished', meetingId, meetingOn },
    }),
  },

  // R-COU-3: the council's vote, on or after the meeting day; passes with more than half of attendance.
  'council.recordVote': {
    from: ['agenda_published'],
    to: (_record, command) => (command.for * 2 > command.attendance ? 'council_passed' : 'council_rejected'),
    ready: (record, { today }) =>
      compareDates(today, record.meetingOn!) < 0
        ? refusal('too_early', `议事会于 ${record.meetingOn} 召开，当日起方可录入表决结果`)
        : null,
    guard: (_record, command) => {
      const bad = firstRefusal(
        requireCount(command.attendance, 'attendance', '出席人数'),
        requireCount(command.for, 'for', '赞成票数'),
        requireCount(command.against, 'against', '反对票数'),
        requireCount(command.abstain, 'abstain', '弃权票数'),
      );
      if (bad) return bad;
      if (command.attendance === 0) return refusal('invalid_input', '出席人数须大于 0', 'attendance');
      if (command.for + command.against + command.abstain > command.attendance) {
        return refusal('invalid_input', '赞成、反对、弃权票数之和不得超过出席人数', 'attendance');
      }
      return null;
    },
    effect: (_record, command, { today }) => {
      const vote = {
        attendance: command.attendance,
        for: command.for,
        against: command.against,
        abstain: command.abstain,
        recordedOn: today,
      };
      return {
        patch: { vote },
        event: { type: command.for * 2 > command.attendance ? 'CouncilPassed' : 'CouncilRejected', vote },
      };
    },
  },

  // R-REV-1: the street must decide within 15 working days of receipt.
  'proposal.submitToStreet': {
    from: ['council_passed'],
    to: 'street_review',
    ready: always,
    guard: always,
    effect: (_record, _command, { today, calendar }) => ({
      patch: { submittedToStreetOn: today },
      event: { type: 'SubmittedToStreet', reviewDueOn: reviewDueOn(today, calendar) },
    }),
  },

  // R-REV-1..3: approve with a budget, reject with a published reason, or transfer to a department.
  'review.decide': {
    from: ['street_review'],
    to: (_record, command) => command.outcome,
    ready: always,
    guard: (_record, command) => {
      if (command.outcome === 'approved') {
        return requirePositiveFen(command.approvedBudgetFen, 'approvedBudgetFen', '批复预算');
      }
      return firstRefusal(
        requireText(command.reason, 'reason', '审核意见（原因）'),
        command.outcome === 'transferred' ? requireText(command.department, 'department', '承接的职能部门') : null,
      );
    },
    effect: (_record, { outcome, reason, approvedBudgetFen, department }, { today }) => {
      if (outcome === 'approved') {
        const budgetYear = yearOf(today);
        return {
          patch: { review: compact({ outcome, reason, decidedOn: today }), approvedBudgetFen, budgetYear },
          event: { type: 'ProposalApproved', approvedBudgetFen: approvedBudgetFen!, budgetYear },
        };
      }
      if (outcome === 'rejected') {
        return {
          patch: { review: { outcome, reason, decidedOn: today } },
          event: { type: 'ProposalRejected', reason: reason! },
        };
      }
      return {
        patch: { review: { outcome, reason, department, decidedOn: today } },
        event: { type: 'ProposalTransferred', department: department!, reason: reason! },
      };
    },
  },

  // R-PUB-1: the publicity notice stands for 3 working days.
  'publicity.publish': {
    from: ['approved'],
    to: 'publicity',
    ready: always,
    guard: always,
    effect: (record, _command, { today, calendar }) => {
      const endsOn = publicityEndsOn(today, calendar);
      const publicity = { publishedOn: today, endsOn, timeLimit: implementationTimeLimit(record.category) };
      return { patch: { publicity }, event: { type: 'PublicityPublished', endsOn } };
    },
  },

  // R-IMP-1, R-IMP-2: only after the publicity window; the side by threshold; a tender at the tender threshold.
  'implementation.assign': {
    from: ['publicity'],
    to: 'implementing',
    ready: (record, { today }) => {
      const endsOn = record.publicity!.endsOn.on;
      return compareDates(today, endsOn) <= 0
        ? refusal('too_early', `公示期至 ${endsOn} 结束，结束后方可确定实施主体`)
        : null;
    },
    guard: (record, command, { today, policy }) =>
      firstRefusal(
        requireText(command.implementer, 'implementer', '实施主体'),
        requireReportedDate(command.assignedOn, addDays(record.publicity!.endsOn.on, 1), today, 'assignedOn', '实施主体确定日期'),
        tenderRequired(policy, record.approvedBudgetFen!) && !hasText(command.tenderRef)
          ? refusal('invalid_input', `预算达到招标限额 ${formatFen(policy.tenderThresholdFen)}，须登记招标记录`, 'tenderRef')
          : null,
      ),
    effect: (record, { implementer, assignedOn, tenderRef }, { calendar, policy }) => {
      const side = implementerSide(policy, record.category, record.approvedBudgetFen!);
      return {
        patch: { implementation: compact({ implementer, side, assignedOn, tenderRef }) },
        event: {
          type: 'ImplementerAssigned',
          implementer,
          side,
          deadlines: implementationDeadlines(record.category, assignedOn, calendar),
        },
      };
    },
  },

  // R-IMP-3: the day the implementation started (services must start within 1 month).
  'implementation.start': {
    from: ['implementing'],
    to: 'implementing',
    ready: (record) => (record.implementation!.startedOn === undefined ? null : refusal('invalid_state', '已登记开始实施')),
    guard: (record, { startedOn }, { today }) =>
      requireReportedDate(startedOn, record.implementation!.assignedOn, today, 'startedOn', '开始实施日期'),
    effect: (record, { startedOn }) => ({
      patch: { implementation: { ...record.implementation!, startedOn } },
      event: { type: 'ImplementationStarted', startedOn },
    }),
  },

  // R-CMP-1, R-IMP-4: completion records the maintenance unit and its funding; ratings open.
  'implementation.complete': {
    from: ['implementing'],
    to: 'completed',
    ready: always,
    guard: (record, command, { today }) => {
      const { startedOn, assignedOn } = record.implementation!;
      return firstRefusal(
        requireReportedDate(command.completedOn, startedOn ?? assignedOn, today, 'completedOn', '完工日期'),
        requireText(command.maintenanceUnit, 'maintenanceUnit', '后续管养单位'),
        requireText(command.maintenanceFunding, 'maintenanceFunding', '管养资金安排'),
      );
    },
    effect: (record, { completedOn, maintenanceUnit, maintenanceFunding }) => ({
      patch: { implementation: { ...record.implementation!, completedOn, maintenanceUnit, maintenanceFunding } },
      event: { type: 'ProjectCompleted', completedOn, maintenanceUnit },
    }),
  },

  // R-EVA-1: the community publishes the evaluation; ratings close.
  'evaluation.publish': {
    from: ['completed'],
    to: 'evaluated',
    ready: always,
    guard: (_record, { summary }) => requireText(summary, 'summary', '评价结果'),
    effect: (_record, { summary }, { today }) => ({
      patch: { evaluation: { summary, publishedOn: today } },
      event: { type: 'EvaluationPublished' },
    }),
  },

  // R-AUD-1: the audit and the spending against the budget are published.
  'audit.publish': {
    from: ['evaluated'],
    to: 'audited',
    ready: always,
    guard: (_record, command) =>
      firstRefusal(
        requireText(command.auditor, 'auditor', '审计机构'),
        isFen(command.spentFen) ? null : refusal('invalid_input', '实际支出须为以分计的非负整数', 'spentFen'),
        requireText(command.report, 'report', '审计结果'),
      ),
    effect: (record, { auditor, spentFen, report }, { today }) => ({
      patch: { audit: { auditor, spentFen, report, publishedOn: today } },
      event: { type: 'AuditPublished', spentFen, budgetYear: record.budgetYear! },
    }),
  },

  // R-CHG-1, R-PUB-3: a change or withdrawal after approval goes to the street, one at a time.
  'change.request': {
    from: ADJUSTABLE_STATES,
    to: sameState,
    ready: (record) => (record.pendingChangeId === undefined ? null : refusal('invalid_state', '已有待街道审核的变更申请')),
    guard: (record, command) => {
      const missing = requireText(command.reason, 'reason', '变更理由');
      if (missing) return missing;
      if (command.kind === 'withdraw') {
        return WITHDRAWABLE_STATES.includes(record.state) ? null : refusal('invalid_state', '已完工的项目不能撤销');
      }
      const bad = requirePositiveFen(command.newBudgetFen, 'newBudgetFen', '调整后的预算');
      if (bad) return bad;
      return command.newBudgetFen === record.approvedBudgetFen
        ? refusal('invalid_input', '调整后的预算与现批复预算相同', 'newBudgetFen')
        : null;
    },
    effect: (record, { changeId, kind, reason, newBudgetFen }, { today }) => {
      const change: ChangeRecord = compact({
        id: changeId,
        proposalId: record.id,
        kind,
        reason,
        newBudgetFen: kind === 'adjust' ? newBudgetFen : undefined,
        state: 'pending' as const,
        requestedOn: today,
      });
      return { patch: { pendingChangeId: changeId }, event: { type: 'ChangeRequested', change } };
    },
  },

  // R-CHG-1: the street's decision: an approved withdrawal ends the project, an adjustment sets the budget.
  'change.apply': {
    from: CHANGE_DECISION_STATES,
    to: (record, { change }) => (change.state === 'approved' && change.kind === 'withdraw' ? 'withdrawn' : record.state),
    ready: always,
    guard: (record, { change }) => {
      if (change.proposalId !== record.id || change.id !== record.pendingChangeId) {
        return refusal('invalid_state', '该变更申请不是本项目待审核的变更');
      }
      if (change.state === 'pending') return refusal('invalid_state', '变更申请尚待街道审核');
      if (change.state === 'refused') return null;
      if (change.kind === 'withdraw') {
        return WITHDRAWABLE_STATES.includes(record.state) ? null : refusal('invalid_state', '已完工的项目不能撤销');
      }
      return ADJUSTABLE_STATES.includes(record.state) ? null : refusal('invalid_state', '项目已评价，不能再调整预算');
    },
    effect: (record, { change }) => {
      const patch = { pendingChangeId: undefined };
      if (change.state === 'refused') return { patch, event: { type: 'ChangeRefused', change } };
      const budgetYear = record.budgetYear!;
      const fromFen = record.approvedBudgetFen!;
      if (change.kind === 'withdraw') {
        return { patch, event: { type: 'ProposalWithdrawn', change, releasedFen: fromFen, budgetYear } };
      }
      const toFen = change.newBudgetFen!;
      return {
        patch: { ...patch, approvedBudgetFen: toFen },
        event: { type: 'BudgetAdjusted', change, fromFen, toFen, budgetYear },
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Running the table.

function rowOf<A extends TransitionAction>(action: A): TransitionRow<CommandOf<A>> {
  return TRANSITIONS[action] as TransitionRow<CommandOf<A>>;
}

function stateRefusal(record: ProposalRecord, action: TransitionAction): Refusal {
  return refusal('invalid_state', `项目当前为「${STATE_LABELS[record.state]}」，不能${TRANSITION_LABELS[action]}`);
}

/**
 * Whether the action may run on the record today, before looking at what a command would hold:
 * the state allows it and the record and the day are ready (a meeting day reached, a window
 * ended). `allowedActions` offers an action only when this answers null.
 */
export function readiness(record: ProposalRecord, action: TransitionAction, context: TransitionContext): Refusal | null {
  const row = rowOf(action);
  return row.from.includes(record.state) ? row.ready(record, context) : stateRefusal(record, action);
}

/** Runs one command through the table: the next record and its events, or a typed refusal. */
export function transition(record: ProposalRecord, command: Command, context: TransitionContext): TransitionResult {
  const row = rowOf(command.action) as TransitionRow<Command>;
  const refused = readiness(record, command.action, context) ?? row.guard(record, command, context);
  if (refused) return { ok: false, error: refused };
  const to = typeof row.to === 'function' ? row.to(record, command) : row.to;
  const { patch, event } = row.effect(record, command, context);
  const next = compact({ ...record, ...patch, state: to });
  const base = { proposalId: record.id, communityId: record.communityId, from: record.state, to, on: context.today };
  return { ok: true, record: next, events: [{ ...base, ...event }] };
}

// ---------------------------------------------------------------------------------------------
// Guards for actions that do not move a proposal.

export type Permit = { ok: true } | Failure;

const PERMITTED: Permit = { ok: true };

/** R-PUB-2: residents comment while the publicity window is open, until 24:00 of its last day. */
export function canComment(record: ProposalRecord, today: DateString): Permit {
  if (record.state !== 'publicity') return fail('window_closed', '项目不在公示期，不能发表意见');
  const endsOn = record.publicity!.endsOn.on;
  return compareDates(today, endsOn) <= 0 ? PERMITTED : fail('window_closed', `公示期已于 ${endsOn} 结束，不能再发表意见`);
}

/** R-EVA-1: ratings are open from completion until the evaluation is published. */
export function canRate(record: ProposalRecord): Permit {
  return record.state === 'completed' ? PERMITTED : fail('window_closed', '项目完工后、评价结果发布前方可评价');
}

/** R-PUB-2, R-PUB-3: comments exist from publicity on; the community answers and moderates them. */
export function hasCommentsOpenToStaff(record: ProposalRecord): boolean {
  return record.publicity !== undefined;
}

export interface ChangeDecision {
  approve: boolean;
  reason: string;
}

/** R-CHG-1: the street decides a pending change with a reason. Apply it with `change.apply`. */
export function decideChange(change: ChangeRecord, decision: ChangeDecision, today: DateString): Result<ChangeRecord> {
  if (change.state !== 'pending') return fail('invalid_state', '该变更申请已审核');
  if (!hasText(decision.reason)) return fail('invalid_input', '请填写审核意见', 'reason');
  return {
    ok: true,
    value: { ...change, state: decision.approve ? 'approved' : 'refused', decisionReason: decision.reason, decidedOn: today },
  };
}

// ---------------------------------------------------------------------------------------------
// A new proposal.

export interface SubmissionInput {
  title: string;
  /** R-CAT-1; checked here too, because it arrives from a form. */
  category: string;
  location: string;
  description: string;
  /** R-SRC-1 */
  source: string;
  libraryEntryId?: string;
  photos?: string[];
}

export interface SubmissionContext {
  /** The id and the instant the store gives the new record. */
  id: string;
  createdAt: InstantString;
  today: DateString;
  place: Place;
  proposer: { openid: string; name: string };
  /** A resident proposes as a resident; a community worker also records proposals of others. */
  submitter: 'resident' | 'community';
}

export type SubmissionResult = { ok: true; record: ProposalRecord; events: DomainEvent[] } | Failure;

/** The sources a resident may give: their own suggestion, or a pick from the project library. */
const RESIDENT_SOURCES: readonly Source[] = ['resident', 'library'];

function checkSubmission(input: SubmissionInput, submitter: SubmissionContext['submitter']): Check {
  const photos = input.photos ?? [];
  return firstRefusal(
    requireText(input.title, 'title', '标题'),
    requireLength(input.title, TITLE_MAX, 'title', '标题'),
    isCategory(input.category)
      ? null
      : refusal('invalid_input', `类别须为${Object.values(CATEGORY_LABELS).join('、')}之一`, 'category'),
    requireText(input.location, 'location', '地点'),
    requireLength(input.location, LOCATION_MAX, 'location', '地点'),
    requireText(input.description, 'description', '需求描述'),
    requireLength(input.description, DESCRIPTION_MAX, 'description', '需求描述'),
    isSource(input.source)
      ? null
      : refusal('invalid_input', `来源须为${Object.values(SOURCE_LABELS).join('、')}之一`, 'source'),
    submitter === 'resident' && !(RESIDENT_SOURCES as string[]).includes(input.source)
      ? refusal('invalid_input', '居民提议的来源须为居民意见建议或项目库', 'source')
      : null,
    input.source === 'library'
      ? requireText(input.libraryEntryId, 'libraryEntryId', '项目库条目')
      : input.libraryEntryId === undefined
        ? null
        : refusal('invalid_input', '只有来源为项目库的提议可关联项目库条目', 'libraryEntryId'),
    photos.length <= PHOTOS_MAX ? null : refusal('invalid_input', `照片不得超过 ${PHOTOS_MAX} 张`, 'photos'),
  );
}

/**
 * R-COL-1, R-SRC-1, R-SUP-3: a proposal arrives at any time, with its source recorded. A new
 * record starts at version 1; the store inserts it under its `id`.
 */
export function submitProposal(input: SubmissionInput, context: SubmissionContext): SubmissionResult {
  const refused = checkSubmission(input, context.submitter);
  if (refused) return { ok: false, error: refused };
  const record: ProposalRecord = compact({
    id: context.id,
    ...context.place,
    state: 'submitted' as const,
    title: input.title,
    category: input.category as Category,
    location: input.location,
    description: input.description,
    source: input.source as Source,
    libraryEntryId: input.libraryEntryId,
    photos: [...(input.photos ?? [])],
    proposerOpenid: context.proposer.openid,
    proposerName: context.proposer.name,
    createdAt: context.createdAt,
    version: 1,
  });
  const event: DomainEvent = {
    type: 'ProposalSubmitted',
    proposalId: record.id,
    communityId: record.communityId,
    from: null,
    to: 'submitted',
    on: context.today,
  };
  return { ok: true, record, events: [event] };
}
