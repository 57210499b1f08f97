import { createApp, dataOf, expectRefused, START } from '../support/app-harness';

describe('role.list', () => {
  it('a street lists the staff of its street and its communities, with names and who granted them; residents are not staff', async () => {
    const app = createApp();
    // Granted the day after the seed: within a unit and role, the older grant comes first.
    await app.ok('u-street-shatoujiao', '2026-03-03', 'role.grant', { openid: 'u-new-worker', role: 'community', scopeId: 'c-qiaoyuan' });
    const { items } = dataOf(await app.call('u-street-shatoujiao', START, 'role.list', { scopeId: 's-shatoujiao' }));
    expect(items.map((item: { role: string; scopeId: string; openid: string }) => `${item.role}@${item.scopeId}:${item.openid}`)).toEqual([
      'community@c-qiaoyuan:u-com-qiaoyuan',
      'community@c-qiaoyuan:u-new-worker',
      'community@c-zhongying:u-com-zhongying',
      'street@s-shatoujiao:u-street-shatoujiao',
    ]);
    expect(items[1]).toEqual({ openid: 'u-new-worker', name: null, role: 'community', scopeId: 'c-qiaoyuan', grantedAt: expect.any(String), grantedBy: 'u-street-shatoujiao', allowedActions: ['role.revoke'] });
    expect(items[0]).toMatchObject({ name: expect.any(String), grantedBy: null });
  });

  it('each grant says whether the caller may revoke it: the street its communities\' workers, never its own role; the district its streets too', async () => {
    const app = createApp();
    const revocable = async (openid: string, scopeId: string) =>
      dataOf(await app.call(openid, START, 'role.list', { scopeId })).items.map(
        (item: { role: string; openid: string; allowedActions: string[] }) => `${item.role}:${item.openid}:${item.allowedActions.join(',') || '-'}`,
      );
    expect(await revocable('u-street-shatoujiao', 's-shatoujiao')).toEqual([
      'community:u-com-qiaoyuan:role.revoke',
      'community:u-com-zhongying:role.revoke',
      'street:u-street-shatoujiao:-',
    ]);
    expect(await revocable('u-district-yantian', 's-shatoujiao')).toEqual([
      'community:u-com-qiaoyuan:role.revoke',
      'community:u-com-zhongying:role.revoke',
      'street:u-street-shatoujiao:role.revoke',
    ]);
    // What the list offers is what role.revoke does.
    expectRefused(await app.call('u-street-shatoujiao', START, 'role.revoke', { openid: 'u-street-shatoujiao', role: 'street', scopeId: 's-shatoujiao' }), 'forbidden');
    await app.ok('u-district-yantian', START, 'role.revoke', { openid: 'u-street-shatoujiao', role: 'street', scopeId: 's-shatoujiao' });
  });

  it('a street lists one of its communities; the district and the city list all below them', async () => {
    const app = createApp();
    const community = dataOf(await app.call('u-street-shatoujiao', START, 'role.list', { scopeId: 'c-zhongying' }));
    expect(community.items.map((item: { openid: string }) => item.openid)).toEqual(['u-com-zhongying']);
    const district = dataOf(await app.call('u-district-yantian', START, 'role.list', { scopeId: 'd-yantian' }));
    // The demo's staff: three community workers, two street reviewers and the district officer.
    expect(district.items).toHaveLength(6);
    const city = dataOf(await app.call('u-city', START, 'role.list', { scopeId: 'city' }));
    expect(city.items.map((item: { openid: string }) => item.openid)).toContain('u-city');
    expect(city.items).toHaveLength(7);
  });

  it('outside its scope, below the street, or signed out, the list is refused; an unknown scope is not_found', async () => {
    const app = createApp();
    expectRefused(await app.call('u-street-haishan', START, 'role.list', { scopeId: 's-shatoujiao' }), 'forbidden');
    expectRefused(await app.call('u-street-shatoujiao', START, 'role.list', { scopeId: 'd-yantian' }), 'forbidden');
    expectRefused(await app.call('u-com-zhongying', START, 'role.list', { scopeId: 'c-zhongying' }), 'forbidden');
    expectRefused(await app.call('u-res-1', START, 'role.list', { scopeId: 'c-zhongying' }), 'forbidden');
    expectRefused(await app.call(null, START, 'role.list', { scopeId: 'c-zhongying' }), 'unauthenticated');
    expectRefused(await app.call('u-city', START, 'role.list', { scopeId: 'c-nowhere' }), 'not_found', 'scopeId');
    expectRefused(await app.call('u-city', START, 'role.list', {}), 'invalid_input', 'scopeId');
  });
});
