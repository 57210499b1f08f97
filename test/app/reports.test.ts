import { bringTo, createApp, expectRefused, fingerprint, ledgerOf, newRequestId, outboxOf, type App, type Journey } from '../support/app-harness';
import { remindDueChecks } from '../../backend/app/jobs/remind-due-checks';

const pay = (app: App, journey: Journey, amountFen: number, kind = 'progress', budgetItem?: string) =>
  app.ok(journey.implementer, journey.day, 'payment.record', {
    id: journey.id,
    kind,
    amountFen,
    paidOn: journey.day,
    payee: '承接单位',
    voucherRef: `记-${amountFen}`,
    ...(budgetItem ? { budgetItem } : {}),
    requestId: newRequestId(),
  });

describe('inspection.record, inspection.list, inspection.resolve', () => {
  it('R-INS-1: the street self-checks in May, the finding is listed to the street and the district, and the street resolves it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const inspection = await app.ok('u-street-shatoujiao', '2026-05-12', 'inspection.record', {
      scopeId: 's-shatoujiao',
      kind: 'self_check',
      heldOn: '2026-05-12',
      findings: [{ proposalId: journey.id, text: '缺少验收记录', fixBy: '2026-05-29' }, { text: '议事会签到表未归档' }],
    });
    expect(inspection).toMatchObject({ kind: 'self_check', scopeId: 's-shatoujiao', version: 1, findings: [{ proposalId: journey.id }, { text: '议事会签到表未归档' }] });
    for (const [who, scopeId] of [['u-street-shatoujiao', 's-shatoujiao'], ['u-district-yantian', 'd-yantian'], ['u-city', 'city']]) {
      const listed = await app.ok(who, '2026-05-13', 'inspection.list', { scopeId, year: 2026 });
      expect(listed.items.map((item: { id: string }) => item.id)).toEqual([inspection.id]);
    }
    expect((await app.ok('u-street-haishan', '2026-05-13', 'inspection.list', { scopeId: 's-haishan' })).items).toEqual([]);
    const resolved = await app.ok('u-street-shatoujiao', '2026-05-20', 'inspection.resolve', { id: inspection.id, findingIndex: 0, resolvedOn: '2026-05-20', note: '已补录验收记录' });
    expect(resolved.findings[0]).toMatchObject({ resolvedOn: '2026-05-20', note: '已补录验收记录' });
    expect(resolved.version).toBe(2);
    expectRefused(await app.call('u-street-shatoujiao', '2026-05-20', 'inspection.resolve', { id: inspection.id, findingIndex: 0, resolvedOn: '2026-05-20', note: '再次' }), 'invalid_state');
    expectRefused(await app.call('u-street-shatoujiao', '2026-05-20', 'inspection.resolve', { id: inspection.id, findingIndex: 5, resolvedOn: '2026-05-20', note: '无' }), 'invalid_input', 'findingIndex');
    expectRefused(await app.call('u-street-haishan', '2026-05-20', 'inspection.resolve', { id: inspection.id, findingIndex: 1, resolvedOn: '2026-05-20', note: '无' }), 'forbidden');
  });

  it.each([
    ['a self-check outside May and November', 'u-street-shatoujiao', { scopeId: 's-shatoujiao', kind: 'self_check', heldOn: '2026-06-02' }, 'window_closed', 'heldOn'],
    ['a census of a street', 'u-district-yantian', { scopeId: 's-shatoujiao', kind: 'census', heldOn: '2026-11-10' }, 'invalid_input', 'scopeId'],
    ['a street holding the census', 'u-street-shatoujiao', { scopeId: 'd-yantian', kind: 'census', heldOn: '2026-11-10' }, 'forbidden', undefined],
    ['a street checking another street', 'u-street-haishan', { scopeId: 's-shatoujiao', kind: 'self_check', heldOn: '2026-11-10' }, 'forbidden', undefined],
    ['a finding naming a project outside the scope', 'u-street-haishan', { scopeId: 's-haishan', kind: 'self_check', heldOn: '2026-11-10', findings: [{ proposalId: 'p-nowhere', text: '无' }] }, 'not_found', 'findings.0.proposalId'],
  ])('R-INS-1: refuses %s, and nothing changes', async (_, who, payload, code, field) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(who as string, '2026-11-20', 'inspection.record', { findings: [], ...(payload as object) }), code as never, field as string | undefined);
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-INS-1: the district holds its census in November and the city samples any unit at any time', async () => {
    const app = createApp();
    await app.ok('u-district-yantian', '2026-11-20', 'inspection.record', { scopeId: 'd-yantian', kind: 'census', heldOn: '2026-11-18', findings: [] });
    await app.ok('u-city', '2026-07-20', 'inspection.record', { scopeId: 'c-tianxin', kind: 'sampling', heldOn: '2026-07-20', findings: [{ text: '抽查无问题' }] });
    expect((await app.ok('u-street-haishan', '2026-11-20', 'inspection.list', { scopeId: 's-haishan' })).items.map((i: { kind: string }) => i.kind)).toEqual(['sampling']);
    expect((await app.ok('u-district-yantian', '2026-11-20', 'inspection.list', { scopeId: 'd-yantian' })).items).toHaveLength(2);
  });
});

