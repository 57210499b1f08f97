import type { Store } from '../../app/ports/store.port';
import { openDatabase, SqliteCore, type Db } from './sqlite.core';
import { sqliteComments } from './sqlite.comments';
import { sqliteComplaints } from './sqlite.complaints';
import { sqliteDirectory } from './sqlite.directory';
import { ledgerRows } from './sqlite.ledgers';
import { sqliteMoney } from './sqlite.money';
import { sqliteOnboarding } from './sqlite.onboarding'; // directory upkeep and onboarding (issue 16)
import { requestGuards, sqliteProposals } from './sqlite.proposals';
import { sqliteRecords } from './sqlite.records';
// Residency against hopping (issue 15, M3)
import { sqliteResidency } from './sqlite.residency';
// Issue 14 (anchoring, uploads) and issue 17 (personal data)
import { sqliteAnchoring } from './sqlite.anchoring';
import { sqlitePersonalData } from './sqlite.personal-data';
// Issue 16: the working-day calendar as data
import { sqliteCalendar } from './sqlite.calendar';
import { sqliteLibraryEdit } from './sqlite.library-edit';
import { sqliteNotifications } from './sqlite.notifications'; // notifications
import { sqliteReports } from './sqlite.reports';
// comment.mine, rating.mine (issue 17)
import { sqliteMine } from './sqlite.mine';

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
    ...sqliteResidency(core, guards), // residency against hopping (M3)
    ...sqliteAnchoring(core),
    ...sqlitePersonalData(core),
    ...sqliteCalendar(core), // issue 16
    ...sqliteLibraryEdit(core), // issue 16
    ...sqliteNotifications(core), // notifications
    ...sqliteReports(core), // Issue 18 (inspections, plans, reports)
    ...sqliteMine(core),
    // Complaints and suggestions (issue 18)
    ...sqliteComplaints(core, guards),
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
