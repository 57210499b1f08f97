import type { Store } from '../../app/ports/store.port';
import { cloudBaseComments } from './cloudbase.comments';
import { cloudBaseComplaints } from './cloudbase.complaints';
import { CloudBaseCore, type CloudBaseStoreOptions } from './cloudbase.core';
import { cloudBaseDirectory } from './cloudbase.directory';
import { cloudBaseMoney } from './cloudbase.money';
import { cloudBaseOnboarding } from './cloudbase.onboarding'; // directory upkeep and onboarding (issue 16)
import { cloudBaseProposals } from './cloudbase.proposals';
import { cloudBaseRecords } from './cloudbase.records';
// Residency against hopping (issue 15, M3)
import { cloudBaseResidency } from './cloudbase.residency';
// Issue 14 (anchoring, uploads) and issue 17 (personal data)
import { cloudBaseAnchoring } from './cloudbase.anchoring';
import { cloudBasePersonalData } from './cloudbase.personal-data';
// Issue 16: the working-day calendar as data
import { cloudBaseCalendar } from './cloudbase.calendar';
import { cloudBaseLibraryEdit } from './cloudbase.library-edit';
import { cloudBaseNotifications } from './cloudbase.notifications'; // notifications
import { cloudBaseReports } from './cloudbase.reports';
// comment.mine, rating.mine (issue 17)
import { cloudBaseMine } from './cloudbase.mine';

export type { CloudBaseStoreOptions } from './cloudbase.core';

/**
 * The Store port over CloudBase's document database (through our DocDb). Every method that must
 * be atomic is ONE `runTransaction` of single-document reads and writes, computed only from what
 * it reads inside (the engine may run it again), with no side effect: messages to people are
 * outbox documents written in the same transaction. Records are designed for the engine:
 *
 * - the ledger of a community-year is one document: an approval's budget check is a read and a
 *   write of that document, and racing approvals conflict on it (R-FUN-1);
 * - uniqueness is a deterministic `_id` (request keys, ratings, notices, audit entries);
 * - a proposal's counters (comments, ratings) live on its document, read in O(1);
 * - each audit chain's head (seq, hash) lives on its owner document, so two appends to a chain
 *   write one document and conflict instead of forking the chain (R-SUP-2);
 * - every list is a query with a limit ≤ 1000 (the server SDKs' own) and a keyset on its sort order.
 * See collections.ts for the `_id`s and indexes.ts for the indexes the queries need. The parts
 * live beside this file, one concern each; this puts them together.
 */

/** Compile-time proof that a composed store is the whole port (an object literal may hold more). */
function wholePort<T extends Store>(store: T): T {
  return store;
}

export function openCloudBaseStore(options: CloudBaseStoreOptions) {
  const core = new CloudBaseCore(options);
  return wholePort({
    ...cloudBaseDirectory(core),
    ...cloudBaseProposals(core),
    ...cloudBaseComments(core),
    ...cloudBaseMoney(core),
    ...cloudBaseRecords(core),
    ...cloudBaseResidency(core), // residency against hopping (M3)
    ...cloudBaseAnchoring(core),
    ...cloudBasePersonalData(core),
    ...cloudBaseCalendar(core), // issue 16
    ...cloudBaseLibraryEdit(core), // issue 16
    ...cloudBaseNotifications(core), // notifications
    ...cloudBaseReports(core), // Issue 18 (inspections, plans, reports)
    ...cloudBaseMine(core),
    // Complaints and suggestions (issue 18)
    ...cloudBaseComplaints(core),
    ...cloudBaseOnboarding(core), // issue 16
    async close(): Promise<void> {
      core.close();
    },
  });
}

/** The CloudBase store. */
export type CloudBaseStore = ReturnType<typeof openCloudBaseStore>;
