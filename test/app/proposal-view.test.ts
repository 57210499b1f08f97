import { bringTo, createApp, dataOf } from '../support/app-harness';

describe('the proposal view', () => {
  it('R-PUB-1: counts the working days left of the publicity window, 0 on its last day', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const { publishedOn, publicityEndsOn } = journey.days;
    const onPublishing = dataOf(await app.call('u-res-2', publishedOn, 'proposal.get', { id: journey.id }));
    expect(onPublishing.daysLeft).toEqual({ publicityEndsOn: 3 });
    const onLastDay = dataOf(await app.call('u-res-2', publicityEndsOn, 'proposal.get', { id: journey.id }));
    expect(onLastDay.daysLeft).toEqual({ publicityEndsOn: 0 });
  });

  it('R-CHG-1: carries the pending change, with its kind, reason and new budget, until the street decides it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await app.ok('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'adjust', reason: '材料涨价。', newBudgetFen: 3_000_000 });
    const pending = dataOf(await app.call('u-street-shatoujiao', journey.day, 'proposal.get', { id: journey.id }));
    expect(pending.pendingChange).toEqual(change);
    expect(pending.pendingChange).toMatchObject({ kind: 'adjust', reason: '材料涨价。', newBudgetFen: 3_000_000, state: 'pending' });
    const decided = await app.ok('u-street-shatoujiao', journey.day, 'change.decide', { changeId: change.id, approve: false, reason: '预算依据不足。' });
    expect(decided.proposal.pendingChange).toBeUndefined();
  });
});
