import type { LibraryEntry } from '../../../types/api';
import type { BudgetLine, Category } from '../../../types/domain';
import type { AuditDraft } from '../../app/ports/store.port';
import type { SqliteCore } from './sqlite.core';

interface OwnedRow {
  id: string;
  title: string;
  category: Category;
  plan: string;
  budget_lines: string;
  scope_id: string;
  created_at: string;
}

function ownedOf(row: OwnedRow): { entry: LibraryEntry; scopeId: string } {
  return {
    entry: { id: row.id, title: row.title, category: row.category, plan: row.plan, budgetLines: JSON.parse(row.budget_lines) as BudgetLine[], createdAt: row.created_at, scopeId: row.scope_id },
    scopeId: row.scope_id,
  };
}

/** Editing the project library (R-SUP-3): an entry's owner scope, and its update with its audit entry. */
export function sqliteLibraryEdit(core: SqliteCore) {
  const { db } = core;
  const statements = {
    owned: db.prepare('SELECT id, title, category, plan, budget_lines, scope_id, created_at FROM library_entries WHERE id = ?'),
    update: db.prepare('UPDATE library_entries SET title = @title, category = @category, plan = @plan, budget_lines = @budgetLines WHERE id = @id'),
  };
  return {
    async findLibraryEntryOwner(id: string): Promise<{ entry: LibraryEntry; scopeId: string } | null> {
      const row = statements.owned.get(id) as OwnedRow | undefined;
      return row ? ownedOf(row) : null;
    },

    async updateLibraryEntry(input: { entry: LibraryEntry; audit: AuditDraft }): Promise<LibraryEntry> {
      const { entry } = input;
      return core.transaction(() => {
        const updated = statements.update.run({ ...entry, budgetLines: JSON.stringify(entry.budgetLines) });
        if (updated.changes === 0) throw new Error(`library entry ${entry.id} does not exist`);
        core.appendAudit(input.audit);
        return ownedOf(statements.owned.get(entry.id) as OwnedRow).entry;
      });
    },
  };
}
