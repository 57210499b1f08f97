import { openCloudBaseStore } from '../../../backend/store/cloudbase/cloudbase.store';
import { seedCloudBaseDemoData } from '../../../backend/store/cloudbase/cloudbase.seed';
import { collectionNames } from '../../../backend/store/cloudbase/collections';
import { withCollectionPrefix } from '../../../backend/store/cloudbase/doc-db';
import { MemoryDocDb } from '../../../backend/store/cloudbase/memory.doc-db';
import { NodeSdkDocDb, type NodeSdkModule } from '../../../backend/store/cloudbase/node-sdk.doc-db';
import { WxServerDocDb, type WxCloudDatabaseSource } from '../../../backend/store/cloudbase/wx-server-sdk.doc-db';
import { seedDemoData } from '../../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore } from '../../../backend/store/sqlite/sqlite.store';
import type { Store } from '../../../backend/app/ports/store.port';
import { createWxServerSdkStandIn } from '../../functions/support/wx-server-sdk.stand-in';

/**
 * The stores the contract suite runs against. Each `open()` gives a fresh store holding the demo
 * directory, users and ledgers (2025 and 2026, half of the quota allocated), seeded at SEED_AT.
 */

export const SEED_AT = '2026-01-05T02:00:00.000Z';
export const SEED_YEAR = 2026;

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

export interface StoreTarget {
  name: string;
  open(): Promise<OpenedStore>;
  /** Per-test timeout: a live environment answers over the network. */
  timeoutMs: number;
}

export const sqliteTarget: StoreTarget = {
  name: 'SQLite (:memory:)',
  timeoutMs: 10_000,
  async open() {
    const store = openSqliteStore({ file: ':memory:' });
    seedDemoData(store, { at: SEED_AT, year: SEED_YEAR });
    return { store, close: () => store.close() };
  },
};

export const cloudBaseMemoryTarget: StoreTarget = {
  name: 'CloudBase over the in-memory DocDb',
  timeoutMs: 20_000,
  async open() {
    const db = new MemoryDocDb({ collections: collectionNames() });
    await seedCloudBaseDemoData(db, { at: SEED_AT, year: SEED_YEAR });
    // Short pauses between our retries keep the race test fast; the engine semantics are the same.
    const store = openCloudBaseStore({ db, backoffMs: 2, maxAttempts: 12 });
    return { store, close: () => store.close() };
  },
};

/**
 * The same store through the wx-server-sdk shim, the SDK replaced by the stand-in: every query
 * and update is built with the real command builder and read back from its real encoding.
 */
export const cloudBaseWxShimTarget: StoreTarget = {
  name: 'CloudBase through the wx-server-sdk shim (stand-in SDK over the in-memory DocDb)',
  timeoutMs: 20_000,
  async open() {
    const standIn = createWxServerSdkStandIn();
    const db = new WxServerDocDb(standIn.module as unknown as WxCloudDatabaseSource);
    await seedCloudBaseDemoData(db, { at: SEED_AT, year: SEED_YEAR });
    const store = openCloudBaseStore({ db, backoffMs: 2, maxAttempts: 12 });
    return { store, close: () => store.close() };
  },
};

export const LIVE_PREFIX = 'contract_';

/** The live target, when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set; else null. */
export function liveTarget(env: Record<string, string | undefined> = process.env): StoreTarget | null {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = env;
  if (!TCB_ENV || !TCB_SECRET_ID || !TCB_SECRET_KEY) return null;
  return {
    name: `CloudBase live environment ${TCB_ENV} (collections ${LIVE_PREFIX}*)`,
    timeoutMs: 120_000,
    async open() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const sdk = require('@cloudbase/node-sdk') as NodeSdkModule;
      const raw = NodeSdkDocDb.connect(sdk, { env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
      const names = collectionNames(LIVE_PREFIX);
      await raw.ensureCollections(names);
      // The contract collections are the suite's own: each test starts from the seed alone.
      for (const name of names) await raw.clearCollection(name);
      const db = withCollectionPrefix(raw, LIVE_PREFIX);
      await seedCloudBaseDemoData(db, { at: SEED_AT, year: SEED_YEAR });
      const store = openCloudBaseStore({ db });
      return { store, close: () => store.close() };
    },
  };
}
