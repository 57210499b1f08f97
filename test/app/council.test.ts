import { addDays, defaultCalendar } from '../../backend/domain/calendar';
import { earliestMeetingOn, reviewDueOn } from '../../backend/domain/deadlines';
import {
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  outboxOf,
  recordOf,
  START,
  voteOf,
} from '../support/app-harness';

const agenda = (proposalIds: string[], meetingOn: string, communityId = 'c-zhongying') => ({ communityId, meetingOn, proposalIds });

describe('council.publishAgenda', () => {
  it('R-COU-2: an agenda for the earliest day 3 full working days ahead is published: the meeting, and its proposals agenda_published', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const meetingOn = earliestMeetingOn(journey.day, defaultCalendar).on;
    const meeting = dataOf(await app.call('u-com-zhongying', journey.day, 'council.publishAgenda', agenda([journey.id], meetingOn)));
    expect(meeting).toMatchObject({ id: expect.any(String), communityId: 'c-zhongying', meetingOn, proposalIds: [journey.id] });
    expect(meeting.proposals).toEqual([expect.objectContaining({ id: journey.id, state: 'agenda_published', meetingId: meeting.id, meetingOn })]);
    expect(await app.store.findMeeting(meeting.id)).toMatchObject({ meetingOn, publishedOn: journey.day });
  });

  it('R-COU-2: a meeting one day earlier than that is too_early (409) on meetingOn, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const tooSoon = addDays(earliestMeetingOn(journey.day, defaultCalendar).on, -1);
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'council.publishAgenda', agenda([journey.id], tooSoon)), 'too_early', 'meetingOn');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-COU-2: the notice is counted in working days: published on the Friday before a weekend, the meeting is not before the Thursday after', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    // Fri 13 Mar 2026: Mon 16, Tue 17, Wed 18 are the 3 working days of notice.
    expectRefused(await app.call('u-com-zhongying', '2026-03-13', 'council.publishAgenda', agenda([journey.id], '2026-03-18')), 'too_early');
    expect((await app.call('u-com-zhongying', '2026-03-13', 'council.publishAgenda', agenda([journey.id], '2026-03-19'))).status).toBe(200);
  });

  it('R-COU-2: several drafted proposals go on one agenda together; each writes one audit entry and its proposer gets a message', async () => {
    const app = createApp();
    const first = await bringTo(app, 'drafted');
    const second = await bringTo(app, 'drafted', { proposer: 'u-res-2' });
    const before = (await outboxOf(app)).length;
    const meetingOn = earliestMeetingOn(START, defaultCalendar).on;
    const meeting = dataOf(await app.call('u-com-zhongying', START, 'council.publishAgenda', agenda([first.id, second.id, first.id], meetingOn)));
    expect(meeting.proposalIds).toEqual([first.id, second.id]);
    for (const journey of [first, second]) {
      const trail = await app.store.auditTrail(journey.id);
      expect(trail.filter((entry) => entry.action === 'council.publishAgenda')).toEqual([
        expect.objectContaining({ from: 'drafted', to: 'agenda_published' }),
      ]);
    }
    const messages = (await outboxOf(app)).slice(before);
    expect(messages.map((message) => message.recipientOpenid).sort()).toEqual(['u-res-1', 'u-res-2']);
  });

  it('puts all proposals on the agenda or none: one not yet drafted is invalid_state on its position, and the other stays drafted', async () => {
    const app = createApp();
    const drafted = await bringTo(app, 'drafted');
    const adopted = await bringTo(app, 'adopted', { proposer: 'u-res-2' });
    const before = fingerprint(app);
    const meetingOn = earliestMeetingOn(START, defaultCalendar).on;
    expectRefused(
      await app.call('u-com-zhongying', START, 'council.publishAgenda', agenda([drafted.id, adopted.id], meetingOn)),
      'invalid_state',
      'proposalIds.1',
    );
    expect(fingerprint(app)).toEqual(before);
  });

  it('a proposal of another community is not_found on its position', async () => {
    const app = createApp();
    const ours = await bringTo(app, 'drafted');
    const theirs = await bringTo(app, 'drafted', { community: 'c-qiaoyuan' });
    const meetingOn = earliestMeetingOn(START, defaultCalendar).on;
    expectRefused(
      await app.call('u-com-zhongying', START, 'council.publishAgenda', agenda([ours.id, theirs.id], meetingOn)),
      'not_found',
      'proposalIds.1',
    );
  });

  it('a community that does not exist is not_found on communityId', async () => {
    const app = createApp();
    expectRefused(await app.call('u-com-zhongying', START, 'council.publishAgenda', agenda(['p-0001'], '2026-03-20', 'c-nowhere')), 'not_found', 'communityId');
  });

  it.each([
    ['a meeting day not written YYYY-MM-DD', { meetingOn: '2026-3-20' }, 'meetingOn'],
    ['a meeting day that does not exist', { meetingOn: '2026-02-30' }, 'meetingOn'],
    ['no proposals', { proposalIds: [] }, 'proposalIds'],
    ['proposals that are not a list', { proposalIds: 'p-0001' }, 'proposalIds'],
    ['an operator object as a proposal id', { proposalIds: [{ $ne: null }] }, 'proposalIds.0'],
  ])('refuses %s (invalid_input)', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const payload = { ...agenda([journey.id], earliestMeetingOn(START, defaultCalendar).on), ...overrides };
    expectRefused(await app.call('u-com-zhongying', START, 'council.publishAgenda', payload), 'invalid_input', field);
  });

  it.each([
    ['a resident', 'u-res-1'],
    ['the worker of another community', 'u-com-tianxin'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-COU-2: only the community publishes its agenda: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    expectRefused(await app.call(openid, START, 'council.publishAgenda', agenda([journey.id], earliestMeetingOn(START, defaultCalendar).on)), 'forbidden');
  });

  it('asks an anonymous caller to sign in (unauthenticated)', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'council.publishAgenda', agenda(['p-0001'], '2026-03-20')), 'unauthenticated');
  });
});

