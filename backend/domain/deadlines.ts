/**
 * The deadlines of the guideline, counted per R-TIME-2 on the working-day calendar. A deadline
 * that passes is never a block: it is flagged as overdue (`overdueOf`).
 */
import type { DateString } from '../../types/api';
import type { Category, Deadline, DeadlineName, Deadlines, ProposalRecord } from '../../types/domain';
import { addDays, compareDates, defaultCalendar, type WorkCalendar } from './calendar';

/** R-REV-1: the street decides within 15 working days of receipt. */
export const REVIEW_WORKING_DAYS = 15;
/** R-PUB-1: the publicity notice stands for 3 working days. */
export const PUBLICITY_WORKING_DAYS = 3;
/** R-COU-2: the agenda is published at least 3 working days before the council meets. */
export const AGENDA_NOTICE_WORKING_DAYS = 3;
/** R-COU-1: the council meets at least every two months. */
export const COUNCIL_INTERVAL_MONTHS = 2;
/** R-IMP-3: a services project starts within 1 month of the implementer being set. */
export const SERVICES_START_MONTHS = 1;
/** R-IMP-4: a works or goods project is finished within 6 months of the implementer being set. */
export const WORKS_COMPLETE_MONTHS = 6;

/** R-REV-1: the last day of the street's review. */
export function reviewDueOn(submittedOn: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  return calendar.addWorkingDays(submittedOn, REVIEW_WORKING_DAYS);
}

/** R-PUB-1: the last day of the publicity window (comments are open until 24:00 that day). */
export function publicityEndsOn(publishedOn: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  return calendar.addWorkingDays(publishedOn, PUBLICITY_WORKING_DAYS);
}

/**
 * R-PUB-1, R-TIME-3: the publicity window of a record as it stands: as published — a later update
 * of the holiday data does not move a notice that stood — unless it was provisional (a year the
 * calendar did not know), which is recomputed once the calendar knows that year.
 */
export function publicityWindowOf(record: Pick<ProposalRecord, 'publicity'>, calendar: WorkCalendar = defaultCalendar): Deadline {
  const { publishedOn, endsOn } = record.publicity!;
  return endsOn.provisional ? publicityEndsOn(publishedOn, calendar) : endsOn;
}

/** R-PUB-2: the window is open until 24:00 (Asia/Shanghai) of its last day, and closed from the next day on. */
export function isPublicityOpen(record: Pick<ProposalRecord, 'publicity'>, today: DateString, calendar: WorkCalendar = defaultCalendar): boolean {
  return record.publicity !== undefined && compareDates(today, publicityWindowOf(record, calendar).on) <= 0;
}

/**
 * R-COU-2: the earliest day a council may meet when its agenda is published `today`: the day
 * after the 3rd working day after today, so that 3 full working days of notice lie between.
 */
export function earliestMeetingOn(today: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  const noticeEnds = calendar.addWorkingDays(today, AGENDA_NOTICE_WORKING_DAYS);
  return { on: addDays(noticeEnds.on, 1), provisional: noticeEnds.provisional };
}

/** R-COU-1: the last day of the next council meeting after one held on `lastMeetingOn`. */
export function councilDueOn(lastMeetingOn: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  return calendar.addMonths(lastMeetingOn, COUNCIL_INTERVAL_MONTHS);
}

/** R-COU-1: a community whose last council meeting is older than two months is flagged. */
export function councilOverdue(
  lastMeetingOn: DateString,
  today: DateString,
  calendar: WorkCalendar = defaultCalendar,
): boolean {
  return compareDates(today, councilDueOn(lastMeetingOn, calendar).on) > 0;
}

/**
 * R-PUB-1: the time limit a publicity notice announces, in words: the periods of R-IMP-3 (services
 * start within 1 month) and R-IMP-4 (works and goods finished within 6 months), counted from the
 * day the implementer is set.
 */
