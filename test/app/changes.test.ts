import {
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  ledgerChain,
  ledgerOf,
  recordOf,
  type App,
  type Journey,
} from '../support/app-harness';

const withdraw = (id: string) => ({ id, kind: 'withdraw', reason: '居民另有诉求，暂缓实施。' });
const adjust = (id: string, newBudgetFen: unknown) => ({ id, kind: 'adjust', reason: '材料涨价，调整预算。', newBudgetFen });
const decision = (changeId: string, approve: boolean) => ({ changeId, approve, reason: approve ? '同意。' : '理由不充分。' });

async function requested(app: App, journey: Journey, payload: object) {
  return app.ok('u-com-zhongying', journey.day, 'change.request', payload);
}

describe('change.request', () => {
  it('R-CHG-1: after approval the community asks for a withdrawal with a reason: a pending change, the state unchanged, one audit entry', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const entries = (await app.store.auditTrail(journey.id)).length;
    const change = dataOf(await app.call('u-com-zhongying', journey.day, 'change.request', withdraw(journey.id)));
    expect(change).toEqual({
      id: expect.any(String),
      proposalId: journey.id,
      kind: 'withdraw',
      reason: '居民另有诉求，暂缓实施。',
      state: 'pending',
      requestedOn: journey.day,
    });
    expect(await recordOf(app, journey.id)).toMatchObject({ state: 'approved', pendingChangeId: change.id });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail).toHaveLength(entries + 1);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'change.request', from: 'approved', to: 'approved' });
  });

  it.each(['approved', 'publicity', 'implementing', 'completed'] as const)('R-CHG-1: a budget adjustment may be asked while %s', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    expect(dataOf(await app.call('u-com-zhongying', journey.day, 'change.request', adjust(journey.id, 4_000_000)))).toMatchObject({ kind: 'adjust', newBudgetFen: 4_000_000, state: 'pending' });
  });

  it.each(['street_review', 'evaluated', 'audited', 'withdrawn'] as const)('R-CHG-1: a proposal that is %s takes no change (invalid_state), and nothing changes', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', adjust(journey.id, 4_000_000)), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-CHG-1: a completed project cannot be withdrawn: done work cannot be undone (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', withdraw(journey.id)), 'invalid_state');
  });

  it('R-CHG-1: one change at a time: a second request while one is pending is invalid_state', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    await requested(app, journey, adjust(journey.id, 4_000_000));
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', withdraw(journey.id)), 'invalid_state');
  });

  it('of two requests at once, one is pending and the other is told to retry (conflict); one change exists', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const results = await Promise.all([
      app.call('u-com-zhongying', journey.day, 'change.request', adjust(journey.id, 4_000_000)),
      app.call('u-com-zhongying', journey.day, 'change.request', withdraw(journey.id)),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expectRefused(results.find((result) => result.status === 409)!, 'conflict');
    expect(app.store.db.prepare('SELECT COUNT(*) FROM changes').pluck().get()).toBe(1);
  });

  it.each([
    ['an adjustment without a new budget', { kind: 'adjust', newBudgetFen: undefined }, 'newBudgetFen'],
    ['an adjustment to the same budget', { kind: 'adjust', newBudgetFen: 5_000_000 }, 'newBudgetFen'],
    ['a new budget of zero', { kind: 'adjust', newBudgetFen: 0 }, 'newBudgetFen'],
    ['a negative new budget', { kind: 'adjust', newBudgetFen: -1 }, 'newBudgetFen'],
    ['a fractional new budget', { kind: 'adjust', newBudgetFen: 4_000_000.5 }, 'newBudgetFen'],
    ['a new budget past 2^53', { kind: 'adjust', newBudgetFen: 2 ** 53 }, 'newBudgetFen'],
    ['an unknown kind', { kind: 'cancel' }, 'kind'],
    ['a missing reason', { reason: undefined }, 'reason'],
    ['a reason as an operator object', { reason: { $ne: null } }, 'reason'],
  ])('R-CHG-1: refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', { ...withdraw(journey.id), ...overrides }), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the street', 'u-street-shatoujiao'],
    ['the proposer', 'u-res-1'],
    ['the worker of another community', 'u-com-tianxin'],
  ])('R-CHG-1: only the community asks for a change: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(openid, journey.day, 'change.request', withdraw(journey.id)), 'forbidden');
  });

  it('answers unauthenticated and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(null, journey.day, 'change.request', withdraw(journey.id)), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', withdraw('p-nowhere')), 'not_found', 'id');
  });
});

