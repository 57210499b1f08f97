import type { LibraryEntry } from '../../../types/api';
import type { AuditDraft, Cursor, Slice } from './store.port';

/** The Store's part for the project library (R-SUP-3): its entries by unit, added and edited with their audit entries. */
export interface LibraryStore {
  /** Newest first; only the entries of `scopeIds` when given (R-SUP-3: domain/library.ts decides which). */
  listLibrary(after: Cursor | undefined, limit: number, scopeIds?: readonly string[]): Promise<Slice<LibraryEntry>>;
  findLibraryEntry(id: string): Promise<LibraryEntry | null>;
  addLibraryEntry(input: { entry: LibraryEntry; scopeId: string; createdBy: string; audit: AuditDraft }): Promise<LibraryEntry>;

  /** A library entry with the scope it belongs to (R-SUP-3); null when there is none. */
  findLibraryEntryOwner(id: string): Promise<{ entry: LibraryEntry; scopeId: string } | null>;
  /** Replaces an entry's title, category, plan and budget lines, with its audit entry. */
  updateLibraryEntry(input: { entry: LibraryEntry; audit: AuditDraft }): Promise<LibraryEntry>;
}
