import { attachStagePapers } from '../support/archive';
import { bringTo, createApp, dataOf, expectRefused, fingerprint, ledgerChain, ledgerOf, newRequestId } from '../support/app-harness';

const payment = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  kind: 'advance',
  amountFen: 1_500_000,
  paidOn: '2026-03-20',
  payee: '沙头角照明工程公司',
  voucherRef: '记-2026-031',
  budgetItem: '太阳能路灯 10 盏',
  requestId: newRequestId(),
  ...overrides,
});

const acceptance = (overrides: Record<string, unknown> = {}) => ({
  acceptedOn: '2026-03-25',
  participants: ['社区工作站 李四', '居民代表 王五'],
  opinion: '路灯全部点亮，安装牢固。',
  passed: true,
  ...overrides,
});

describe('payment.record', () => {
  it('R-PAY-1, R-PAY-2: the implementing side records payments; the project shows them per budget line and the ledger counts them as spent', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    const first = await app.ok(journey.implementer, day, 'payment.record', payment(journey.id));
    expect(first).toMatchObject({ proposalId: journey.id, kind: 'advance', amountFen: 1_500_000, budgetItem: '太阳能路灯 10 盏' });
    expect(first).not.toHaveProperty('recordedBy');
    await app.ok(journey.implementer, day, 'payment.record', payment(journey.id, { kind: 'progress', amountFen: 500_000, budgetItem: '安装调试' }));
    const view = dataOf(await app.call(null, day, 'proposal.get', { id: journey.id }));
    expect(view.paidFen).toBe(2_000_000);
    expect(view.payments).toHaveLength(2);
    expect(view.budgetProgress).toEqual([
      { item: '太阳能路灯 10 盏', plannedFen: 4_000_000, paidFen: 1_500_000 },
      { item: '安装调试', plannedFen: 1_000_000, paidFen: 500_000 },
    ]);
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ spentFen: 2_000_000 });
    const trail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(trail[trail.length - 1]).toMatchObject({ action: 'payment.record', detail: expect.objectContaining({ spentDeltaFen: 500_000 }) });
  });

  it('R-PAY-1: the same requestId from the same caller answers the first payment and pays nothing twice', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const again = payment(journey.id, { requestId: 'pay-once-0001' });
    const first = await app.ok(journey.implementer, journey.days.completedOn, 'payment.record', again);
    const second = await app.ok(journey.implementer, journey.days.completedOn, 'payment.record', again);
    expect(second).toEqual(first);
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ spentFen: 1_500_000 });
  });

  it('R-PAY-3: payments never pass the approved budget (budget_exceeded), and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    await app.ok(journey.implementer, journey.days.completedOn, 'payment.record', payment(journey.id, { amountFen: 4_000_000 }));
    const before = fingerprint(app);
    expectRefused(await app.call(journey.implementer, journey.days.completedOn, 'payment.record', payment(journey.id, { amountFen: 1_000_001 })), 'budget_exceeded', 'amountFen');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-PAY-3: nothing is paid after the final payment (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    await app.ok(journey.implementer, journey.days.completedOn, 'payment.record', payment(journey.id, { kind: 'final', amountFen: 1_000_000 }));
    const view = dataOf(await app.call(journey.implementer, journey.days.completedOn, 'proposal.get', { id: journey.id }));
    expect(view.allowedActions).not.toContain('payment.record');
    expectRefused(await app.call(journey.implementer, journey.days.completedOn, 'payment.record', payment(journey.id, { amountFen: 1 })), 'invalid_state');
  });

  it('R-PAY-1: only from implementation on (invalid_state before)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    expectRefused(await app.call(journey.cast.worker, journey.day, 'payment.record', payment(journey.id, { paidOn: journey.day })), 'invalid_state');
  });

  it.each([
    ['an unknown budget line', { budgetItem: '不存在的项目' }, 'budgetItem'],
    ['a payment dated before the implementer was set', { paidOn: '2026-01-05' }, 'paidOn'],
    ['a payment dated in the future', { paidOn: '2026-12-31' }, 'paidOn'],
    ['a zero amount', { amountFen: 0 }, 'amountFen'],
    ['an amount in yuan with decimals', { amountFen: 15.5 }, 'amountFen'],
    ['an unknown kind', { kind: 'bonus' }, 'kind'],
  ])('refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const before = fingerprint(app);
    expectRefused(await app.call(journey.implementer, journey.days.completedOn, 'payment.record', payment(journey.id, overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-IMP-1: only the implementing side records payments', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    expectRefused(await app.call('u-street-shatoujiao', journey.day, 'payment.record', payment(journey.id)), 'forbidden');
    expectRefused(await app.call('u-res-1', journey.day, 'payment.record', payment(journey.id)), 'forbidden');
    expectRefused(await app.call(null, journey.day, 'payment.record', payment(journey.id)), 'unauthenticated');
    expectRefused(await app.call(journey.implementer, journey.day, 'payment.record', payment('p-nowhere')), 'not_found', 'id');
  });

  it('R-PAY-2, R-FUN-4: once audited the ledger counts the audited figure, not the payments; a mismatch is on the checklist', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    await app.ok(journey.implementer, journey.day, 'payment.record', payment(journey.id, { kind: 'final', amountFen: 4_800_000, paidOn: journey.day }));
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ spentFen: 4_800_000 });
    await app.ok('u-street-shatoujiao', journey.days.auditedOn, 'audit.publish', { id: journey.id, auditor: '盐田区审计事务所', spentFen: 4_900_000, report: '审定金额 49,000 元。' });
    expect(await ledgerOf(app, 'c-zhongying')).toMatchObject({ spentFen: 4_900_000 });
    const checklist = await app.ok('u-street-shatoujiao', journey.days.auditedOn, 'oversight.checklist', { scopeId: 's-shatoujiao' });
    const entry = checklist.items.find((item: { id: string }) => item.id === journey.id);
    expect(entry.missing.map((m: { id: string }) => m.id)).toContain('payments');
  });

  it('R-PAY-2: an audited project without any payment is on the checklist (missing payments)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    await app.ok('u-street-shatoujiao', journey.days.auditedOn, 'audit.publish', { id: journey.id, auditor: '盐田区审计事务所', spentFen: 4_900_000, report: '审定。' });
    // Every paper of the archive attached: the payments are what is missing.
    await attachStagePapers(app, journey);
    const checklist = await app.ok('u-street-shatoujiao', journey.days.auditedOn, 'oversight.checklist', { scopeId: 's-shatoujiao' });
    expect(checklist.items.find((item: { id: string }) => item.id === journey.id).missing.map((m: { id: string }) => m.id)).toEqual(['payments']);
  });

});

