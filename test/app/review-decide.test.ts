import {
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  ledgerChain,
  ledgerOf,
  outboxOf,
  recordOf,
} from '../support/app-harness';

const approve = (id: string, approvedBudgetFen: number) => ({ id, outcome: 'approved', approvedBudgetFen });
/** A report that asks for more than the ledger holds: the street approves at most what the report asks. */
const LARGE = { budgetLines: [{ item: '社区综合提升工程', amountFen: 150_000_000 }] };

describe('review.decide', () => {
  it('R-REV-1, R-FUN-1: the street approves with a budget, reserved on the community’s ledger of the year', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const view = dataOf(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 4_800_000)));
    expect(view).toMatchObject({ state: 'approved', approvedBudgetFen: 4_800_000, budgetYear: 2026, review: { outcome: 'approved', decidedOn: journey.day } });
    expect(view.deadlines).toEqual({});
    expect(await ledgerOf(app, 'c-zhongying')).toEqual({
      communityId: 'c-zhongying',
      year: 2026,
      quotaFen: 200_000_000,
      allocatedFen: 100_000_000,
      approvedFen: 4_800_000,
      spentFen: 0,
      remainingFen: 95_200_000,
    });
  });

  it('R-SUP-2: an approval writes one entry on the proposal’s chain, one on the ledger’s chain, and a message to the proposer', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const proposalEntries = (await app.store.auditTrail(journey.id)).length;
    const ledgerEntries = (await app.store.auditTrail(ledgerChain('c-zhongying'))).length;
    const messages = (await outboxOf(app)).length;
    await app.ok('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 5_000_000));
    const trail = await app.store.auditTrail(journey.id);
    expect(trail).toHaveLength(proposalEntries + 1);
    expect(trail[trail.length - 1]).toMatchObject({ actor: 'u-street-shatoujiao', action: 'review.decide', from: 'street_review', to: 'approved' });
    const ledgerTrail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(ledgerTrail).toHaveLength(ledgerEntries + 1);
    expect(ledgerTrail[ledgerTrail.length - 1].detail).toMatchObject({ proposalId: journey.id, approvedDeltaFen: 5_000_000, spentDeltaFen: 0 });
    const outbox = await outboxOf(app);
    expect(outbox).toHaveLength(messages + 1);
    expect(outbox[outbox.length - 1]).toMatchObject({ recipientOpenid: 'u-res-1', payload: { proposalId: journey.id, from: 'street_review', to: 'approved' } });
  });

  it('R-FUN-1, R-FUN-2: an approval beyond the funds allocated for the year is budget_exceeded on approvedBudgetFen, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review', LARGE);
    const before = fingerprint(app);
    // The quota is 2,000,000 CNY but only half is allocated: approvals draw on allocated funds.
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 100_000_001)), 'budget_exceeded', 'approvedBudgetFen');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-FUN-2: once the street allocates more, the same approval fits', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review', LARGE);
    await app.ok('u-street-shatoujiao', journey.day, 'ledger.allocate', { communityId: 'c-zhongying', year: 2026, allocatedFen: 200_000_000 });
    expect(dataOf(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 100_000_001))).state).toBe('approved');
  });

  it('R-FUN-1: approving exactly what remains is accepted; one fen more is refused', async () => {
    const app = createApp();
    const first = await bringTo(app, 'street_review', LARGE);
    const second = await bringTo(app, 'street_review', { ...LARGE, proposer: 'u-res-2' });
    await app.ok('u-street-shatoujiao', first.day, 'review.decide', approve(first.id, 60_000_000));
    expectRefused(await app.call('u-street-shatoujiao', second.day, 'review.decide', approve(second.id, 40_000_001)), 'budget_exceeded');
    expect(dataOf(await app.call('u-street-shatoujiao', second.day, 'review.decide', approve(second.id, 40_000_000))).state).toBe('approved');
    expect((await ledgerOf(app, 'c-zhongying')).remainingFen).toBe(0);
  });

  it('R-FUN-1: two approvals racing for the last funds: exactly one is approved, the other is budget_exceeded', async () => {
    const app = createApp();
    const first = await bringTo(app, 'street_review', LARGE);
    const second = await bringTo(app, 'street_review', { ...LARGE, proposer: 'u-res-2' });
    const results = await Promise.all([
      app.call('u-street-shatoujiao', first.day, 'review.decide', approve(first.id, 60_000_000)),
      app.call('u-street-shatoujiao', second.day, 'review.decide', approve(second.id, 60_000_000)),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const refused = results.find((result) => result.status === 409)!;
    expectRefused(refused, 'budget_exceeded');
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(60_000_000);
    const states = [(await recordOf(app, first.id)).state, (await recordOf(app, second.id)).state].sort();
    expect(states).toEqual(['approved', 'street_review']);
  });

  it('R-FUN-1: each community draws on its own ledger', async () => {
    const app = createApp();
    const zhongying = await bringTo(app, 'street_review', LARGE);
    const qiaoyuan = await bringTo(app, 'street_review', { ...LARGE, community: 'c-qiaoyuan' });
    await app.ok('u-street-shatoujiao', zhongying.day, 'review.decide', approve(zhongying.id, 100_000_000));
    expect(dataOf(await app.call('u-street-shatoujiao', qiaoyuan.day, 'review.decide', approve(qiaoyuan.id, 100_000_000))).state).toBe('approved');
    expect((await ledgerOf(app, 'c-qiaoyuan')).approvedFen).toBe(100_000_000);
  });

  it('R-REV-2: a rejection carries its reason, which is published to everyone', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    await app.ok('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'rejected', reason: '与在建道路工程重复' });
    const publicView = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect(publicView).toMatchObject({ state: 'rejected', review: { outcome: 'rejected', reason: '与在建道路工程重复' } });
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(0);
  });

  it('R-REV-2: a rejection without a reason is invalid_input on reason, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'rejected' }), 'invalid_input', 'reason');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-REV-3: a proposal in a department’s remit is transferred to that department, with the reason', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const view = dataOf(
      await app.call('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'transferred', reason: '属交通设施', department: '区交通运输局' }),
    );
    expect(view).toMatchObject({ state: 'transferred', review: { outcome: 'transferred', reason: '属交通设施', department: '区交通运输局' } });
  });

  it.each([
    ['without a department', { reason: '属交通设施' }, 'department'],
    ['without a reason', { department: '区交通运输局' }, 'reason'],
  ])('R-REV-3: a transfer %s is invalid_input', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'transferred', ...overrides }), 'invalid_input', field);
  });

  it.each([
    ['an approval without a budget', { outcome: 'approved' }, 'approvedBudgetFen'],
    ['a budget of zero', { outcome: 'approved', approvedBudgetFen: 0 }, 'approvedBudgetFen'],
    ['a negative budget', { outcome: 'approved', approvedBudgetFen: -500 }, 'approvedBudgetFen'],
    ['a fractional budget', { outcome: 'approved', approvedBudgetFen: 1000.5 }, 'approvedBudgetFen'],
    ['a budget past 2^53', { outcome: 'approved', approvedBudgetFen: Number.MAX_SAFE_INTEGER + 1 }, 'approvedBudgetFen'],
    ['a budget as a string', { outcome: 'approved', approvedBudgetFen: '5000000' }, 'approvedBudgetFen'],
    ['a budget as an operator object', { outcome: 'approved', approvedBudgetFen: { $gt: 0 } }, 'approvedBudgetFen'],
    ['an unknown outcome', { outcome: 'postponed' }, 'outcome'],
    ['a reason over 2000 characters', { outcome: 'rejected', reason: '因'.repeat(2001) }, 'reason'],
  ])('refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, ...overrides }), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the street of another district part', 'u-street-haishan'],
    ['the community worker', 'u-com-zhongying'],
    ['the proposer', 'u-res-1'],
    ['the district', 'u-district-yantian'],
  ])('R-REV-1: only the street covering the community reviews: %s is forbidden, and nothing changes', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const before = fingerprint(app);
    expectRefused(await app.call(openid, journey.day, 'review.decide', approve(journey.id, 5_000_000)), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-REV-1: a street that may not review the proposal is forbidden even when the budget would not fit', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    expectRefused(await app.call('u-street-haishan', journey.day, 'review.decide', approve(journey.id, 150_000_000)), 'forbidden');
  });

  it('asks an anonymous caller to sign in, and answers not_found for an unknown proposal', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    expectRefused(await app.call(null, journey.day, 'review.decide', approve(journey.id, 5_000_000)), 'unauthenticated');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve('p-nowhere', 5_000_000)), 'not_found', 'id');
  });

  it.each(['council_passed', 'approved', 'rejected'] as const)('a proposal that is %s is not under review (invalid_state)', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 5_000_000)), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it('a proposal already approved is invalid_state to a second approval, even one the remaining funds could not hold', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'review.decide', approve(journey.id, 99_000_000)), 'invalid_state');
  });
});