export function implementationTimeLimit(category: Category): string {
  return category === 'services'
    ? `确定实施主体之日起 ${SERVICES_START_MONTHS} 个月内开展服务`
    : `确定实施主体之日起 ${WORKS_COMPLETE_MONTHS} 个月内完成`;
}

/** R-IMP-3: a services project must start by this day. */
export function startDueOn(assignedOn: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  return calendar.addMonths(assignedOn, SERVICES_START_MONTHS);
}

/** R-IMP-4: a works or goods project must be finished by this day. */
export function completeDueOn(assignedOn: DateString, calendar: WorkCalendar = defaultCalendar): Deadline {
  return calendar.addMonths(assignedOn, WORKS_COMPLETE_MONTHS);
}

/** R-IMP-3, R-IMP-4: the deadline that the implementer's assignment starts, by category. */
export function implementationDeadlines(
  category: Category,
  assignedOn: DateString,
  calendar: WorkCalendar = defaultCalendar,
): Deadlines {
  return category === 'services'
    ? { startDueOn: startDueOn(assignedOn, calendar) }
    : { completeDueOn: completeDueOn(assignedOn, calendar) };
}

export interface SubsidyDates {
  /** The district's application for the city subsidy is due by this day. */
  dueOn: Deadline;
  /** Where the district truly could not apply in the year, the late application is due by this day. */
  lateDueOn: Deadline;
}

/**
 * R-FUN-3, R-TIME-2, R-TIME-3: the subsidy application of `year` is due 30 November, late 30
 * January of the next year. Like every deadline, a fixed date that falls on a rest day or holiday
 * moves to the next working day (民法典 art. 203), and is provisional while the calendar does not
 * know the year it falls in.
 */
export function subsidyDueOn(year: number, calendar: WorkCalendar = defaultCalendar): SubsidyDates {
  return {
    dueOn: calendar.onOrAfterWorkingDay(`${year}-11-30`),
    lateDueOn: calendar.onOrAfterWorkingDay(`${year + 1}-01-30`),
  };
}

/**
 * The deadlines that currently run for a proposal, for `deadlines` of the API: the review while
 * the street reviews, the publicity window while it stands, the start (services, until started)
 * or the completion (works, goods) while implementing. A met deadline no longer runs.
 */
export function deadlinesOf(record: ProposalRecord, calendar: WorkCalendar = defaultCalendar): Deadlines {
  switch (record.state) {
    case 'street_review':
      return { reviewDueOn: reviewDueOn(record.submittedToStreetOn!, calendar) };
    case 'publicity':
      return { publicityEndsOn: publicityWindowOf(record, calendar) };
    case 'implementing': {
      const { assignedOn, startedOn } = record.implementation!;
      if (record.category !== 'services') return { completeDueOn: completeDueOn(assignedOn, calendar) };
      return startedOn === undefined ? { startDueOn: startDueOn(assignedOn, calendar) } : {};
    }
    default:
      return {};
  }
}

/** What an overdue flag says, for oversight lists. */
export const OVERDUE_LABELS: Readonly<Record<Exclude<DeadlineName, 'publicityEndsOn'>, string>> = {
  reviewDueOn: '街道审核逾期',
  startDueOn: '服务类项目逾期未开展',
  completeDueOn: '项目逾期未完工',
};

export interface OverdueFlag {
  name: Exclude<DeadlineName, 'publicityEndsOn'>;
  due: Deadline;
  label: string;
}

/**
 * R-REV-1, R-IMP-3, R-IMP-4: the running deadlines that `today` has passed. The end of the
 * publicity window is a window, not a duty, so it is never overdue. A flag, never a block.
 */
export function overdueOf(record: ProposalRecord, today: DateString, calendar: WorkCalendar = defaultCalendar): OverdueFlag[] {
  const { publicityEndsOn: _window, ...duties } = deadlinesOf(record, calendar);
  return (Object.keys(duties) as OverdueFlag['name'][])
    .filter((name) => compareDates(today, duties[name]!.on) > 0)
    .map((name) => ({ name, due: duties[name]!, label: OVERDUE_LABELS[name] }));
}
