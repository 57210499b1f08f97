import { createApp, dataOf, expectRefused, fingerprint, START } from '../support/app-harness';

const districtsOf = async (app: ReturnType<typeof createApp>) => dataOf(await app.call(null, START, 'directory.get', {})).districts;

describe('directory.import', () => {
  it('the city loads Shenzhen: 9 districts, 79 streets, 783 communities; a second import changes nothing; a dry run writes nothing', async () => {
    const app = createApp();
    const before = fingerprint(app);
    expect(dataOf(await app.call('u-city', START, 'directory.import', { cityCode: '4403', dryRun: true }))).toEqual({ added: 871, renamed: 0, retired: 0, unchanged: 0 });
    expect(fingerprint(app)).toEqual(before);
    expect(dataOf(await app.call('u-city', START, 'directory.import', { cityCode: '4403' }))).toEqual({ added: 871, renamed: 0, retired: 0, unchanged: 0 });
    expect(dataOf(await app.call('u-city', START, 'directory.import', { cityCode: '4403' }))).toEqual({ added: 0, renamed: 0, retired: 0, unchanged: 871 });
    const districts = await districtsOf(app);
    // The demo district stays beside the real ones.
    expect(districts.map((district: { id: string }) => district.id)).toEqual(expect.arrayContaining(['d-yantian', 'd-440308']));
    expect(districts).toHaveLength(10);
    expect((await app.store.auditTrail('directory:city')).length).toBe(9);
  });

  it('a unit the dataset no longer has is retired with its records, not deleted', async () => {
    const app = createApp();
    await app.ok('u-city', START, 'directory.import', { cityCode: '4403' });
    // A community that only the store still knows, as if a later dataset dropped it.
    await app.ok('u-city', START, 'directory.upsert', { kind: 'community', name: '旧社区', parentId: 's-440308003', code: '440308003999' });
    await app.ok('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' });
    expect(dataOf(await app.call('u-city', START, 'directory.import', { cityCode: '4403' }))).toMatchObject({ retired: 1, added: 0 });
    const units = dataOf(await app.call(null, START, 'directory.units', {})).items;
    expect(units.find((unit: { id: string }) => unit.id === 'c-440308003999')).toEqual({ id: 'c-440308003999', kind: 'community', code: '440308003999', name: '旧社区', parentId: 's-440308003', active: false });
  });

  it('only the city imports, only a city this build ships', async () => {
    const app = createApp();
    expectRefused(await app.call('u-district-yantian', START, 'directory.import', { cityCode: '4403' }), 'forbidden');
    expectRefused(await app.call('u-city', START, 'directory.import', { cityCode: '1101' }), 'not_found', 'cityCode');
    // A code that names a property every object has is no city either (found by figure 6: it answered internal).
    for (const cityCode of ['__proto__', 'constructor', 'toString']) expectRefused(await app.call('u-city', START, 'directory.import', { cityCode }), 'not_found', 'cityCode');
  });
});

describe('directory.upsert', () => {
  it('the district adds a community, renames it, moves it to its other street, retires it — its records stay', async () => {
    const app = createApp();
    const added = dataOf(await app.call('u-district-yantian', START, 'directory.upsert', { kind: 'community', name: '新村社区', parentId: 's-shatoujiao' }));
    expect(added).toMatchObject({ kind: 'community', name: '新村社区', parentId: 's-shatoujiao', active: true, code: null });
    await app.ok('u-street-shatoujiao', START, 'ledger.allocate', { communityId: added.id, year: 2026, allocatedFen: 100_000_000 });
    await app.ok('u-district-yantian', START, 'directory.upsert', { id: added.id, kind: 'community', name: '新村', parentId: 's-shatoujiao' });
    await app.ok('u-district-yantian', START, 'directory.upsert', { id: added.id, kind: 'community', name: '新村', parentId: 's-haishan' });
    const haishan = (await districtsOf(app))[0].streets.find((street: { id: string }) => street.id === 's-haishan');
    expect(haishan.communities.map((community: { name: string }) => community.name)).toEqual(['田心社区', '新村']);
    await app.ok('u-district-yantian', START, 'directory.upsert', { id: added.id, kind: 'community', name: '新村', parentId: 's-haishan', active: false });
    const after = (await districtsOf(app))[0].streets.find((street: { id: string }) => street.id === 's-haishan');
    expect(after.communities.map((community: { name: string }) => community.name)).toEqual(['田心社区']);
    expect(dataOf(await app.call(null, START, 'ledger.get', { communityId: added.id, year: 2026 })).allocatedFen).toBe(100_000_000);
    expect((await app.store.auditTrail('directory:city')).map((entry) => entry.actor)).toEqual(Array(4).fill('u-district-yantian'));
  });

  it('a district keeps only its own streets and communities; the city keeps districts', async () => {
    const app = createApp();
    expectRefused(await app.call('u-district-yantian', START, 'directory.upsert', { id: 'd-yantian', kind: 'district', name: '盐田', parentId: 'city' }), 'forbidden');
    expectRefused(await app.call('u-street-shatoujiao', START, 'directory.upsert', { id: 'c-zhongying', kind: 'community', name: '中英街', parentId: 's-shatoujiao' }), 'forbidden');
    expect(dataOf(await app.call('u-city', START, 'directory.upsert', { id: 'd-yantian', kind: 'district', name: '盐田区', parentId: 'city' })).name).toBe('盐田区');
    await app.ok('u-city', START, 'directory.upsert', { kind: 'district', name: '福田区', parentId: 'city', code: '440304' });
    await app.ok('u-city', START, 'directory.upsert', { kind: 'street', name: '园岭街道', parentId: 'd-440304', code: '440304002' });
    // Moving a community into another district's street needs both districts.
    expectRefused(await app.call('u-district-yantian', START, 'directory.upsert', { id: 'c-tianxin', kind: 'community', name: '田心社区', parentId: 's-440304002' }), 'forbidden');
  });

  it('refuses a parent of the wrong kind, an unknown parent or unit, a changed kind and a taken code', async () => {
    const app = createApp();
    expectRefused(await app.call('u-city', START, 'directory.upsert', { kind: 'community', name: '某社区', parentId: 'd-yantian' }), 'invalid_input', 'parentId');
    expectRefused(await app.call('u-city', START, 'directory.upsert', { kind: 'community', name: '某社区', parentId: 's-nowhere' }), 'not_found', 'parentId');
    expectRefused(await app.call('u-city', START, 'directory.upsert', { id: 'c-nowhere', kind: 'community', name: '某社区', parentId: 's-haishan' }), 'not_found', 'id');
    expectRefused(await app.call('u-city', START, 'directory.upsert', { id: 'c-tianxin', kind: 'street', name: '某街道', parentId: 'd-yantian' }), 'invalid_input', 'kind');
    await app.ok('u-city', START, 'directory.upsert', { kind: 'community', name: '甲社区', parentId: 's-haishan', code: '440308004001' });
    expectRefused(await app.call('u-city', START, 'directory.upsert', { id: 'c-tianxin', kind: 'community', name: '田心社区', parentId: 's-haishan', code: '440308004001' }), 'invalid_input', 'code');
  });
});
