import { createApp, dataOf, expectRefused, fingerprint, START } from '../support/app-harness';

const entry = {
  title: '长者助餐服务',
  category: 'services',
  plan: '委托社会组织每日供餐，社区监督',
  budgetLines: [
    { item: '助餐服务', amountFen: 900_000 },
    { item: '服务管理费', amountFen: 100_000, fee: true },
  ],
};

describe('library.update', () => {
  it('R-SUP-3: the street edits its own entry; the edit names the changed fields on the entry\'s trail', async () => {
    const app = createApp();
    const added = dataOf(await app.call('u-street-shatoujiao', START, 'library.add', entry));
    const updated = dataOf(await app.call('u-street-shatoujiao', START, 'library.update', { id: added.id, plan: '委托社会组织每日供餐，每周公示菜单' }));
    expect(updated).toEqual({ ...added, plan: '委托社会组织每日供餐，每周公示菜单' });
    expect(dataOf(await app.call(null, START, 'library.list', { scopeId: 's-shatoujiao' })).items[0]).toMatchObject({ id: added.id, plan: updated.plan });
    const trail = await app.store.auditTrail(`library:${added.id}`);
    expect(trail.map((e) => e.action)).toEqual(['library.add', 'library.update']);
    expect(trail[1].detail).toMatchObject({ changed: ['plan'] });
  });

  it('R-SUP-3: the district above the street may edit it; an edit that changes nothing writes nothing', async () => {
    const app = createApp();
    const added = dataOf(await app.call('u-street-shatoujiao', START, 'library.add', entry));
    dataOf(await app.call('u-district-yantian', START, 'library.update', { id: added.id, title: '长者助餐' }));
    const before = fingerprint(app);
    dataOf(await app.call('u-district-yantian', START, 'library.update', { id: added.id, title: '长者助餐' }));
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['another street', 'u-street-haishan'],
    ['a community worker', 'u-com-zhongying'],
  ])('R-SUP-3: %s may not edit a street\'s entry (forbidden), and nothing is written', async (_, openid) => {
    const app = createApp();
    const added = dataOf(await app.call('u-street-shatoujiao', START, 'library.add', entry));
    const before = fingerprint(app);
    expectRefused(await app.call(openid, START, 'library.update', { id: added.id, title: '改名' }), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-SUP-3: a city entry is edited by the city only; an unknown entry is not_found', async () => {
    const app = createApp();
    const added = dataOf(await app.call('u-city', START, 'library.add', entry));
    expectRefused(await app.call('u-district-yantian', START, 'library.update', { id: added.id, title: '改名' }), 'forbidden');
    expectRefused(await app.call('u-city', START, 'library.update', { id: 'lib-none', title: '改名' }), 'not_found', 'id');
  });
});
