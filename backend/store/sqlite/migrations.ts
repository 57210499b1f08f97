/**
 * Forward-only numbered migrations. A migration, once landed, is never edited: a change is a new
 * number. The store refuses to open a file migrated by a newer build.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'directory-users-policy-ledger',
    sql: `
      CREATE TABLE districts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE TABLE streets (
        id TEXT PRIMARY KEY,
        district_id TEXT NOT NULL REFERENCES districts(id),
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX streets_by_district ON streets(district_id, sort_order);
      CREATE TABLE communities (
        id TEXT PRIMARY KEY,
        street_id TEXT NOT NULL REFERENCES streets(id),
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE INDEX communities_by_street ON communities(street_id, sort_order);

      CREATE TABLE users (
        openid TEXT PRIMARY KEY,
        name TEXT,
        community_id TEXT REFERENCES communities(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE role_grants (
        openid TEXT NOT NULL REFERENCES users(openid),
        role TEXT NOT NULL CHECK (role IN ('resident', 'community', 'street', 'district', 'city')),
        scope_id TEXT NOT NULL,
        granted_by TEXT,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (openid, role, scope_id)
      );

      -- One policy per district and year; absent rows mean the defaults of spec/api.md.
      CREATE TABLE policies (
        district_id TEXT NOT NULL REFERENCES districts(id),
        year INTEGER NOT NULL,
        quota_fen INTEGER NOT NULL CHECK (quota_fen >= 0),
        fee_ratio_percent INTEGER NOT NULL CHECK (fee_ratio_percent BETWEEN 0 AND 100),
        street_threshold_works_fen INTEGER NOT NULL,
        street_threshold_goods_fen INTEGER NOT NULL,
        street_threshold_services_fen INTEGER NOT NULL,
        tender_threshold_fen INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (district_id, year)
      );

      -- One ledger row per community and year: approvals reserve against it with a conditional
      -- update, so the CHECKs below can never be passed, even by racing approvals (R-FUN-1).
      CREATE TABLE ledgers (
        community_id TEXT NOT NULL REFERENCES communities(id),
        year INTEGER NOT NULL,
        quota_fen INTEGER NOT NULL CHECK (quota_fen >= 0),
        allocated_fen INTEGER NOT NULL CHECK (allocated_fen >= 0 AND allocated_fen <= quota_fen),
        approved_fen INTEGER NOT NULL CHECK (approved_fen >= 0 AND approved_fen <= allocated_fen),
        spent_fen INTEGER NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
        PRIMARY KEY (community_id, year)
      );
    `,
  },
];
