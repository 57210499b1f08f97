import type { Migration } from './migrations';

/** Issue 16 (directory upkeep, staff onboarding): the reserved versions 14 and 15. Never edited once landed. */
export const ONBOARDING_MIGRATIONS: Migration[] = [
  {
    version: 14,
    name: 'directory-codes-and-retirement',
    // Imported units carry their national code; a retired unit stays (its records keep pointing
    // at it) but leaves the public directory.
    sql: `
      ALTER TABLE districts ADD COLUMN code TEXT;
      ALTER TABLE districts ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE streets ADD COLUMN code TEXT;
      ALTER TABLE streets ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE communities ADD COLUMN code TEXT;
      ALTER TABLE communities ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      CREATE UNIQUE INDEX districts_by_code ON districts(code) WHERE code IS NOT NULL;
      CREATE UNIQUE INDEX streets_by_code ON streets(code) WHERE code IS NOT NULL;
      CREATE UNIQUE INDEX communities_by_code ON communities(code) WHERE code IS NOT NULL;
    `,
  },
  {
    version: 15,
    name: 'staff-invitations',
    // One row per invitation code; settled (accepted or cancelled) once, never deleted.
    sql: `
      CREATE TABLE invitations (
        code TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        scope_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_by TEXT,
        accepted_at TEXT,
        cancelled_at TEXT
      );
      CREATE INDEX invitations_open_by_scope ON invitations(scope_id, created_at) WHERE accepted_at IS NULL AND cancelled_at IS NULL;
    `,
  },
];
