/**
 * The residents' council (R-COU-1, R-COU-2): when a meeting counts as held, and what follows for
 * the community — the day it must meet again and whether it is late. The stores only list the
 * meetings; which of them counts is decided here.
 */
import type { CouncilStatus } from '../../types/api';
import type { DateString } from '../../types/domain';
import { compareDates, type WorkCalendar } from './calendar';
import { councilDueOn, councilOverdue, earliestMeetingOn } from './deadlines';

/**
 * R-COU-1: a published meeting counts as held once its day has come and a vote of it is recorded
 * (an agenda for next week is not a meeting yet, nor is a day that passed with no vote). `agenda`
 * is the records of its proposals as they stand: a vote counts when it names this meeting.
 */
export function isMeetingHeld(
  meeting: { id: string; meetingOn: DateString },
  today: DateString,
  agenda: readonly { meetingId?: string; vote?: unknown }[],
): boolean {
  return compareDates(meeting.meetingOn, today) <= 0 && agenda.some((record) => record.meetingId === meeting.id && record.vote !== undefined);
}

/** R-COU-1: what oversight lists for a council that has not met within two months. */
export interface CouncilOverdueEntry {
  communityId: string;
  reason: 'council_overdue';
  lastMeetingOn: DateString;
  nextDueOn: DateString;
}

/** R-COU-1: the oversight entry of a community's council on `today`, or null when it is not late. */
export function councilOverdueEntry(communityId: string, lastMeetingOn: DateString | null, today: DateString, calendar: WorkCalendar): CouncilOverdueEntry | null {
  const status = councilStatus(communityId, lastMeetingOn, today, calendar);
  if (!status.overdue || !status.lastMeetingOn || !status.nextDueOn) return null;
  return { communityId, reason: 'council_overdue', lastMeetingOn: status.lastMeetingOn, nextDueOn: status.nextDueOn.on };
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
