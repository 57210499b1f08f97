import type { Migration } from './migrations';

/** Issue 18 (archive, supervision, complaints): the reserved versions 25 and 26. Never edited once landed. */
export const ARCHIVE_MIGRATIONS: Migration[] = [
  {
    version: 25,
    name: 'complaints',
    // Complaints and suggestions: private to the author and the staff above the community, found
    // by the street (and the scopes over it) newest first, and by their author.
    sql: `
      CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        community_id TEXT NOT NULL,
        street_id TEXT NOT NULL,
        district_id TEXT NOT NULL,
        author_openid TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX complaints_street ON complaints (street_id, created_at DESC, id DESC);
      CREATE INDEX complaints_district ON complaints (district_id, created_at DESC, id DESC);
      CREATE INDEX complaints_community ON complaints (community_id, created_at DESC, id DESC);
      CREATE INDEX complaints_author ON complaints (author_openid, created_at DESC, id DESC);
    `,
  },
  {
    version: 26,
    name: 'supervisor-role-and-stall-days',
    // The supervisor role joins the roles a grant may hold (SQLite cannot change a CHECK: the
    // table is rebuilt with its rows and index), and the district's number of working days after
    // which a waiting project counts as stalled.
    sql: `
      CREATE TABLE role_grants_next (
        openid TEXT NOT NULL REFERENCES users(openid),
        role TEXT NOT NULL CHECK (role IN ('resident', 'community', 'street', 'district', 'city', 'supervisor')),
        scope_id TEXT NOT NULL,
        granted_by TEXT,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (openid, role, scope_id)
      );
      INSERT INTO role_grants_next (openid, role, scope_id, granted_by, granted_at)
        SELECT openid, role, scope_id, granted_by, granted_at FROM role_grants;
      DROP TABLE role_grants;
      ALTER TABLE role_grants_next RENAME TO role_grants;
      CREATE INDEX role_grants_by_scope ON role_grants(role, scope_id, openid);
      ALTER TABLE policies ADD COLUMN stall_working_days INTEGER;
    `,
  },
];
