import { addDays } from '../../backend/domain/calendar';
import { createApp, dataOf, expectRefused, fingerprint, proposalPayload, START } from '../support/app-harness';

const entry = (overrides: Record<string, unknown> = {}) => ({
  title: '长者助餐服务',
  category: 'services',
  plan: '委托社会组织每日供餐，社区监督',
  budgetLines: [
    { item: '助餐服务', amountFen: 900_000 },
    { item: '服务管理费', amountFen: 100_000, fee: true },
  ],
  ...overrides,
});

describe('library.add', () => {
  it.each([
    ['the street', 'u-street-shatoujiao', 's-shatoujiao'],
    ['the district', 'u-district-yantian', 'd-yantian'],
    ['the city', 'u-city', 'city'],
  ])('R-SUP-3: %s adds a proven project with its plan and budget; the addition is audited', async (_, openid, scopeId) => {
    const app = createApp();
    const added = dataOf(await app.call(openid, START, 'library.add', entry()));
    expect(added).toEqual({
      id: expect.any(String),
      ...entry(),
      createdAt: new Date(`${START}T10:00:00+08:00`).toISOString(),
      scope: { level: scopeId === 'city' ? 'city' : scopeId.startsWith('d-') ? 'district' : 'street', id: scopeId },
    });
    expect(await app.store.auditTrail(`library:${added.id}`)).toEqual([
      expect.objectContaining({ actor: openid, action: 'library.add', detail: expect.objectContaining({ scopeId }) }),
    ]);
  });

  it.each([
    ['the community worker', 'u-com-zhongying'],
    ['a resident', 'u-res-1'],
  ])('R-SUP-3: %s does not curate the library (forbidden), and nothing is written', async (_, openid) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, START, 'library.add', entry()), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['an unknown category', { category: 'parks' }, 'category'],
    ['a title over 50 characters', { title: '项'.repeat(51) }, 'title'],
    ['a missing plan', { plan: undefined }, 'plan'],
    ['no budget lines', { budgetLines: [] }, 'budgetLines'],
    ['a negative amount', { budgetLines: [{ item: '服务', amountFen: -1 }] }, 'budgetLines.0.amountFen'],
    ['a fractional amount', { budgetLines: [{ item: '服务', amountFen: 0.5 }] }, 'budgetLines.0.amountFen'],
    ['an operator object as the title', { title: { $ne: null } }, 'title'],
  ])('refuses %s (invalid_input), and writes nothing', async (_, overrides, field) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', START, 'library.add', entry(overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it('asks an anonymous caller to sign in (unauthenticated)', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'library.add', entry()), 'unauthenticated');
  });
});

describe('library.list', () => {
  it('R-SUP-3: the library is public, newest first, a page at a time', async () => {
    const app = createApp();
    const first = await app.ok('u-city', START, 'library.add', entry({ title: '甲' }));
    const second = await app.ok('u-district-yantian', addDays(START, 1), 'library.add', entry({ title: '乙' }));
    const page = dataOf(await app.call(null, addDays(START, 2), 'library.list', { scopeId: 'c-tianxin', limit: 1 }));
    expect(page.items).toEqual([second]);
    expect(dataOf(await app.call(null, addDays(START, 2), 'library.list', { scopeId: 'c-tianxin', limit: 1, cursor: page.nextCursor }))).toEqual({ items: [first], nextCursor: null });
  });

  it('R-SUP-3: a street\'s entries are seen inside that street, a district\'s inside that district, the city\'s everywhere; each says its scope', async () => {
    const app = createApp();
    const city = await app.ok('u-city', START, 'library.add', entry({ title: '市级' }));
    const district = await app.ok('u-district-yantian', START, 'library.add', entry({ title: '区级' }));
    const haishan = await app.ok('u-street-haishan', START, 'library.add', entry({ title: '海山' }));
    const titles = async (payload: object) => dataOf(await app.call(null, START, 'library.list', payload)).items.map((item: any) => `${item.title}:${item.scope.level}:${item.scope.id}`);
    expect(await titles({ scopeId: 'c-tianxin' })).toEqual(['海山:street:s-haishan', '区级:district:d-yantian', '市级:city:city']);
    expect(await titles({ scopeId: 'c-zhongying' })).toEqual(['区级:district:d-yantian', '市级:city:city']);
    expect(await titles({ scopeId: 's-haishan' })).toEqual(['海山:street:s-haishan', '区级:district:d-yantian', '市级:city:city']);
    expect(await titles({ scopeId: 'd-yantian' })).toEqual(['区级:district:d-yantian', '市级:city:city']);
    expect(await titles({})).toEqual(['市级:city:city']);
    expectRefused(await app.call(null, START, 'library.list', { scopeId: 'c-nowhere' }), 'not_found', 'scopeId');
    // R-SUP-3: a proposal starts only from an entry usable in its community.
    const fromLibrary = (libraryEntryId: string, communityId: string, resident: string) =>
      app.call(resident, START, 'proposal.submit', { communityId, title: '从项目库发起', category: 'goods', location: '社区广场', description: '按项目库的标准方案实施', source: 'library', libraryEntryId, requestId: `lib-${libraryEntryId}-${communityId}` });
    expectRefused(await fromLibrary(haishan.id, 'c-zhongying', 'u-res-1'), 'forbidden', 'libraryEntryId');
    expect(dataOf(await fromLibrary(haishan.id, 'c-tianxin', 'u-res-3')).libraryEntryId).toBe(haishan.id);
    expect(dataOf(await fromLibrary(district.id, 'c-zhongying', 'u-res-1')).libraryEntryId).toBe(district.id);
    expect(dataOf(await fromLibrary(city.id, 'c-zhongying', 'u-res-2')).libraryEntryId).toBe(city.id);
  });

  it('refuses a bad cursor or page size (invalid_input)', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'library.list', { cursor: 'nope' }), 'invalid_input', 'cursor');
    expectRefused(await app.call(null, START, 'library.list', { limit: 51 }), 'invalid_input', 'limit');
  });

  it('R-SUP-3: a proposal started from a library entry names it as its source', async () => {
    const app = createApp();
    const added = await app.ok('u-street-shatoujiao', START, 'library.add', entry());
    const view = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source: 'library', libraryEntryId: added.id, category: 'services' })));
    expect(view).toMatchObject({ source: 'library', libraryEntryId: added.id, libraryTemplate: { plan: added.plan, budgetLines: added.budgetLines } });
  });
});