describe('R-INS-1: the due checks at the start of May and November', () => {
  const jobsAt = (app: App, instant: string) => remindDueChecks({ store: app.store, clock: { now: () => new Date(instant) } });

  it('tells the streets and the district once in May, the district of its census in November, and nothing in other months', async () => {
    const app = createApp();
    const queued = async () => (await outboxOf(app)).filter((message) => message.kind === 'inspection_due').length;
    await jobsAt(app, '2026-04-30T10:00:00+08:00');
    expect(await queued()).toBe(0);
    await jobsAt(app, '2026-05-01T00:10:00+08:00');
    const may = await queued();
    // Two streets and the district each have one member of staff in the demo.
    expect(may).toBe(3);
    await jobsAt(app, '2026-05-01T00:20:00+08:00');
    expect(await queued()).toBe(may);
    await jobsAt(app, '2026-11-02T09:00:00+08:00');
    expect(await queued()).toBe(may + 3);
    const due = (await outboxOf(app)).filter((message) => message.kind === 'inspection_due');
    expect(due.map((message) => [message.recipientOpenid, message.payload.inspectionKind])).toEqual(
      expect.arrayContaining([['u-street-shatoujiao', 'self_check'], ['u-district-yantian', 'census']]),
    );
  });
});

describe('plan.set and report.summary', () => {
  it('R-PLN-1: only the street plans, only its own communities', async () => {
    const app = createApp();
    const plan = { streetId: 's-shatoujiao', year: 2026, items: [{ communityId: 'c-zhongying', plannedCount: 3, plannedFen: 30_000_000 }], note: '年度计划' };
    expect(await app.ok('u-street-shatoujiao', '2026-03-02', 'plan.set', plan)).toMatchObject({ streetId: 's-shatoujiao', year: 2026 });
    expectRefused(await app.call('u-street-haishan', '2026-03-02', 'plan.set', plan), 'forbidden');
    expectRefused(await app.call('u-district-yantian', '2026-03-02', 'plan.set', plan), 'forbidden');
    expectRefused(await app.call('u-street-shatoujiao', '2026-03-02', 'plan.set', { ...plan, items: [{ communityId: 'c-tianxin', plannedCount: 1, plannedFen: 1 }] }), 'invalid_input', 'items.0.communityId');
    expectRefused(await app.call('u-street-shatoujiao', '2026-03-02', 'plan.set', { ...plan, streetId: 's-nowhere' }), 'not_found', 'streetId');
  });

  it('R-RPT-1: who reads the summary of which scope', async () => {
    const app = createApp();
    expectRefused(await app.call('u-street-shatoujiao', '2026-03-02', 'report.summary', { scopeId: 'd-yantian', year: 2026 }), 'forbidden');
    expectRefused(await app.call('u-com-zhongying', '2026-03-02', 'report.summary', { scopeId: 'c-zhongying', year: 2026 }), 'forbidden');
    expectRefused(await app.call('u-city', '2026-03-02', 'report.summary', { scopeId: 'd-nowhere', year: 2026 }), 'not_found', 'scopeId');
    expectRefused(await app.call('u-city', '2026-03-02', 'report.summary', { scopeId: 'city', year: 2026, quarter: 5 }), 'invalid_input', 'quarter');
    const city = await app.ok('u-city', '2026-03-02', 'report.summary', { scopeId: 'city', year: 2026 });
    expect(city.rows.map((row: { communityId: string }) => row.communityId)).toEqual(['c-zhongying', 'c-qiaoyuan', 'c-tianxin']);
  });

  it('the year: two communities, four projects, payments, an acceptance failed then passed, a finding resolved — the quarterly summary equals the ledger and the payments', async () => {
    const app = createApp();
    const street = 'u-street-shatoujiao';
    await app.ok(street, '2026-03-02', 'plan.set', {
      streetId: 's-shatoujiao',
      year: 2026,
      items: [
        { communityId: 'c-zhongying', plannedCount: 3, plannedFen: 15_000_000 },
        { communityId: 'c-qiaoyuan', plannedCount: 2, plannedFen: 10_000_000 },
      ],
      note: '2026 年度民生微实事计划',
    });
    // Four projects: two audited in c-zhongying (one after a failed acceptance), one completed and one implementing in c-qiaoyuan.
    const a = await bringTo(app, 'evaluated', { community: 'c-zhongying', title: '中英街路灯' });
    await pay(app, a, 2_000_000, 'advance', '太阳能路灯 10 盏');
    await pay(app, a, 2_900_000, 'final');
    await app.ok('u-street-shatoujiao', a.days.auditedOn, 'audit.publish', { id: a.id, auditor: '盐田区审计事务所', spentFen: 4_900_000, report: '审定。' });
    const b = await bringTo(app, 'started', { community: 'c-zhongying', title: '中英街座椅' });
    b.day = b.days.completedOn;
    await app.ok(b.implementer, b.day, 'implementation.accept', { id: b.id, acceptedOn: b.day, participants: ['李四'], opinion: '座椅松动', passed: false });
    await app.ok(b.implementer, b.day, 'implementation.accept', { id: b.id, acceptedOn: b.day, participants: ['李四', '王五'], opinion: '整改合格', passed: true });
    await pay(app, b, 5_000_000, 'final');
    const c = await bringTo(app, 'started', { community: 'c-qiaoyuan', title: '桥园健身器材' });
    c.day = c.days.completedOn;
    await pay(app, c, 1_000_000, 'advance');
    const d = await bringTo(app, 'approved', { community: 'c-qiaoyuan', title: '桥园宣传栏' });
    // The May self-check finds the failed acceptance's paper missing; the street resolves it.
    const inspection = await app.ok(street, '2026-05-11', 'inspection.record', { scopeId: 's-shatoujiao', kind: 'self_check', heldOn: '2026-05-11', findings: [{ proposalId: b.id, text: '整改记录未归档' }] });
    await app.ok(street, '2026-05-15', 'inspection.resolve', { id: inspection.id, findingIndex: 0, resolvedOn: '2026-05-15', note: '已归档' });

    const summary = await app.ok(street, '2026-07-01', 'report.summary', { scopeId: 's-shatoujiao', year: 2026, quarter: 2 });
    expect(summary).toMatchObject({ scopeId: 's-shatoujiao', year: 2026, quarter: 2, from: '2026-01-01', through: '2026-06-30' });
    const rowOf = (id: string) => summary.rows.find((row: { communityId: string }) => row.communityId === id);
    for (const communityId of ['c-zhongying', 'c-qiaoyuan']) {
      const ledger = await ledgerOf(app, communityId);
      expect(rowOf(communityId)).toMatchObject({ approvedFen: ledger.approvedFen });
      // Spent on the ledger: audited figures once audited, else payments.
      expect(rowOf(communityId).auditedFen + rowOf(communityId).paidFen - (communityId === 'c-zhongying' ? 4_900_000 : 0)).toBe(ledger.spentFen);
    }
    expect(rowOf('c-zhongying')).toMatchObject({ paidFen: 9_900_000, auditedFen: 4_900_000, plannedCount: 3, plannedFen: 15_000_000, byState: { audited: 1, completed: 0, implementing: 1 } });
    expect(rowOf('c-qiaoyuan')).toMatchObject({ paidFen: 1_000_000, auditedFen: 0, byState: { implementing: 1, approved: 1 }, byCategory: { goods: 2 } });
    expect(summary.total).toMatchObject({ paidFen: 10_900_000, auditedFen: 4_900_000, approvedFen: rowOf('c-zhongying').approvedFen + rowOf('c-qiaoyuan').approvedFen, plannedCount: 5 });
    expect(summary.total.meetingsHeld).toBeGreaterThanOrEqual(4);
    // The first quarter's summary holds what happened by 31 March only.
    const firstQuarter = await app.ok(street, '2026-07-01', 'report.summary', { scopeId: 's-shatoujiao', year: 2026, quarter: 1 });
    expect(firstQuarter.total.auditedFen).toBeLessThanOrEqual(summary.total.auditedFen);
    void d;
  });
});
