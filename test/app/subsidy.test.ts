import { bringTo, createApp, dataOf, expectRefused, START } from '../support/app-harness';

describe('subsidy.application', () => {
  it('R-FUN-3: the district lists the year’s approved projects with their total, the city’s 1:1 match and the due dates', async () => {
    const app = createApp();
    const approved = await bringTo(app, 'approved', { approvedBudgetFen: 6_000_000 });
    const audited = await bringTo(app, 'audited', { community: 'c-tianxin', approvedBudgetFen: 4_000_000 });
    await bringTo(app, 'street_review', { proposer: 'u-res-2' });
    await bringTo(app, 'withdrawn', { community: 'c-qiaoyuan' });
    const application = dataOf(await app.call('u-district-yantian', audited.day, 'subsidy.application', { year: 2026 }));
    expect(application).toMatchObject({
      districtId: 'd-yantian',
      year: 2026,
      communityCount: 3,
      totalApprovedFen: 10_000_000,
      cityMatchFen: 10_000_000,
      dueOn: { on: '2026-11-30', provisional: false },
      lateDueOn: { on: '2027-02-01', provisional: true },
    });
    expect(application.projects.map((project: any) => [project.id, project.state, project.approvedBudgetFen]).sort()).toEqual(
      [
        [approved.id, 'approved', 6_000_000],
        [audited.id, 'audited', 4_000_000],
      ].sort(),
    );
    expect(application.csv).toContain('小区路灯维修');
    expect(application.csv.split('\n')[0]).toContain('项目编号');
  });

  it('R-FUN-3: the city matches at most 1,000,000 CNY per community on average: 3 communities cap the match at 300,000,000 fen', async () => {
    const app = createApp();
    for (const community of ['c-zhongying', 'c-qiaoyuan', 'c-tianxin'] as const) {
      await app.ok(community === 'c-tianxin' ? 'u-street-haishan' : 'u-street-shatoujiao', START, 'ledger.allocate', { communityId: community, year: 2026, allocatedFen: 200_000_000 });
      await bringTo(app, 'approved', { community, approvedBudgetFen: 150_000_000 });
    }
    const application = dataOf(await app.call('u-district-yantian', '2026-04-01', 'subsidy.application', { year: 2026 }));
    expect(application).toMatchObject({ totalApprovedFen: 450_000_000, cityMatchFen: 300_000_000 });
  });

  it('R-FUN-3: the list read again follows every change of its projects: a new approval, a state moving on, a withdrawal', async () => {
    const app = createApp();
    const ask = async () => dataOf(await app.call('u-district-yantian', '2026-04-01', 'subsidy.application', { year: 2026 }));
    const first = await bringTo(app, 'approved', { approvedBudgetFen: 6_000_000 });
    expect(await ask()).toMatchObject({ totalApprovedFen: 6_000_000, projects: [expect.objectContaining({ id: first.id, state: 'approved' })] });
    const second = await bringTo(app, 'approved', { approvedBudgetFen: 3_000_000 });
    expect((await ask()).projects).toHaveLength(2);
    await app.ok('u-com-zhongying', first.day, 'publicity.publish', { id: first.id });
    const moved = await ask();
    expect(moved.projects.find((project: any) => project.id === first.id).state).toBe('publicity');
    expect(moved.csv).toContain('公示中');
    const change = await app.ok('u-com-zhongying', second.day, 'change.request', { id: second.id, kind: 'withdraw', reason: '场地被征用' });
    await app.ok('u-street-shatoujiao', second.day, 'change.decide', { changeId: change.id, approve: true, reason: '同意' });
    expect(await ask()).toMatchObject({ totalApprovedFen: 6_000_000, projects: [expect.objectContaining({ id: first.id })] });
  });

  it('R-FUN-3: a year with no approvals is an empty list with nothing to match', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-district-yantian', START, 'subsidy.application', { year: 2025 }))).toMatchObject({ projects: [], totalApprovedFen: 0, cityMatchFen: 0 });
  });

  it.each([
    ['the street', 'u-street-shatoujiao'],
    ['the community worker', 'u-com-zhongying'],
    ['a resident', 'u-res-1'],
    ['the city', 'u-city'],
  ])('R-FUN-3: only the district applies: %s is forbidden', async (_, openid) => {
    const app = createApp();
    expectRefused(await app.call(openid, START, 'subsidy.application', { year: 2026, districtId: 'd-yantian' }), 'forbidden');
  });

  it.each([
    ['a missing year', {}, 'year'],
    ['a year as a string', { year: '2026' }, 'year'],
    ['a year past 2100', { year: 2101 }, 'year'],
    ['an operator object as the district', { year: 2026, districtId: { $ne: null } }, 'districtId'],
  ])('refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call('u-district-yantian', START, 'subsidy.application', payload), 'invalid_input', field);
  });

  it('answers unauthenticated, and not_found for a district that does not exist', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'subsidy.application', { year: 2026 }), 'unauthenticated');
    expectRefused(await app.call('u-district-yantian', START, 'subsidy.application', { year: 2026, districtId: 'd-nowhere' }), 'not_found', 'districtId');
  });
});