describe('change.decide', () => {
  it('R-CHG-1: an approved withdrawal ends the project and releases its budget, audited on both chains', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(journey.approvedBudgetFen);
    const change = await requested(app, journey, withdraw(journey.id));
    const ledgerEntries = (await app.store.auditTrail(ledgerChain('c-zhongying'))).length;
    const decided = dataOf(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, true)));
    expect(decided).toMatchObject({ id: change.id, state: 'approved', decisionReason: '同意。', decidedOn: journey.day, proposal: { state: 'withdrawn' } });
    expect(decided.proposal.pendingChangeId).toBeUndefined();
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ approvedFen: 0, remainingFen: 100_000_000 });
    const ledgerTrail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(ledgerTrail).toHaveLength(ledgerEntries + 1);
    expect(ledgerTrail[ledgerTrail.length - 1].detail).toMatchObject({ approvedDeltaFen: -journey.approvedBudgetFen });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'change.apply', from: 'publicity', to: 'withdrawn' });
  });

  it('R-CHG-1, R-FUN-1: the released budget can be approved for another project', async () => {
    const app = createApp();
    const withdrawn = await bringTo(app, 'approved', { approvedBudgetFen: 100_000_000 });
    const next = await bringTo(app, 'street_review', { proposer: 'u-res-2' });
    expectRefused(await app.call('u-street-shatoujiao', next.day, 'review.decide', { id: next.id, outcome: 'approved', approvedBudgetFen: 5_000_000 }), 'budget_exceeded');
    const change = await requested(app, withdrawn, withdraw(withdrawn.id));
    await app.ok('u-street-shatoujiao', withdrawn.day, 'change.decide', decision(change.id, true));
    expect(dataOf(await app.call('u-street-shatoujiao', next.day, 'review.decide', { id: next.id, outcome: 'approved', approvedBudgetFen: 5_000_000 })).state).toBe('approved');
  });

  it.each([
    ['down', 3_000_000],
    ['up within the allocation', 9_000_000],
  ])('R-CHG-1: an approved adjustment %s re-reserves the new budget on the ledger', async (_, newBudgetFen) => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing');
    const change = await requested(app, journey, adjust(journey.id, newBudgetFen));
    const decided = dataOf(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, true)));
    expect(decided.proposal).toMatchObject({ state: 'implementing', approvedBudgetFen: newBudgetFen });
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(newBudgetFen);
  });

  it('R-CHG-1, R-FUN-1: an adjustment that would pass the allocation is budget_exceeded; nothing changes and the change stays pending', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, adjust(journey.id, 100_000_001));
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, true)), 'budget_exceeded');
    expect(fingerprint(app)).toEqual(before);
    expect(await app.store.findChange(change.id)).toMatchObject({ state: 'pending' });
  });

  it('R-CHG-1: an adjustment up to exactly the allocation fits', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, adjust(journey.id, 100_000_000));
    await app.ok('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, true));
    expect((await ledgerOf(app, 'c-zhongying')).remainingFen).toBe(0);
  });

  it('R-CHG-1: a refused change leaves the project and its budget as they were, and a new change may be asked', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, withdraw(journey.id));
    const decided = dataOf(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, false)));
    expect(decided).toMatchObject({ state: 'refused', decisionReason: '理由不充分。', proposal: { state: 'approved', approvedBudgetFen: journey.approvedBudgetFen } });
    expect(decided.proposal.pendingChangeId).toBeUndefined();
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(journey.approvedBudgetFen);
    expect((await app.call('u-com-zhongying', journey.day, 'change.request', adjust(journey.id, 4_000_000))).status).toBe(200);
  });

  it('R-CHG-1: a change already decided is not decided again (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, adjust(journey.id, 4_000_000));
    await app.ok('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, false));
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision(change.id, true)), 'invalid_state');
  });

  it('R-CHG-1: changes are visible to the district in the project’s trail', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'withdrawn');
    const trail = dataOf(await app.call('u-district-yantian', journey.day, 'audit.trail', { id: journey.id })).entries;
    expect(trail.slice(-2).map((entry: any) => [entry.action, entry.from, entry.to])).toEqual([
      ['change.request', 'approved', 'approved'],
      ['change.apply', 'approved', 'withdrawn'],
    ]);
  });

  it.each([
    ['the community worker', 'u-com-zhongying'],
    ['another street', 'u-street-haishan'],
    ['the district', 'u-district-yantian'],
  ])('R-CHG-1: only the street decides: %s is forbidden, and nothing changes', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, withdraw(journey.id));
    const before = fingerprint(app);
    expectRefused(await app.call(openid, journey.day, 'change.decide', decision(change.id, true)), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['a missing reason', { reason: undefined }, 'reason'],
    ['a blank reason', { reason: '  ' }, 'reason'],
    ['approve as a string', { approve: 'true' }, 'approve'],
    ['an operator object as the change id', { changeId: { $ne: null } }, 'changeId'],
  ])('refuses %s (invalid_input)', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const change = await requested(app, journey, withdraw(journey.id));
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'change.decide', { ...decision(change.id, true), ...overrides }), 'invalid_input', field);
  });

  it('answers unauthenticated and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(null, journey.day, 'change.decide', decision('ch-0001', true)), 'unauthenticated');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'change.decide', decision('ch-nowhere', true)), 'not_found', 'changeId');
  });
});
