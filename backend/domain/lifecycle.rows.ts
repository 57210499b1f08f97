/**
 * The lifecycle's table, first half: from a new proposal to the street's decision (R-COL-2,
 * R-REP-1, R-REP-2, R-COU-2, R-COU-3, R-REV-1..3). Each row says from which states an action may
 * run, the state it leads to, when it is ready (conditions of the record and the day, which also
 * decide whether the action is offered at all), what the command must hold, and what it records.
 * The second half is lifecycle.rows.after-approval.ts; lifecycle.ts joins them and runs them.
 */
import type { ProposalRecord, ProposalState } from '../../types/domain';
import { compareDates, isDateString, yearOf } from './calendar';
import { AGENDA_NOTICE_WORKING_DAYS, earliestMeetingOn, reviewDueOn } from './deadlines';
import type { DomainEventDetail } from './events';
import { compact, firstRefusal, requireCount, requirePositiveFen, requireText, type Check } from './lifecycle.checks';
import type { Command, CommandOf, TransitionAction, TransitionContext } from './lifecycle.commands';
import { checkBudgetLines } from './budget-lines';
import { formatFen, reportTotals } from './money';
import { hasText, refusal } from './result';

export interface Effect {
  patch: Partial<ProposalRecord>;
  event: DomainEventDetail;
}

export interface TransitionRow<C extends Command> {
  from: readonly ProposalState[];
  to: ProposalState | ((record: ProposalRecord, command: C) => ProposalState);
  /** Conditions of the record and the day alone: decide whether the action is offered now. */
  ready: (record: ProposalRecord, context: TransitionContext) => Check;
  /** Conditions on what the command holds. */
  guard: (record: ProposalRecord, command: C, context: TransitionContext) => Check;
  effect: (record: ProposalRecord, command: C, context: TransitionContext) => Effect;
}

export type TransitionRows<A extends TransitionAction> = { [K in A]: TransitionRow<CommandOf<K>> };

export const always = (): Check => null;
export const sameState = (record: ProposalRecord): ProposalState => record.state;

export const BEFORE_APPROVAL: TransitionRows<
  'proposal.screen' | 'proposal.draftReport' | 'council.publishAgenda' | 'council.recordVote' | 'proposal.submitToStreet' | 'review.decide'
> = {
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
      return checkBudgetLines(record.category, command.budgetLines, policy);
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
    guard: (record, command) => {
      if (command.outcome === 'approved') {
        // The street approves at most what the application report asks for (less is allowed).
        const askedFen = reportTotals(record.report?.budgetLines ?? []).budgetFen;
        return firstRefusal(
          requirePositiveFen(command.approvedBudgetFen, 'approvedBudgetFen', '批复预算'),
          record.report && (command.approvedBudgetFen ?? 0) > askedFen
            ? refusal('invalid_input', `批复预算不得超过申请报告的预算合计 ${formatFen(askedFen)}`, 'approvedBudgetFen')
            : null,
        );
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
};
