import { defaultCalendar } from '../../backend/domain/calendar';
import { publicityEndsOn } from '../../backend/domain/deadlines';
import { bringTo, createApp, dataOf, expectRefused, fingerprint, outboxOf } from '../support/app-harness';

describe('publicity.publish', () => {
  it('R-PUB-1: the community publishes the notice, which stands for 3 working days; one audit entry and a message to the proposer', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const messages = (await outboxOf(app)).length;
    const view = dataOf(await app.call('u-com-zhongying', journey.days.publishedOn, 'publicity.publish', { id: journey.id }));
    const endsOn = publicityEndsOn(journey.days.publishedOn, defaultCalendar);
    expect(view).toMatchObject({
      state: 'publicity',
      publicity: { publishedOn: journey.days.publishedOn, endsOn },
      deadlines: { publicityEndsOn: endsOn },
      overdue: [],
    });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'publicity.publish', from: 'approved', to: 'publicity' });
    expect((await outboxOf(app)).slice(messages)).toEqual([expect.objectContaining({ recipientOpenid: 'u-res-1', payload: expect.objectContaining({ to: 'publicity' }) })]);
  });

  it('R-PUB-1, R-TIME-1: published on Friday 18 Sep 2026, the window ends on Tue 22 Sep (Sun 20 Sep is a make-up workday)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const view = dataOf(await app.call('u-com-zhongying', '2026-09-18', 'publicity.publish', { id: journey.id }));
    expect(view.publicity.endsOn).toEqual({ on: '2026-09-22', provisional: false });
  });

  it('R-PUB-1: the public reads the notice with its budget and window, without signing in', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const view = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect(view).toMatchObject({ state: 'publicity', approvedBudgetFen: journey.approvedBudgetFen, report: { budgetFen: journey.approvedBudgetFen } });
    expect(view.deadlines.publicityEndsOn.on).toBe(journey.days.publicityEndsOn);
  });

  it.each(['street_review', 'publicity', 'implementing'] as const)('a proposal that is %s is not published (invalid_state), and nothing changes', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'publicity.publish', { id: journey.id }), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the street', 'u-street-shatoujiao'],
    ['the proposer', 'u-res-1'],
    ['the worker of another community', 'u-com-qiaoyuan'],
  ])('R-PUB-1: only the community publishes: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(openid, journey.days.publishedOn, 'publicity.publish', { id: journey.id }), 'forbidden');
  });

  it('answers unauthenticated, not_found and invalid_input', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(null, journey.day, 'publicity.publish', { id: journey.id }), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'publicity.publish', { id: 'p-nowhere' }), 'not_found', 'id');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'publicity.publish', { id: { $ne: null } }), 'invalid_input', 'id');
  });
});
