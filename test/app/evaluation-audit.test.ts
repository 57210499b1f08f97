import {
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  ledgerChain,
  ledgerOf,
  outboxOf,
} from '../support/app-harness';

const audit = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  auditor: '盐田区审计事务所',
  spentFen: 4_920_000,
  report: '资金使用规范，结余 800 元已退回。',
  ...overrides,
});

describe('evaluation.publish', () => {
  it('R-EVA-1: the community publishes the evaluation; it is public, and the proposer is told', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const messages = (await outboxOf(app)).length;
    await app.ok('u-com-zhongying', journey.days.evaluatedOn, 'evaluation.publish', { id: journey.id, summary: '居民满意度高。' });
    expect(dataOf(await app.call(null, journey.days.evaluatedOn, 'proposal.get', { id: journey.id }))).toMatchObject({
      state: 'evaluated',
      evaluation: { summary: '居民满意度高。', publishedOn: journey.days.evaluatedOn },
    });
    expect((await outboxOf(app)).slice(messages)).toEqual([expect.objectContaining({ recipientOpenid: 'u-res-1', payload: expect.objectContaining({ from: 'completed', to: 'evaluated' }) })]);
  });

  it.each([
    ['a blank summary', { summary: ' ' }, 'summary'],
    ['a summary over 2000 characters', { summary: '评'.repeat(2001) }, 'summary'],
    ['an operator object as the summary', { summary: { $ne: null } }, 'summary'],
  ])('R-EVA-1: refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'evaluation.publish', { id: journey.id, ...overrides }), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each(['started', 'evaluated'] as const)('a project that is %s gets no evaluation (invalid_state)', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'evaluation.publish', { id: journey.id, summary: '满意' }), 'invalid_state');
  });

  it.each([
    ['a resident', 'u-res-1'],
    ['the street', 'u-street-shatoujiao'],
    ['the worker of another community', 'u-com-tianxin'],
  ])('R-EVA-1: only the community publishes the evaluation: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    expectRefused(await app.call(openid, journey.day, 'evaluation.publish', { id: journey.id, summary: '满意' }), 'forbidden');
  });

  it('answers unauthenticated and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    expectRefused(await app.call(null, journey.day, 'evaluation.publish', { id: journey.id, summary: '满意' }), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'evaluation.publish', { id: 'p-nowhere', summary: '满意' }), 'not_found', 'id');
  });
});

describe('audit.publish', () => {
  it('R-AUD-1, R-FUN-4: the street publishes the audit and the spending, which goes on the public ledger with its own audit entry', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    const ledgerEntries = (await app.store.auditTrail(ledgerChain('c-zhongying'))).length;
    await app.ok('u-street-shatoujiao', journey.days.auditedOn, 'audit.publish', audit(journey.id));
    expect(dataOf(await app.call(null, journey.days.auditedOn, 'proposal.get', { id: journey.id }))).toMatchObject({
      state: 'audited',
      audit: { auditor: '盐田区审计事务所', spentFen: 4_920_000, report: '资金使用规范，结余 800 元已退回。', publishedOn: journey.days.auditedOn },
    });
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ approvedFen: journey.approvedBudgetFen, spentFen: 4_920_000 });
    const ledgerTrail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(ledgerTrail).toHaveLength(ledgerEntries + 1);
    expect(ledgerTrail[ledgerTrail.length - 1]).toMatchObject({ action: 'audit.publish', detail: { proposalId: journey.id, spentDeltaFen: 4_920_000, approvedDeltaFen: 0 } });
  });

  it.each([
    ['a negative spending', { spentFen: -1 }, 'spentFen'],
    ['a fractional spending', { spentFen: 100.5 }, 'spentFen'],
    ['a spending past 2^53', { spentFen: 2 ** 53 + 2 }, 'spentFen'],
    ['a spending as a string', { spentFen: '4920000' }, 'spentFen'],
    ['a missing auditor', { auditor: undefined }, 'auditor'],
    ['a report over 5000 characters', { report: '审'.repeat(5001) }, 'report'],
  ])('R-AUD-1: refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'audit.publish', audit(journey.id, overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-AUD-1: a project not yet evaluated is not audited (invalid_state), and the ledger is untouched', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'audit.publish', audit(journey.id)), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the community worker', 'u-com-zhongying'],
    ['another street', 'u-street-haishan'],
    ['the district', 'u-district-yantian'],
  ])('R-AUD-1: only the street publishes the audit: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    expectRefused(await app.call(openid, journey.day, 'audit.publish', audit(journey.id)), 'forbidden');
  });

  it('answers unauthenticated and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    expectRefused(await app.call(null, journey.day, 'audit.publish', audit(journey.id)), 'unauthenticated');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'audit.publish', audit('p-nowhere')), 'not_found', 'id');
  });
});
