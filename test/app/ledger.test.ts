import {
  bringTo,
  createApp,
  dataOf,
  errorOf,
  expectRefused,
  fingerprint,
  ledgerChain,
  ledgerOf,
  START,
} from '../support/app-harness';

const allocate = (allocatedFen: unknown, overrides: Record<string, unknown> = {}) => ({ communityId: 'c-zhongying', year: 2026, allocatedFen, ...overrides });

describe('ledger.get', () => {
  it('R-FUN-4, R-FUN-2: every ledger is public: the seed allocated half the quota, nothing approved or spent', async () => {
    const app = createApp();
    expect(dataOf(await app.call(null, START, 'ledger.get', { communityId: 'c-tianxin', year: 2026 }))).toEqual({
      communityId: 'c-tianxin',
      year: 2026,
      quotaFen: 200_000_000,
      allocatedFen: 100_000_000,
      approvedFen: 0,
      spentFen: 0,
      remainingFen: 100_000_000,
    });
  });

  it('R-FUN-4: a year nothing was allocated for shows the quota of the policy and nothing else', async () => {
    const app = createApp();
    expect(dataOf(await app.call(null, START, 'ledger.get', { communityId: 'c-tianxin', year: 2027 }))).toMatchObject({
      quotaFen: 200_000_000,
      allocatedFen: 0,
      approvedFen: 0,
      remainingFen: 0,
    });
  });

  it('R-FUN-4: approval and audited spending show on the ledger: approved, spent and remaining', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'audited');
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({
      approvedFen: journey.approvedBudgetFen,
      spentFen: journey.approvedBudgetFen,
      remainingFen: 100_000_000 - journey.approvedBudgetFen,
    });
  });

  it.each([
    ['a year as a string', { communityId: 'c-zhongying', year: '2026' }, 'year'],
    ['a fractional year', { communityId: 'c-zhongying', year: 2026.5 }, 'year'],
    ['a year before 2000', { communityId: 'c-zhongying', year: 1999 }, 'year'],
    ['an operator object as the community', { communityId: { $ne: null }, year: 2026 }, 'communityId'],
  ])('refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'ledger.get', payload), 'invalid_input', field);
  });

  it('a community that does not exist is not_found on communityId', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'ledger.get', { communityId: 'c-nowhere', year: 2026 }), 'not_found', 'communityId');
  });
});

describe('ledger.allocate', () => {
  it('R-FUN-2: the street releases more of the quota; the allocation is audited on the ledger’s chain', async () => {
    const app = createApp();
    const entries = (await app.store.auditTrail(ledgerChain('c-zhongying'))).length;
    const ledger = dataOf(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(150_000_000)));
    expect(ledger).toMatchObject({ communityId: 'c-zhongying', year: 2026, quotaFen: 200_000_000, allocatedFen: 150_000_000, remainingFen: 150_000_000 });
    const trail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(trail).toHaveLength(entries + 1);
    expect(trail[trail.length - 1]).toMatchObject({ actor: 'u-street-shatoujiao', action: 'ledger.allocate', detail: { fromAllocatedFen: 100_000_000, toAllocatedFen: 150_000_000 } });
  });

  it('R-FUN-2: the whole quota may be allocated, never more (budget_exceeded on allocatedFen), and a refusal changes nothing', async () => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(200_000_001)), 'budget_exceeded', 'allocatedFen');
    expect(fingerprint(app)).toEqual(before);
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(200_000_000))).allocatedFen).toBe(200_000_000);
  });

  it('R-FUN-2: the allocation never falls below what is already approved (budget_exceeded on allocatedFen)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved', { approvedBudgetFen: 80_000_000 });
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'ledger.allocate', allocate(79_999_999)), 'budget_exceeded', 'allocatedFen');
    expect(dataOf(await app.call('u-street-shatoujiao', journey.day, 'ledger.allocate', allocate(80_000_000))).remainingFen).toBe(0);
  });

  it('R-FUN-2: the first allocation of a year is at least half the quota (invalid_input on allocatedFen below it)', async () => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(99_999_999, { year: 2027 })), 'invalid_input', 'allocatedFen');
    expect(fingerprint(app)).toEqual(before);
    const ledger = dataOf(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(100_000_000, { year: 2027 })));
    expect(ledger).toMatchObject({ year: 2027, quotaFen: 200_000_000, allocatedFen: 100_000_000, approvedFen: 0 });
    expect(await app.store.auditTrail(ledgerChain('c-zhongying', 2027))).toHaveLength(1);
  });

  it('R-FUN-2: after the first allocation of the year, the street may lower it (never below what is approved)', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(60_000_000))).allocatedFen).toBe(60_000_000);
  });

  it.each([
    ['a negative amount', -1],
    ['a fractional amount', 150_000_000.5],
    ['an amount past 2^53', 2 ** 53],
    ['an amount as a string', '150000000'],
    ['an operator object', { $ne: null }],
  ])('R-FUN-2: refuses %s (invalid_input on allocatedFen)', async (_, allocatedFen) => {
    const app = createApp();
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(allocatedFen)), 'invalid_input', 'allocatedFen');
  });

  it.each([
    ['another street', 'u-street-haishan'],
    ['the community worker', 'u-com-zhongying'],
    ['the district', 'u-district-yantian'],
    ['a resident', 'u-res-1'],
  ])('R-FUN-2: only the street covering the community allocates: %s is forbidden', async (_, openid) => {
    const app = createApp();
    expectRefused(await app.call(openid, START, 'ledger.allocate', allocate(150_000_000)), 'forbidden');
  });

  it('answers unauthenticated and not_found', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'ledger.allocate', allocate(150_000_000)), 'unauthenticated');
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(150_000_000, { communityId: 'c-nowhere' })), 'not_found', 'communityId');
  });

  it('R-FUN-2: an approval that lands between reading the ledger and writing the allocation is judged on the ledger as stored: budget_exceeded, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review', { budgetLines: [{ item: '社区综合提升工程', amountFen: 80_000_000 }] });
    const allocateInStore = app.store.allocate.bind(app.store);
    jest.spyOn(app.store, 'allocate').mockImplementationOnce(async (input) => {
      // Someone approves 80,000,000 fen while this allocation of 70,000,000 is on its way.
      await app.ok('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'approved', approvedBudgetFen: 80_000_000 });
      return allocateInStore(input);
    });
    const entries = (await app.store.auditTrail(ledgerChain('c-zhongying'))).length;
    const refused = await app.call('u-street-shatoujiao', journey.day, 'ledger.allocate', allocate(70_000_000));
    expectRefused(refused, 'budget_exceeded', 'allocatedFen');
    expect(errorOf(refused).message).toBe('下达金额不得低于已批复的 ¥800,000.00');
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ allocatedFen: 100_000_000, approvedFen: 80_000_000 });
    // Only the approval's entry: the refused allocation left none.
    expect(await app.store.auditTrail(ledgerChain('c-zhongying'))).toHaveLength(entries + 1);
  });
});