describe('implementation.accept', () => {
  it('R-ACC-1: a failed acceptance is held again, and the latest counts; the completed project then leaves the checklist of acceptance', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    const failed = await app.ok(journey.implementer, day, 'implementation.accept', { id: journey.id, ...acceptance({ passed: false, opinion: '两盏路灯不亮，限期整改。' }) });
    expect(failed.acceptances).toHaveLength(1);
    expect(failed.allowedActions).toContain('implementation.accept');
    const done = await app.ok(journey.implementer, day, 'implementation.complete', {
      id: journey.id,
      completedOn: day,
      maintenanceUnit: '中英街社区工作站',
      maintenanceFunding: '社区公共服务经费',
    });
    // Every paper of the archive attached: the acceptance is what is missing.
    await attachStagePapers(app, { ...journey, day });
    let checklist = await app.ok('u-street-shatoujiao', day, 'oversight.checklist', { scopeId: 's-shatoujiao' });
    expect(checklist.items.find((item: { id: string }) => item.id === done.id).missing.map((m: { id: string }) => m.id)).toEqual(['acceptance']);
    const passed = await app.ok(journey.implementer, day, 'implementation.accept', { id: journey.id, ...acceptance() });
    expect(passed.acceptances.map((a: { passed: boolean }) => a.passed)).toEqual([false, true]);
    expect(passed.allowedActions).not.toContain('implementation.accept');
    checklist = await app.ok('u-street-shatoujiao', day, 'oversight.checklist', { scopeId: 's-shatoujiao' });
    expect(checklist.items.find((item: { id: string }) => item.id === journey.id)).toBeUndefined();
    expectRefused(await app.call(journey.implementer, day, 'implementation.accept', { id: journey.id, ...acceptance() }), 'invalid_state');
  });

  it('R-ACC-1: implementation.complete takes the acceptance with it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    const done = await app.ok(journey.implementer, day, 'implementation.complete', {
      id: journey.id,
      completedOn: day,
      maintenanceUnit: '中英街社区工作站',
      maintenanceFunding: '社区公共服务经费',
      acceptance: acceptance({ acceptedOn: day }),
    });
    expect(done).toMatchObject({ state: 'completed', acceptances: [expect.objectContaining({ passed: true, acceptedOn: day })] });
  });

  it.each([
    ['no participants', { participants: [] }, 'participants'],
    ['a blank opinion', { opinion: ' ' }, 'opinion'],
    ['a date before the implementer was set', { acceptedOn: '2026-01-02' }, 'acceptedOn'],
  ])('R-ACC-1: refuses %s (invalid_input), and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const before = fingerprint(app);
    expectRefused(await app.call(journey.implementer, journey.days.completedOn, 'implementation.accept', { id: journey.id, ...acceptance(overrides) }), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-ACC-1: an acceptance given with the completion is checked like one alone', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    expectRefused(
      await app.call(journey.implementer, day, 'implementation.complete', {
        id: journey.id,
        completedOn: day,
        maintenanceUnit: '中英街社区工作站',
        maintenanceFunding: '社区公共服务经费',
        acceptance: acceptance({ acceptedOn: '2026-01-02' }),
      }),
      'invalid_input',
      'acceptance.acceptedOn',
    );
  });

  it('R-ACC-1: not before implementation, and only by the implementing side', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    expectRefused(await app.call(journey.cast.worker, journey.day, 'implementation.accept', { id: journey.id, ...acceptance({ acceptedOn: journey.day }) }), 'invalid_state');
    const started = await bringTo(app, 'started');
    expectRefused(await app.call('u-street-shatoujiao', started.day, 'implementation.accept', { id: started.id, ...acceptance({ acceptedOn: started.day }) }), 'forbidden');
  });
});
