import { councilOverdueEntry, councilStatus, isMeetingHeld } from '../../backend/domain/council';
import { defaultCalendar } from '../../backend/domain/calendar';

describe('R-COU-1: the residents\' council meets at least every two months', () => {
  type Agenda = { meetingId?: string; vote?: unknown }[];
  const voted: Agenda = [{ meetingId: 'm-1', vote: { attendance: 30 } }];
  test.each<[string, string, Agenda, boolean, string]>([
    ['2026-03-06', '2026-03-05', voted, false, 'the day before it'],
    ['2026-03-06', '2026-03-06', voted, true, 'on its day, with a vote recorded'],
    ['2026-03-06', '2026-05-07', voted, true, 'long after'],
    ['2026-03-06', '2026-03-09', [{ meetingId: 'm-1' }], false, 'its day came but no vote is recorded'],
    ['2026-03-06', '2026-03-09', [{ meetingId: 'm-0', vote: { attendance: 30 } }], false, 'the vote recorded is another meeting\'s'],
  ])('R-COU-1: a meeting on %s counts as held on %s: %#', (meetingOn, today, agenda, held, _why) => {
    expect(isMeetingHeld({ id: 'm-1', meetingOn }, today, agenda)).toBe(held);
  });

  it('R-COU-1: oversight lists a late council as { communityId, reason: council_overdue, lastMeetingOn, nextDueOn }', () => {
    expect(councilOverdueEntry('c-zhongying', '2026-03-06', '2026-05-07', defaultCalendar)).toEqual({
      communityId: 'c-zhongying',
      reason: 'council_overdue',
      lastMeetingOn: '2026-03-06',
      nextDueOn: '2026-05-06',
    });
    expect(councilOverdueEntry('c-zhongying', '2026-03-06', '2026-05-06', defaultCalendar)).toBeNull();
    expect(councilOverdueEntry('c-tianxin', null, '2026-05-06', defaultCalendar)).toBeNull();
  });

  it('R-COU-1: a community that never met is not flagged and has no due day; R-COU-2: its next agenda needs 3 working days', () => {
    expect(councilStatus('c-tianxin', null, '2026-03-02', defaultCalendar)).toEqual({
      communityId: 'c-tianxin',
      lastMeetingOn: null,
      nextDueOn: null,
      overdue: false,
      earliestMeetingOn: { on: '2026-03-06', provisional: false },
    });
  });

  test.each([
    ['2026-05-06', false],
    ['2026-05-07', true],
  ])('R-COU-1: after a meeting on Fri 6 Mar 2026 the council is due by Wed 6 May; on %s it is overdue: %p', (today, overdue) => {
    expect(councilStatus('c-zhongying', '2026-03-06', today, defaultCalendar)).toMatchObject({
      lastMeetingOn: '2026-03-06',
      nextDueOn: { on: '2026-05-06', provisional: false },
      overdue,
    });
  });
});
