import {
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  ledgerOf,
  reportPayload,
  servicesLines,
  START,
} from '../support/app-harness';

const DEFAULTS = {
  districtId: 'd-yantian',
  year: 2026,
  quotaFen: 200_000_000,
  feeRatioPercent: 10,
  streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 },
  tenderThresholdFen: 40_000_000,
};

const policy = (overrides: Record<string, unknown> = {}) => {
  const { districtId: _districtId, ...rest } = DEFAULTS;
  return { ...rest, ...overrides };
};

describe('policy.get', () => {
  it('R-TRN-1: the policy in force is public; without one set, the defaults of the spec', async () => {
    const app = createApp();
    expect(dataOf(await app.call(null, START, 'policy.get', {}))).toEqual(DEFAULTS);
    expect(dataOf(await app.call(null, START, 'policy.get', { districtId: 'd-yantian', year: 2027 }))).toEqual({ ...DEFAULTS, year: 2027 });
  });

  it.each([
    ['a year as a string', { year: '2026' }, 'year'],
    ['an operator object as the district', { districtId: { $ne: null } }, 'districtId'],
  ])('refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'policy.get', payload), 'invalid_input', field);
  });

  // Product bug (backend/app/actions/get-policy.ts): a named district that does not exist answers
  // invalid_input, where policy.set and subsidy.application answer not_found for the same payload
  // and spec/api.md gives not_found for "no such record". Flip to `it` once fixed.
  it('a named district that does not exist is not_found on districtId, as for policy.set', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'policy.get', { districtId: 'd-nowhere' }), 'not_found', 'districtId');
  });
});

