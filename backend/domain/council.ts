/**
 * The residents' council (R-COU-1, R-COU-2): when a meeting counts as held, and what follows for
 * the community — the day it must meet again and whether it is late. The stores only list the
 * meetings; which of them counts is decided here.
 */
import type { CouncilStatus } from '../../types/api';
import type { DateString } from '../../types/domain';
import { compareDates, type WorkCalendar } from './calendar';
import { councilDueOn, councilOverdue, earliestMeetingOn } from './deadlines';

/** R-COU-1: a published meeting counts as held once its day has come (an agenda for next week is not a meeting yet). */
export function isMeetingHeld(meeting: { meetingOn: DateString }, today: DateString): boolean {
  return compareDates(meeting.meetingOn, today) <= 0;
}

/**
 * R-COU-1, R-COU-2: the council's status from the day of its last held meeting (null when it
 * never met: there is nothing to count from, so it is not flagged), on `today`.
 */
export function councilStatus(communityId: string, lastMeetingOn: DateString | null, today: DateString, calendar: WorkCalendar): CouncilStatus {
  return {
    communityId,
    lastMeetingOn,
    nextDueOn: lastMeetingOn ? councilDueOn(lastMeetingOn, calendar) : null,
    overdue: lastMeetingOn ? councilOverdue(lastMeetingOn, today, calendar) : false,
    earliestMeetingOn: earliestMeetingOn(today, calendar),
  };
}
