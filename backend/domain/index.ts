/**
 * The public API of the pure domain: no IO, no clock. Time and the holiday calendar arrive as
 * arguments. Named re-exports (not `export *`), so that the list below is the contract.
 */
export {
  addCalendarMonths,
  addDays,
  compareDates,
  dateOfDayNumber,
  dayNumberOf,
  daysBetween,
  daysInMonth,
  defaultCalendar,
  isDateString,
  loadWorkCalendar,
  partsOf,
  shanghaiDateOf,
  weekdayOf,
  WorkCalendar,
  yearOf,
} from './calendar';
export type { DateParts, DayInfo, HolidayData } from './calendar';

export { checklistOf, DOCUMENT_LABELS, missingDocuments } from './checklist';
export type { ChecklistItem, DocumentId } from './checklist';

export {
  AGENDA_NOTICE_WORKING_DAYS,
  completeDueOn,
  COUNCIL_INTERVAL_MONTHS,
  councilDueOn,
  councilOverdue,
  deadlinesOf,
  earliestMeetingOn,
  implementationDeadlines,
  implementationTimeLimit,
  OVERDUE_LABELS,
  overdueOf,
  PUBLICITY_WORKING_DAYS,
  publicityEndsOn,
  REVIEW_WORKING_DAYS,
  reviewDueOn,
  SERVICES_START_MONTHS,
  startDueOn,
  subsidyDueOn,
  WORKS_COMPLETE_MONTHS,
} from './deadlines';
export type { OverdueFlag, SubsidyDates } from './deadlines';

export type { DomainEvent, DomainEventDetail, DomainEventType, EventBase } from './events';

export {
  CATEGORIES,
  CATEGORY_LABELS,
  EXCLUSION_LABELS,
  EXCLUSIONS,
  isCategory,
  isSource,
  PROPOSAL_STATES,
  ROLE_LABELS,
  SOURCE_LABELS,
  SOURCES,
  STATE_LABELS,
} from './labels';

export {
  ADJUSTABLE_STATES,
  canComment,
  canRate,
  CHANGE_DECISION_STATES,
  decideChange,
  hasCommentsOpenToStaff,
  policyYearOf,
  readiness,
  submitProposal,
  transition,
  TRANSITION_LABELS,
  TRANSITIONS,
  WITHDRAWABLE_STATES,
} from './lifecycle';
export type {
  ChangeDecision,
  Command,
  CommandOf,
  Permit,
  SubmissionContext,
  SubmissionInput,
  SubmissionResult,
  TransitionAction,
  TransitionContext,
  TransitionResult,
} from './lifecycle';

export { feeWithinRatio, formatFen, isFen, parseYuan, reportTotals, sumFen } from './money';
export type { ReportTotals } from './money';

export { ACTIONS, allowedActions, authorize, can, RECORD_ACTIONS, targetOf } from './permissions';
export type { Action, RecordAction, Target } from './permissions';

export {
  checkAdjustment,
  checkAllocation,
  checkApproval,
  checkPolicy,
  CITY_MATCH_PER_COMMUNITY_FEN,
  cityMatch,
  defaultPolicy,
  emptyLedger,
  implementerSide,
  ledgerView,
  recordSpending,
  releaseApproval,
  remainingFen,
  tenderRequired,
} from './policy';

export { maskName, maskPhone, personNameFor, proposerNameFor } from './privacy';

export { fail, hasText, refusal, succeed } from './result';
export type { Failure, Refusal, Result } from './result';

export { grantCovers, holdsRole, isSignedIn, ROLE_RANK, STAFF_ROLES } from './scope';
export type { ScopeTarget } from './scope';
