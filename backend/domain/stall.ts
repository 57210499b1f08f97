/**
 * Stalled projects (R-SUP-1, issue 18): a project that waits too long between steps no deadline
 * of the guideline covers — approved but publicity not begun, completed but not evaluated,
 * evaluated but not audited — within the district's `stallWorkingDays` (default 20) working
 * days. Like every deadline it is a flag on the overdue lists, never a block.
 */
import type { DateString, Deadline, Policy, ProposalRecord } from '../../types/domain';
import { compareDates, defaultCalendar, type WorkCalendar } from './calendar';

export const DEFAULT_STALL_WORKING_DAYS = 20;
/** The fewest and most working days a district may set. */
export const MIN_STALL_WORKING_DAYS = 1;
export const MAX_STALL_WORKING_DAYS = 250;

export type StallReason = 'stalled_publicity' | 'stalled_evaluation' | 'stalled_audit';

export const STALL_LABELS: Readonly<Record<StallReason, string>> = {
  stalled_publicity: '批复后逾期未公示',
  stalled_evaluation: '完工后逾期未评价',
  stalled_audit: '评价后逾期未审计',
};

export interface StallClock {
  reason: StallReason;
  /** The day the wait began: the approval, the completion or the evaluation. */
  since: DateString;
  /** The last day of the wait; stalled from the day after. */
  dueOn: Deadline;
}

/** The policy's number of working days, or the default when the district set none. */
export function stallWorkingDaysOf(policy: Policy): number {
  return policy.stallWorkingDays ?? DEFAULT_STALL_WORKING_DAYS;
}

function waitOf(record: ProposalRecord): { reason: StallReason; since: DateString | undefined } | null {
  switch (record.state) {
    case 'approved':
      return { reason: 'stalled_publicity', since: record.review?.decidedOn };
    case 'completed':
      return { reason: 'stalled_evaluation', since: record.implementation?.completedOn };
    case 'evaluated':
      return { reason: 'stalled_audit', since: record.evaluation?.publishedOn };
    default:
      return null;
  }
}

/** The wait that runs for a record in its state, with its last day; null when none runs. */
export function stallClockOf(record: ProposalRecord, policy: Policy, calendar: WorkCalendar = defaultCalendar): StallClock | null {
  const wait = waitOf(record);
  if (!wait || wait.since === undefined) return null;
  return { reason: wait.reason, since: wait.since, dueOn: calendar.addWorkingDays(wait.since, stallWorkingDaysOf(policy)) };
}

/**
 * The day the overdue lists start to look at a waiting record: the end of the shortest wait any
 * policy may set, so that a district that shortens its wait later finds its records already
 * indexed (the lists judge each candidate by the policy in force with `stalledOf`).
 */
export function stallIndexOn(record: ProposalRecord, calendar: WorkCalendar = defaultCalendar): DateString | null {
  const wait = waitOf(record);
  if (!wait || wait.since === undefined) return null;
  return calendar.addWorkingDays(wait.since, MIN_STALL_WORKING_DAYS).on;
}

/** The wait `today` has passed, or null: a stalled project is on the overdue lists. */
export function stalledOf(record: ProposalRecord, today: DateString, policy: Policy, calendar: WorkCalendar = defaultCalendar): StallClock | null {
  const clock = stallClockOf(record, policy, calendar);
  return clock && compareDates(today, clock.dueOn.on) > 0 ? clock : null;
}