describe('policy.set', () => {
  it('the district sets its numbers for a year; they are public and the change is audited on the policy’s chain', async () => {
    const app = createApp();
    const set = dataOf(await app.call('u-district-yantian', START, 'policy.set', policy({ feeRatioPercent: 12, tenderThresholdFen: 30_000_000 })));
    expect(set).toEqual({ ...DEFAULTS, feeRatioPercent: 12, tenderThresholdFen: 30_000_000 });
    expect(dataOf(await app.call(null, START, 'policy.get', {}))).toEqual(set);
    const trail = await app.store.auditTrail('policy:d-yantian:2026');
    expect(trail).toEqual([expect.objectContaining({ actor: 'u-district-yantian', action: 'policy.set', detail: expect.objectContaining({ feeRatioPercent: 12 }) })]);
    await app.ok('u-district-yantian', START, 'policy.set', policy({ feeRatioPercent: 8 }));
    expect(await app.store.auditTrail('policy:d-yantian:2026')).toHaveLength(2);
  });

  it('R-REP-2: a services fee of 12% is refused under the default policy and accepted once the district allows 12%', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted', { category: 'services' });
    const payload = reportPayload(journey.id, { budgetLines: servicesLines(12) });
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', payload), 'fee_ratio_exceeded');
    await app.ok('u-district-yantian', journey.day, 'policy.set', policy({ feeRatioPercent: 12 }));
    expect(dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', payload)).state).toBe('drafted');
  });

  it('R-IMP-1: raising the street threshold hands the same project to the community', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', { budgetLines: [{ item: '设备', amountFen: 15_000_000 }] });
    const before = dataOf(await app.call('u-com-zhongying', journey.days.assignedOn, 'proposal.get', { id: journey.id }));
    expect(before.allowedActions).not.toContain('implementation.assign');
    await app.ok('u-district-yantian', journey.day, 'policy.set', policy({ streetThresholdFen: { works: 20_000_000, goods: 20_000_000, services: 10_000_000 } }));
    const assigned = dataOf(await app.call('u-com-zhongying', journey.days.assignedOn, 'implementation.assign', { id: journey.id, implementer: '社区', assignedOn: journey.days.assignedOn }));
    expect(assigned.implementation.side).toBe('community');
  });

  it('R-IMP-2: lowering the tender threshold requires a tender record for a smaller budget', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    await app.ok('u-district-yantian', journey.day, 'policy.set', policy({ tenderThresholdFen: journey.approvedBudgetFen }));
    const day = journey.days.assignedOn;
    expectRefused(await app.call('u-com-zhongying', day, 'implementation.assign', { id: journey.id, implementer: '公司', assignedOn: day }), 'invalid_input', 'tenderRef');
  });

  it('R-FUN-1: a new quota applies to the year’s ledgers, and caps what may be allocated', async () => {
    const app = createApp();
    await app.ok('u-district-yantian', START, 'policy.set', policy({ quotaFen: 150_000_000 }));
    expect(await ledgerOf(app, 'c-qiaoyuan')).toMatchObject({ quotaFen: 150_000_000, allocatedFen: 100_000_000 });
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', { communityId: 'c-qiaoyuan', year: 2026, allocatedFen: 150_000_001 }), 'budget_exceeded', 'allocatedFen');
  });

  it('R-FUN-2: the first allocation of a year is at least half of that year’s quota as set', async () => {
    const app = createApp();
    await app.ok('u-district-yantian', START, 'policy.set', policy({ year: 2027, quotaFen: 120_000_000 }));
    const allocate = (allocatedFen: number) => ({ communityId: 'c-qiaoyuan', year: 2027, allocatedFen });
    expectRefused(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(59_999_999)), 'invalid_input', 'allocatedFen');
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'ledger.allocate', allocate(60_000_000)))).toMatchObject({ quotaFen: 120_000_000, allocatedFen: 60_000_000 });
  });

  // Product bug (backend/store/sqlite/sqlite.store.ts): `applyQuota` skips the ledgers whose
  // allocation exceeds the new quota, so such a community keeps the old quota silently and may
  // approve past the district's cap; `moveLedger` only checks `allocated_fen`. The domain means
  // otherwise (policy.ts approvalCeilingFen: "never pass the quota, even if the quota was lowered
  // later"). Flip to `it` once fixed.
  it('R-FUN-1: a quota below what a street already allocated is refused (budget_exceeded), and nothing changes', async () => {
    const app = createApp();
    await app.ok('u-street-shatoujiao', START, 'ledger.allocate', { communityId: 'c-zhongying', year: 2026, allocatedFen: 180_000_000 });
    const before = fingerprint(app);
    expectRefused(await app.call('u-district-yantian', START, 'policy.set', policy({ quotaFen: 150_000_000 })), 'budget_exceeded', 'quotaFen');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-FUN-1: after the district lowers the quota, no community approves past the quota in force', async () => {
    const app = createApp();
    await app.ok('u-street-shatoujiao', START, 'ledger.allocate', { communityId: 'c-zhongying', year: 2026, allocatedFen: 180_000_000 });
    await app.call('u-district-yantian', START, 'policy.set', policy({ quotaFen: 150_000_000 }));
    const journey = await bringTo(app, 'street_review');
    await app.call('u-street-shatoujiao', journey.day, 'review.decide', { id: journey.id, outcome: 'approved', approvedBudgetFen: 170_000_000 });
    const inForce = dataOf(await app.call(null, journey.day, 'policy.get', {}));
    const ledger = await ledgerOf(app, 'c-zhongying');
    expect(ledger.quotaFen).toBe(inForce.quotaFen);
    expect(ledger.approvedFen).toBeLessThanOrEqual(inForce.quotaFen);
  });

  it.each([
    ['a fee ratio over 100', { feeRatioPercent: 101 }, 'feeRatioPercent'],
    ['a fractional fee ratio', { feeRatioPercent: 10.5 }, 'feeRatioPercent'],
    ['a negative fee ratio', { feeRatioPercent: -1 }, 'feeRatioPercent'],
    ['a quota of zero', { quotaFen: 0 }, 'quotaFen'],
    ['a fractional quota', { quotaFen: 1.5 }, 'quotaFen'],
    ['a negative street threshold', { streetThresholdFen: { works: -1, goods: 1, services: 1 } }, 'streetThresholdFen.works'],
    ['a street threshold missing a category', { streetThresholdFen: { works: 1, goods: 1 } }, 'streetThresholdFen.services'],
    ['a tender threshold past 2^53', { tenderThresholdFen: 2 ** 53 }, 'tenderThresholdFen'],
    ['a year before 2000', { year: 1999 }, 'year'],
    ['a quota as an operator object', { quotaFen: { $gt: 0 } }, 'quotaFen'],
  ])('refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call('u-district-yantian', START, 'policy.set', policy(overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the street', 'u-street-shatoujiao'],
    ['the community worker', 'u-com-zhongying'],
    ['a resident', 'u-res-1'],
    ['the city', 'u-city'],
  ])('only the district sets its policy: %s is forbidden, and nothing changes', async (_, openid) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, START, 'policy.set', policy()), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('answers unauthenticated, and not_found for a district that does not exist', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'policy.set', policy()), 'unauthenticated');
    expectRefused(await app.call('u-district-yantian', START, 'policy.set', policy({ districtId: 'd-nowhere' })), 'not_found', 'districtId');
  });
});
