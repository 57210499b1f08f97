import { advance, bringTo, createApp, dataOf, expectRefused, START } from '../support/app-harness';

describe('council.status', () => {
  it('R-COU-1: a community whose council never met is not flagged and has no due day', async () => {
    const app = createApp();
    expect(dataOf(await app.call(null, START, 'council.status', { communityId: 'c-tianxin' }))).toEqual({
      communityId: 'c-tianxin',
      lastMeetingOn: null,
      nextDueOn: null,
      overdue: false,
      // R-COU-2: published on Mon 2 Mar, an agenda's meeting is on Fri 6 Mar at the earliest.
      earliestMeetingOn: { on: '2026-03-06', provisional: false },
    });
  });

  it('R-COU-1: after a meeting on Fri 6 Mar 2026 the council must meet again by Wed 6 May; from 7 May it is flagged', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    expect(journey.days.meetingOn).toBe('2026-03-06');
    const onTime = dataOf(await app.call(null, '2026-05-06', 'council.status', { communityId: 'c-zhongying' }));
    expect(onTime).toMatchObject({ communityId: 'c-zhongying', lastMeetingOn: '2026-03-06', nextDueOn: { on: '2026-05-06', provisional: false }, overdue: false });
    expect(dataOf(await app.call('u-com-zhongying', '2026-05-07', 'council.status', { communityId: 'c-zhongying' })).overdue).toBe(true);
  });

  it('R-COU-1: a published agenda counts as a meeting only once its day has come and a vote of it is recorded', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const { submittedOn: agendaOn, meetingOn } = journey.days;
    expect(dataOf(await app.call(null, agendaOn, 'council.status', { communityId: 'c-zhongying' }))).toMatchObject({ lastMeetingOn: null, nextDueOn: null, overdue: false });
    expect(dataOf(await app.call(null, meetingOn, 'council.status', { communityId: 'c-zhongying' }))).toMatchObject({ lastMeetingOn: null });
    await advance(app, journey, 'council_passed');
    expect(dataOf(await app.call(null, meetingOn, 'council.status', { communityId: 'c-zhongying' }))).toMatchObject({ lastMeetingOn: meetingOn });
  });

  it('answers not_found for a community that does not exist', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'council.status', { communityId: 'c-nowhere' }), 'not_found', 'communityId');
  });
});
