import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../backend/store/sqlite/migrations';
import { seedDemoData } from '../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, StoreTooNewError } from '../../backend/store/sqlite/sqlite.store';

const AT = '2026-11-26T02:00:00.000Z';
const joinAudit = (openid: string) => ({ chainId: `user:${openid}`, at: AT, actor: openid, action: 'me.join', from: null, to: null, detail: {} });

function seededStore() {
  const store = openSqliteStore({ file: ':memory:' });
  seedDemoData(store, { at: AT, year: 2026 });
  return store;
}

describe('the SQLite store', () => {
  it('applies every migration to a new file and records each version once', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((migration) => migration.version));
    store.close();
  });

  it('reopens a migrated file without applying anything again', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'weishishi-store-')), 'store.db');
    openSqliteStore({ file }).close();
    const reopened = openSqliteStore({ file });
    expect(reopened.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it('refuses a file migrated by a newer build (forward-only)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'weishishi-store-')), 'store.db');
    openSqliteStore({ file }).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from-the-future', ?)").run(AT);
    raw.close();
    expect(() => openSqliteStore({ file })).toThrow(StoreTooNewError);
  });

  it('seeds the demo data once: a second seed changes nothing', async () => {
    const store = seededStore();
    expect(seedDemoData(store, { at: AT, year: 2026 })).toBe(false);
    expect(store.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(12); // with the demo supervisor (issue 18)
    store.close();
  });

  it('R-FUN-2: the seed allocates half of each community quota for the current year', async () => {
    const store = seededStore();
    const ledgers = store.db.prepare('SELECT community_id, year, quota_fen, allocated_fen, approved_fen FROM ledgers WHERE year = 2026 ORDER BY community_id').all();
    expect(ledgers).toEqual(
      ['c-qiaoyuan', 'c-tianxin', 'c-zhongying'].map((communityId) => ({
        community_id: communityId,
        year: 2026,
        quota_fen: 200_000_000,
        allocated_fen: 100_000_000,
        approved_fen: 0,
      })),
    );
    store.close();
  });

  it('R-FUN-1: the ledger table itself refuses approvals beyond the allocation', async () => {
    const store = seededStore();
    const overdraw = () =>
      store.db.prepare("UPDATE ledgers SET approved_fen = allocated_fen + 1 WHERE community_id = 'c-zhongying'").run();
    expect(overdraw).toThrow(/CHECK constraint failed/);
    store.close();
  });

  it('finds a seeded user with their grants, and no user for an unknown openid', async () => {
    const store = seededStore();
    expect(await store.findUser('u-street-shatoujiao')).toEqual({
      openid: 'u-street-shatoujiao',
      name: '周审核',
      communityId: null,
      grants: [{ role: 'street', scopeId: 's-shatoujiao' }],
    });
    expect(await store.findUser('u-nobody')).toBeNull();
    store.close();
  });

  it('places a community in its street and district', async () => {
    const store = seededStore();
    expect(await store.findCommunity('c-tianxin')).toEqual({ communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' });
    expect(await store.findCommunity('c-nowhere')).toBeNull();
    store.close();
  });

  it('moves a resident to the community they join, keeping their staff grants', async () => {
    const store = seededStore();
    store.insertGrant('u-res-1', 'community', 'c-zhongying', 'u-street-shatoujiao', AT);
    const moved = await store.joinCommunity({ openid: 'u-res-1', communityId: 'c-tianxin', name: '张小明', at: AT, audit: joinAudit('u-res-1') });
    expect(moved.communityId).toBe('c-tianxin');
    expect(moved.grants).toEqual(
      expect.arrayContaining([
        { role: 'resident', scopeId: 'c-tianxin' },
        { role: 'community', scopeId: 'c-zhongying' },
      ]),
    );
    expect(moved.grants).not.toContainEqual({ role: 'resident', scopeId: 'c-zhongying' });
    store.close();
  });

  it('joining the same community twice keeps one resident grant', async () => {
    const store = seededStore();
    await store.joinCommunity({ openid: 'u-new', communityId: 'c-tianxin', name: '赵', at: AT, audit: joinAudit('u-new') });
    const again = await store.joinCommunity({ openid: 'u-new', communityId: 'c-tianxin', name: '赵大妈', at: AT, audit: joinAudit('u-new') });
    expect(again).toEqual({ openid: 'u-new', name: '赵大妈', communityId: 'c-tianxin', grants: [{ role: 'resident', scopeId: 'c-tianxin' }], residentSince: AT });
    store.close();
  });

  it('lists the directory in seed order', async () => {
    const store = seededStore();
    const directory = await store.getDirectory();
    expect(directory.districts[0].streets.map((street) => street.communities.map((community) => community.id))).toEqual([
      ['c-zhongying', 'c-qiaoyuan'],
      ['c-tianxin'],
    ]);
    store.close();
  });

  it('closes once; a second close is harmless', async () => {
    const store = seededStore();
    store.close();
    await expect(store.close()).resolves.toBeUndefined();
    expect(store.db.open).toBe(false);
  });
});
