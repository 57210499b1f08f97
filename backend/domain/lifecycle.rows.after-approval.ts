/**
 * The lifecycle's table, second half: from the publicity notice to the audit, and the changes
 * asked and decided on the way (R-PUB-1, R-IMP-1..4, R-CMP-1, R-EVA-1, R-AUD-1, R-CHG-1, R-PUB-3).
 */
import type { ChangeRecord } from '../../types/domain';
import { checkAcceptance } from './acceptance';
import { addDays, compareDates } from './calendar';
import { implementationDeadlines, implementationTimeLimit, publicityEndsOn, publicityWindowOf } from './deadlines';
import { compact, firstRefusal, requirePositiveFen, requireReportedDate, requireText } from './lifecycle.checks';
import { ADJUSTABLE_STATES, CHANGE_DECISION_STATES, WITHDRAWABLE_STATES } from './lifecycle.commands';
import { always, sameState, type TransitionRows } from './lifecycle.rows';
import { formatFen, isFen } from './money';
import { implementerSide, tenderRequired } from './policy';
import { hasText, refusal } from './result';
import { applyRevision, checkRevision, revisionOf } from './revision';

export const AFTER_APPROVAL: TransitionRows<
  | 'publicity.publish'
  | 'implementation.assign'
  | 'implementation.start'
  | 'implementation.complete'
  | 'evaluation.publish'
  | 'audit.publish'
  | 'change.request'
  | 'change.apply'
> = {
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
    ready: (record, { today, calendar }) => {
      const endsOn = publicityWindowOf(record, calendar).on;
      return compareDates(today, endsOn) <= 0
        ? refusal('too_early', `公示期至 ${endsOn} 结束，结束后方可确定实施主体`)
        : null;
    },
    guard: (record, command, { today, policy, calendar }) =>
      firstRefusal(
        requireText(command.implementer, 'implementer', '实施主体'),
        requireReportedDate(command.assignedOn, addDays(publicityWindowOf(record, calendar).on, 1), today, 'assignedOn', '实施主体确定日期'),
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
    // R-IMP-3: a services project records its start before it can complete, so the start deadline is met or visibly overdue.
    ready: (record) =>
      record.category === 'services' && record.implementation!.startedOn === undefined
        ? refusal('invalid_state', '服务类项目须先登记开始实施，方可登记完工')
        : null,
    guard: (record, command, { today }) => {
      const { startedOn, assignedOn } = record.implementation!;
      return firstRefusal(
        requireReportedDate(command.completedOn, startedOn ?? assignedOn, today, 'completedOn', '完工日期'),
        requireText(command.maintenanceUnit, 'maintenanceUnit', '后续管养单位'),
        requireText(command.maintenanceFunding, 'maintenanceFunding', '管养资金安排'),
        // Issue 18 (acceptance): R-ACC-1, an acceptance given with the completion is checked like one recorded alone.
        command.acceptance ? checkAcceptance(record, command.acceptance, today, 'acceptance') : null,
      );
    },
    effect: (record, { completedOn, maintenanceUnit, maintenanceFunding, acceptance }) => ({
      patch: {
        implementation: { ...record.implementation!, completedOn, maintenanceUnit, maintenanceFunding },
        ...(acceptance ? { acceptances: [...(record.acceptances ?? []), acceptance] } : {}),
      },
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
    guard: (record, command, { policy }) => {
      const missing = requireText(command.reason, 'reason', '变更理由');
      if (missing) return missing;
      if (command.kind === 'withdraw') {
        return WITHDRAWABLE_STATES.includes(record.state) ? null : refusal('invalid_state', '已完工的项目不能撤销');
      }
      // R-PUB-3 (issue 18): a revised plan and lines.
      if (command.kind === 'revise') return checkRevision(record, command, policy);
      const bad = requirePositiveFen(command.newBudgetFen, 'newBudgetFen', '调整后的预算');
      if (bad) return bad;
      return command.newBudgetFen === record.approvedBudgetFen
        ? refusal('invalid_input', '调整后的预算与现批复预算相同', 'newBudgetFen')
        : null;
    },
    effect: (record, command, { today }) => {
      const { changeId, kind, reason, newBudgetFen } = command;
      const change: ChangeRecord = compact({
        id: changeId,
        proposalId: record.id,
        kind,
        reason,
        newBudgetFen: kind === 'adjust' ? newBudgetFen : undefined,
        revision: kind === 'revise' ? revisionOf(record, command) : undefined,
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
      if (change.kind === 'revise') {
        // R-PUB-3 (issue 18): the redraft replaces the plan and lines; a new total is re-reserved like an adjustment.
        const { report, approvedBudgetFen } = applyRevision(record, change);
        if (approvedBudgetFen === undefined) return { patch: { ...patch, report }, event: { type: 'PlanRevised', change } };
        return { patch: { ...patch, report, approvedBudgetFen }, event: { type: 'BudgetAdjusted', change, fromFen, toFen: approvedBudgetFen, budgetYear } };
      }
      const toFen = change.newBudgetFen!;
      return {
        patch: { ...patch, approvedBudgetFen: toFen },
        event: { type: 'BudgetAdjusted', change, fromFen, toFen, budgetYear },
      };
    },
  },
};