describe('council.recordVote', () => {
  it.each([
    [25, 13, 10, 2, 'council_passed'],
    [25, 12, 10, 3, 'council_rejected'],
    [24, 12, 12, 0, 'council_rejected'],
    [24, 13, 0, 0, 'council_passed'],
    [1, 1, 0, 0, 'council_passed'],
  ])('R-COU-3: with %i attending and %i for (%i against, %i abstaining) the proposal is %s', async (attendance, votesFor, against, abstain, state) => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const vote = voteOf(journey, 'passes', { attendance, for: votesFor, against, abstain });
    const view = dataOf(await app.call('u-com-zhongying', journey.days.meetingOn, 'council.recordVote', vote));
    expect(view).toMatchObject({ state, vote: { attendance, for: votesFor, against, abstain, recordedOn: journey.days.meetingOn } });
  });

  it('R-COU-3: the vote is recorded on or after the meeting day: the day before is too_early, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', addDays(journey.days.meetingOn, -1), 'council.recordVote', voteOf(journey, 'passes')), 'too_early');
    expect(fingerprint(app)).toEqual(before);
    expect((await app.call('u-com-zhongying', addDays(journey.days.meetingOn, 5), 'council.recordVote', voteOf(journey, 'passes'))).status).toBe(200);
  });

  it.each([
    ['more votes than people attending', { attendance: 10, for: 8, against: 2, abstain: 1 }, 'attendance'],
    ['nobody attending', { attendance: 0, for: 0, against: 0, abstain: 0 }, 'attendance'],
    ['a negative count', { for: -1 }, 'for'],
    ['a fractional count', { against: 1.5 }, 'against'],
    ['a count as a string', { abstain: '2' }, 'abstain'],
    ['an operator object as the meeting', { meetingId: { $ne: null } }, 'meetingId'],
  ])('refuses %s (invalid_input)', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    expectRefused(await app.call('u-com-zhongying', journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'passes', overrides)), 'invalid_input', field);
  });

  it('a meeting that does not exist is not_found on meetingId', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    expectRefused(await app.call('u-com-zhongying', journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'passes', { meetingId: 'm-nowhere' })), 'not_found', 'meetingId');
  });

  it('a proposal that is not on the meeting’s agenda is invalid_input on proposalId', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const other = await bringTo(app, 'drafted', { proposer: 'u-res-2' });
    expectRefused(
      await app.call('u-com-zhongying', journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'passes', { proposalId: other.id })),
      'invalid_input',
      'proposalId',
    );
  });

  it('a vote already recorded is not recorded again (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'council.recordVote', voteOf(journey, 'fails')), 'invalid_state');
    expect((await recordOf(app, journey.id)).state).toBe('council_passed');
  });

  it.each([
    ['a resident', 'u-res-1'],
    ['the worker of another community', 'u-com-qiaoyuan'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-COU-3: only the community records the vote: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    expectRefused(await app.call(openid, journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'passes')), 'forbidden');
  });

  it('asks an anonymous caller to sign in (unauthenticated)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    expectRefused(await app.call(null, journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'passes')), 'unauthenticated');
  });
});

describe('proposal.submitToStreet', () => {
  it('R-REV-1: a passed proposal goes to the street, which must decide within 15 working days of receipt', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.submitToStreet', { id: journey.id }));
    expect(view).toMatchObject({
      state: 'street_review',
      submittedToStreetOn: journey.day,
      deadlines: { reviewDueOn: reviewDueOn(journey.day, defaultCalendar) },
    });
    expect(view.deadlines.reviewDueOn).toEqual({ on: expect.any(String), provisional: false });
  });

  it('R-REV-1, R-TIME-3: a review that runs into a year whose holidays are not known is due on a provisional day', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed', { start: '2026-12-14' });
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.submitToStreet', { id: journey.id }));
    expect(view.deadlines.reviewDueOn).toEqual({ on: reviewDueOn(journey.day, defaultCalendar).on, provisional: true });
    expect(view.deadlines.reviewDueOn.on.startsWith('2027-')).toBe(true);
  });

  it('a proposal the council rejected does not go to the street (invalid_state), and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_rejected');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.submitToStreet', { id: journey.id }), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the proposer', 'u-res-1'],
    ['the street itself', 'u-street-shatoujiao'],
    ['the worker of another community', 'u-com-tianxin'],
  ])('R-REV-1: only the community submits to its street: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    expectRefused(await app.call(openid, journey.day, 'proposal.submitToStreet', { id: journey.id }), 'forbidden');
  });

  it('answers unauthenticated, not_found and invalid_input like every proposal action', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    expectRefused(await app.call(null, journey.day, 'proposal.submitToStreet', { id: journey.id }), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.submitToStreet', { id: 'p-nowhere' }), 'not_found', 'id');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.submitToStreet', { id: 7 }), 'invalid_input', 'id');
  });
});
