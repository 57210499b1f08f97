import type { LibraryEntry } from '../../../types/api';
import type { AuditDraft } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { libraryEntryOf } from './cloudbase.documents';
import { COLLECTIONS } from './collections';

/** Editing the project library (R-SUP-3): an entry's owner scope, and its update with its audit entry. */
export function cloudBaseLibraryEdit(core: CloudBaseCore) {
  return {
    async findLibraryEntryOwner(id: string): Promise<{ entry: LibraryEntry; scopeId: string } | null> {
      const doc = await core.db.get(COLLECTIONS.library, id);
      return doc ? { entry: libraryEntryOf(doc), scopeId: doc.scopeId as string } : null;
    },

    async updateLibraryEntry(input: { entry: LibraryEntry; audit: AuditDraft }): Promise<LibraryEntry> {
      const { entry } = input;
      return core.transact(async (unit) => {
        const current = await unit.get(COLLECTIONS.library, entry.id);
        if (!current) throw new Error(`library entry ${entry.id} does not exist`);
        const { _id: _ignored, ...kept } = current;
        const doc = unit.put(COLLECTIONS.library, entry.id, {
          ...kept,
          title: entry.title,
          category: entry.category,
          plan: entry.plan,
          budgetLines: entry.budgetLines,
        });
        await core.appendAudit(unit, input.audit);
        return libraryEntryOf(doc);
      });
    },
  };
}
