import { createDispatch } from '../../backend/app/dispatch';
import { defaultCalendar } from '../../backend/domain/calendar';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { seedDemoData } from '../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite/sqlite.store';

const NOW = new Date('2026-11-26T10:00:00+08:00');

describe('dispatch', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:' });
    seedDemoData(store, { at: NOW.toISOString(), year: 2026 });
  });
  afterEach(() => store.close());

  const dispatchWith = (logError = jest.fn()) => createDispatch({ store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), photos: new StoredPhotos(store), logError });

  it.each([
    ['an unknown action', 'proposal.explode'],
    ['an action that is not a string', 42],
    ['a missing action', undefined],
    ['an inherited property name', 'toString'],
  ])('refuses %s with 400 invalid_input on the field action', async (_, action) => {
    expect(await dispatchWith()(action, {}, { openid: 'u-res-1' }, NOW)).toEqual({
      status: 400,
      answer: { ok: false, error: { code: 'invalid_input', message: '未知的操作', field: 'action' } },
    });
  });

  it('asks an anonymous caller to sign in before anything else (401)', async () => {
    const result = await dispatchWith()('me.join', { communityId: 'c-tianxin', name: '赵' }, { openid: null }, NOW);
    expect(result.status).toBe(401);
    expect(result.answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await store.findUser('u-res-1'))?.communityId).toBe('c-zhongying');
  });

  it.each([
    ['a wrong type', { communityId: 7, name: '赵' }, 'communityId'],
    ['an operator object', { communityId: { $ne: null }, name: '赵' }, 'communityId'],
    ['an oversized name', { communityId: 'c-tianxin', name: '赵'.repeat(21) }, 'name'],
    ['a blank name', { communityId: 'c-tianxin', name: '   ' }, 'name'],
    ['a control character', { communityId: 'c-tianxin', name: '赵\u0000' }, 'name'],
    ['a missing field', { communityId: 'c-tianxin' }, 'name'],
  ])('refuses %s with invalid_input naming the field, and writes nothing', async (_, payload, field) => {
    const result = await dispatchWith()('me.join', payload, { openid: 'u-new' }, NOW);
    expect(result.status).toBe(400);
    expect(result.answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    expect(await store.findUser('u-new')).toBeNull();
  });

  it('ignores a role or openid smuggled into the payload: identity comes from the caller', async () => {
    const result = await dispatchWith()('me.join', { communityId: 'c-tianxin', name: '赵', openid: 'u-city', role: 'city' }, { openid: 'u-new' }, NOW);
    expect(result.answer).toEqual({
      ok: true,
      data: { openid: 'u-new', name: '赵', communityId: 'c-tianxin', roles: [{ role: 'resident', scopeId: 'c-tianxin' }] },
    });
    expect((await store.findUser('u-city'))?.communityId).toBeNull();
  });

  it('turns an unexpected failure into 500 internal without leaking it, and logs it', async () => {
    const logError = jest.fn();
    jest.spyOn(store, 'getDirectory').mockImplementation(async () => {
      throw new Error('SQLITE_CORRUPT: secret path /var/db');
    });
    const result = await dispatchWith(logError)('directory.get', {}, { openid: null }, NOW);
    expect(result).toEqual({ status: 500, answer: { ok: false, error: { code: 'internal', message: '系统繁忙，请稍后再试' } } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(logError).toHaveBeenCalledWith(expect.any(Error), 'directory.get');
  });

  it('treats a missing payload as an empty one', async () => {
    expect((await dispatchWith()('directory.get', undefined, { openid: null }, NOW)).status).toBe(200);
  });

  it('me.get answers a never-seen openid with no name, community or roles', async () => {
    expect((await dispatchWith()('me.get', {}, { openid: 'u-fresh' }, NOW)).answer).toEqual({
      ok: true,
      data: { openid: 'u-fresh', name: null, communityId: null, roles: [], consent: null },
    });
  });
});
