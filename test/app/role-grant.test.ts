import { bringTo, createApp, dataOf, expectRefused, fingerprint, START } from '../support/app-harness';

const grant = (openid: string, role: string, scopeId: string) => ({ openid, role, scopeId });

describe('role.grant', () => {
  it('the street makes a new community worker in its community, who can then screen its proposals; the grant is audited', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call('u-new-worker', journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'forbidden');
    const granted = dataOf(await app.call('u-street-shatoujiao', journey.day, 'role.grant', grant('u-new-worker', 'community', 'c-zhongying')));
    expect(granted).toEqual({ openid: 'u-new-worker', roles: [{ role: 'community', scopeId: 'c-zhongying' }] });
    expect(dataOf(await app.call('u-new-worker', journey.day, 'proposal.screen', { id: journey.id, adopt: true })).state).toBe('adopted');
    expect(await app.store.auditTrail('user:u-new-worker')).toEqual([
      expect.objectContaining({ actor: 'u-street-shatoujiao', action: 'role.grant', detail: { role: 'community', scopeId: 'c-zhongying' } }),
    ]);
  });

  it.each([
    ['the district grants a street role in its district', 'u-district-yantian', 'street', 's-haishan'],
    ['the district grants a community role', 'u-district-yantian', 'community', 'c-tianxin'],
    ['the city grants a district role', 'u-city', 'district', 'd-yantian'],
    ['the street grants a resident role in its community', 'u-street-haishan', 'resident', 'c-tianxin'],
  ])('%s', async (_, grantor, role, scopeId) => {
    const app = createApp();
    const granted = dataOf(await app.call(grantor, START, 'role.grant', grant('u-someone', role, scopeId)));
    expect(granted.roles).toEqual([{ role, scopeId }]);
  });

  it('keeps the grants a person already holds', async () => {
    const app = createApp();
    const granted = dataOf(await app.call('u-street-shatoujiao', START, 'role.grant', grant('u-res-1', 'community', 'c-zhongying')));
    expect(granted.roles).toEqual(expect.arrayContaining([{ role: 'resident', scopeId: 'c-zhongying' }, { role: 'community', scopeId: 'c-zhongying' }]));
  });

  it.each([
    ['a street, at a community of another street', 'u-street-haishan', 'community', 'c-zhongying'],
    ['a street, its own rank', 'u-street-shatoujiao', 'street', 's-shatoujiao'],
    ['a street, a district role', 'u-street-shatoujiao', 'district', 'd-yantian'],
    ['the district, its own rank', 'u-district-yantian', 'district', 'd-yantian'],
    ['the city, its own rank', 'u-city', 'city', 'city'],
    ['a community worker, to a neighbour', 'u-com-zhongying', 'community', 'c-zhongying'],
    ['a resident, to themselves', 'u-res-1', 'community', 'c-zhongying'],
  ])('staff roles are granted by a higher scope, within it: %s is forbidden, and nothing is written', async (_, grantor, role, scopeId) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(grantor, START, 'role.grant', grant(grantor === 'u-res-1' ? 'u-res-1' : 'u-someone', role, scopeId)), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['an unknown role', grant('u-someone', 'mayor', 'c-zhongying'), 'role'],
    ['a role for a scope of the wrong kind', grant('u-someone', 'community', 's-shatoujiao'), 'scopeId'],
    ['an operator object as the openid', { openid: { $ne: null }, role: 'community', scopeId: 'c-zhongying' }, 'openid'],
    ['an openid with spaces', grant('u someone', 'community', 'c-zhongying'), 'openid'],
  ])('refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call('u-district-yantian', START, 'role.grant', payload), 'invalid_input', field);
  });

  it('answers unauthenticated, and not_found for a scope that does not exist', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'role.grant', grant('u-someone', 'community', 'c-zhongying')), 'unauthenticated');
    expectRefused(await app.call('u-city', START, 'role.grant', grant('u-someone', 'community', 'c-nowhere')), 'not_found', 'scopeId');
  });
});

describe('me.join and me.get', () => {
  it('a signed-in caller joins a community under the name they give, and may then propose there', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-newcomer', START, 'me.join', { communityId: 'c-tianxin', name: '赵新' }))).toEqual({
      openid: 'u-newcomer',
      name: '赵新',
      communityId: 'c-tianxin',
      roles: [{ role: 'resident', scopeId: 'c-tianxin' }],
    });
    expect(dataOf(await app.call('u-newcomer', START, 'me.get', {})).communityId).toBe('c-tianxin');
    const submitted = await app.call('u-newcomer', START, 'proposal.submit', {
      communityId: 'c-tianxin',
      title: '田心公园加装护栏',
      category: 'works',
      location: '田心公园',
      description: '湖边没有护栏',
      source: 'resident',
      requestId: 'req-newcomer-1',
    });
    expect(dataOf(submitted).proposer).toBe('赵新');
  });

  it('a resident is a resident of one community at a time: joining another moves them', async () => {
    const app = createApp();
    const me = dataOf(await app.call('u-res-1', START, 'me.join', { communityId: 'c-tianxin', name: '张小明' }));
    expect(me.roles).toEqual([{ role: 'resident', scopeId: 'c-tianxin' }]);
  });

  it('a community that does not exist is not_found on communityId', async () => {
    const app = createApp();
    expectRefused(await app.call('u-newcomer', START, 'me.join', { communityId: 'c-nowhere', name: '赵新' }), 'not_found', 'communityId');
  });

  it('R-TRN-1: the directory is public: districts → streets → communities', async () => {
    const app = createApp();
    expect(dataOf(await app.call(null, START, 'directory.get', {}))).toEqual({
      districts: [
        {
          id: 'd-yantian',
          name: '盐田区',
          streets: [
            { id: 's-shatoujiao', name: '沙头角街道', communities: [{ id: 'c-zhongying', name: '中英街社区' }, { id: 'c-qiaoyuan', name: '桥园社区' }] },
            { id: 's-haishan', name: '海山街道', communities: [{ id: 'c-tianxin', name: '田心社区' }] },
          ],
        },
      ],
    });
  });
});
