import type { Store } from '../../app/ports/store.port';
import { openDatabase, SqliteCore, type Db } from './sqlite.core';
import { sqliteComments } from './sqlite.comments';
import { sqliteDirectory } from './sqlite.directory';
import { ledgerRows } from './sqlite.ledgers';
import { sqliteMoney } from './sqlite.money';
import { sqliteOnboarding } from './sqlite.onboarding'; // directory upkeep and onboarding (issue 16)
import { requestGuards, sqliteProposals } from './sqlite.proposals';
import { sqliteRecords } from './sqlite.records';

export { StoreTooNewError } from './sqlite.core';

/**
 * The Store port over one SQLite file (better-sqlite3): every method is one IMMEDIATE
 * transaction, so two server processes sharing the file take turns at writing. The parts live
 * beside this file, one concern each; this puts them together.
 */

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

/** Compile-time proof that a composed store is the whole port (an object literal may hold more). */
function wholePort<T extends Store>(store: T): T {
  return store;
}

/** The store over an opened, migrated database (bench/explain.ts wraps its `prepare` first). */
export function sqliteStoreOn(db: Db) {
  const core = new SqliteCore(db);
  const ledgers = ledgerRows(db);
  const guards = requestGuards(core);
  return wholePort({
    db,
    ...sqliteDirectory(core),
    ...sqliteProposals(core, ledgers, guards),
    ...sqliteComments(core, guards),
    ...sqliteMoney(core, ledgers),
    ...sqliteRecords(core),
    ...sqliteOnboarding(core, guards), // issue 16
    async close(): Promise<void> {
      if (!db.open) return;
      // Fold the WAL back into the main file so a closed store is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  });
}

/** The SQLite store: the port, and what the seed, audit:verify and tests read besides. */
export type SqliteStore = ReturnType<typeof sqliteStoreOn>;

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return sqliteStoreOn(openDatabase(options.file));
}
