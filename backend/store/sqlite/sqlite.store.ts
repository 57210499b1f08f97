import Database from 'better-sqlite3';
import type { Directory, Role, RoleGrant } from '../../../types/api';
import type { CommunityPlace, Store, UserRecord } from '../store.port';
import { migrations } from './migrations';

type Db = Database.Database;

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

export class StoreTooNewError extends Error {}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const newest = migrations[migrations.length - 1].version;
  if (current > newest) {
    throw new StoreTooNewError(`store schema version ${current} is newer than this build knows (${newest})`);
  }
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Two server processes may share one file: wait for the writer instead of failing at once.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db);
}

export class SqliteStore implements Store {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      user: db.prepare('SELECT openid, name, community_id AS communityId FROM users WHERE openid = ?'),
      grants: db.prepare('SELECT role, scope_id AS scopeId FROM role_grants WHERE openid = ? ORDER BY granted_at, role, scope_id'),
      community: db.prepare(
        `SELECT c.id AS communityId, s.id AS streetId, s.district_id AS districtId
           FROM communities c JOIN streets s ON s.id = c.street_id WHERE c.id = ?`,
      ),
      upsertUser: db.prepare(
        `INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (@openid, @name, @communityId, @at, @at)
         ON CONFLICT (openid) DO UPDATE SET name = excluded.name, community_id = excluded.community_id, updated_at = excluded.updated_at`,
      ),
      dropResidentGrants: db.prepare("DELETE FROM role_grants WHERE openid = ? AND role = 'resident'"),
      insertGrant: db.prepare(
        `INSERT OR IGNORE INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      districts: db.prepare('SELECT id, name FROM districts ORDER BY sort_order, id'),
      streets: db.prepare('SELECT id, district_id AS districtId, name FROM streets ORDER BY sort_order, id'),
      communities: db.prepare('SELECT id, street_id AS streetId, name FROM communities ORDER BY sort_order, id'),
    };
  }

  findUser(openid: string): UserRecord | null {
    const user = this.statements.user.get(openid) as { openid: string; name: string | null; communityId: string | null } | undefined;
    if (!user) return null;
    const grants = this.statements.grants.all(openid) as RoleGrant[];
    return { ...user, grants };
  }

  joinCommunity(input: { openid: string; communityId: string; name: string; at: string }): UserRecord {
    return this.db
      .transaction(() => {
        this.statements.upsertUser.run({ openid: input.openid, name: input.name, communityId: input.communityId, at: input.at });
        // A person is a resident of one community at a time; staff grants are untouched.
        this.statements.dropResidentGrants.run(input.openid);
        this.statements.insertGrant.run(input.openid, 'resident', input.communityId, input.openid, input.at);
        return this.findUser(input.openid) as UserRecord;
      })
      .immediate();
  }

  findCommunity(communityId: string): CommunityPlace | null {
    return (this.statements.community.get(communityId) as CommunityPlace | undefined) ?? null;
  }

  getDirectory(): Directory {
    const districts = this.statements.districts.all() as { id: string; name: string }[];
    const streets = this.statements.streets.all() as { id: string; districtId: string; name: string }[];
    const communities = this.statements.communities.all() as { id: string; streetId: string; name: string }[];
    return {
      districts: districts.map((district) => ({
        id: district.id,
        name: district.name,
        streets: streets
          .filter((street) => street.districtId === district.id)
          .map((street) => ({
            id: street.id,
            name: street.name,
            communities: communities
              .filter((community) => community.streetId === street.id)
              .map((community) => ({ id: community.id, name: community.name })),
          })),
      })),
    };
  }

  /** True when the store holds no directory yet (a fresh file). */
  isEmpty(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM districts').get() as { n: number }).n === 0;
  }

  /** Test and seed helper: grants a role directly (role.grant, with its checks, comes later). */
  insertGrant(openid: string, role: Role, scopeId: string, grantedBy: string | null, at: string): void {
    this.statements.insertGrant.run(openid, role, scopeId, grantedBy, at);
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a closed store is one self-contained file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
