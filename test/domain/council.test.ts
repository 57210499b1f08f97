import { councilStatus, isMeetingHeld } from '../../backend/domain/council';
import { defaultCalendar } from '../../backend/domain/calendar';

describe('R-COU-1: the residents\' council meets at least every two months', () => {
  test.each([
    ['2026-03-06', '2026-03-05', false, 'the day before it'],
    ['2026-03-06', '2026-03-06', true, 'on its day'],
    ['2026-03-06', '2026-05-07', true, 'long after'],
  ])('R-COU-1: a meeting on %s counts as held on %s: %p (%s)', (meetingOn, today, held) => {
    expect(isMeetingHeld({ meetingOn }, today)).toBe(held);
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
