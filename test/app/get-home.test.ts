import { bringTo, createApp, dataOf, expectRefused, fingerprint, START, YEAR } from '../support/app-harness';

// Issue 17: the home page's first screen in one request. Each part is exactly what its own
// action answers, so the page shows the same thing as before, one round trip instead of six.

describe('home.get', () => {
  it('R-TRN-1, R-FUN-4: for a resident, the answer holds me.get, directory.get, three proposal.list pages and ledger.get of their community, each as its own action answers it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const day = journey.day;
    const home = dataOf(await app.call('u-res-1', day, 'home.get', { year: YEAR }));
    expect(home.me).toEqual(dataOf(await app.call('u-res-1', day, 'me.get', {})));
    expect(home.directory).toEqual(dataOf(await app.call('u-res-1', day, 'directory.get', {})));
    expect([home.joined, home.year, home.board.communityId]).toEqual([true, YEAR, 'c-zhongying']);
    for (const state of ['publicity', 'submitted', 'completed'] as const) {
      expect(home.board[state]).toEqual(dataOf(await app.call('u-res-1', day, 'proposal.list', { communityId: 'c-zhongying', state, limit: 5 })));
    }
    expect(home.board.completed.items.map((item: { id: string }) => item.id)).toContain(journey.id);
    expect(home.board.ledger).toEqual(dataOf(await app.call('u-res-1', day, 'ledger.get', { communityId: 'c-zhongying', year: YEAR })));
  });

  it('R-TRN-1: a visitor who is not signed in sees the community they picked, with no identity and not as their own', async () => {
    const app = createApp();
    const home = dataOf(await app.call(null, START, 'home.get', { communityId: 'c-qiaoyuan', limit: 2 }));
    expect([home.me, home.joined, home.board.communityId, home.year]).toEqual([null, false, 'c-qiaoyuan', YEAR]);
    expect(home.board.ledger).toMatchObject({ communityId: 'c-qiaoyuan', year: YEAR });
    expect(home.board.submitted.items.length).toBeLessThanOrEqual(2);
  });

  it('the caller\'s own community wins over the one asked for; a community not in the directory, or none, shows no board', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-res-1', START, 'home.get', { communityId: 'c-qiaoyuan' })).board.communityId).toBe('c-zhongying');
    expect(dataOf(await app.call(null, START, 'home.get', { communityId: 'c-nowhere' })).board).toBeNull();
    const newcomer = dataOf(await app.call('u-never-seen', START, 'home.get', {}));
    expect([newcomer.me, newcomer.board, newcomer.joined]).toEqual([{ openid: 'u-never-seen', name: null, communityId: null, roles: [], consent: null }, null, false]);
  });

  it.each([
    ['a limit above 50', { limit: 51 }, 'limit'],
    ['a year before 2000', { year: 1999 }, 'year'],
    ['an operator object as the community', { communityId: { $ne: null } }, 'communityId'],
  ])('refuses %s (invalid_input) and changes nothing', async (_, payload, field) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(null, START, 'home.get', payload), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });
});
