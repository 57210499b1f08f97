/**
 * The use cases over a store started as `SEED=shenzhen` starts one: Shenzhen's real directory and
 * one city administrator, no demo users, proposals or ledgers. Like `createApp`, a fresh
 * in-memory SQLite store a test, driven through `createDispatch`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../../backend/app/dispatch';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import { defaultCalendar } from '../../backend/domain/calendar';
import { seedShenzhen } from '../../backend/seed/real-directory';
import { openSqliteStore } from '../../backend/store/sqlite/sqlite.store';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { noonOf, START, type App } from './app-harness';

export const ADMIN = 'u-admin-shenzhen';

const openStores = new Set<{ close(): Promise<void> }>();
afterEach(async () => {
  for (const store of openStores) await store.close();
  openStores.clear();
});

/** `exports`: where export.create writes its files (the test reads them back), as `createApp` takes it. */
export async function createShenzhenApp(options: { exports?: DiskExportStorage } = {}): Promise<App> {
  const store = openSqliteStore({ file: ':memory:' });
  openStores.add(store);
  await seedShenzhen(store, { at: `${START}T08:00:00+08:00`, adminOpenid: ADMIN });
  let counter = 0;
  const loggedErrors: unknown[] = [];
  const dispatch = createDispatch({
    store,
    calendar: defaultCalendar,
    contentCheck: new LocalContentCheck(),
    photos: new StoredPhotos(store),
    exports: options.exports ?? new DiskExportStorage(path.join(os.tmpdir(), `wss-exports-${process.pid}-${randomUUID()}`)),
    newId: (prefix) => `${prefix}-${String(++counter).padStart(4, '0')}`,
    logError: (error) => loggedErrors.push(error),
  });
  const callAt = (openid: string | null, instant: string, action: string, payload?: unknown) => dispatch(action, payload, { openid }, new Date(instant));
  const call = (openid: string | null, day: string, action: string, payload?: unknown) => dispatch(action, payload, { openid }, noonOf(day));
  async function ok<T>(openid: string | null, day: string, action: string, payload?: unknown): Promise<T> {
    const { answer } = await call(openid, day, action, payload);
    if (!answer.ok) throw new Error(`${action} by ${openid} on ${day} refused: ${answer.error.code} ${answer.error.field ?? ''} ${answer.error.message}`);
    return answer.data as T;
  }
  return { store, dispatch, call, callAt, ok, loggedErrors };
}
