import type { Directory, Role, RoleGrant } from '../../../types/api';
import { joinCommunityGrants } from '../../domain/residency';
import type { AuditDraft, CommunityPlace, GrantRecord, ScopeFilter, ScopePlace, UserRecord } from '../../app/ports/store.port';
import type { SqliteCore } from './sqlite.core';

/** The scope ids at a unit and below it, as a clause on `scope_id` (the city: every grant). */
const UNITS_BELOW: Record<ScopeFilter['kind'], string> = {
  all: '1 = 1',
  community: 'g.scope_id = @scopeId',
  street: 'g.scope_id = @scopeId OR g.scope_id IN (SELECT id FROM communities WHERE street_id = @scopeId)',
  district: `g.scope_id = @scopeId OR g.scope_id IN (SELECT id FROM streets WHERE district_id = @scopeId)
    OR g.scope_id IN (SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = @scopeId)`,
};

/** The directory (districts, streets, communities), the users and their role grants. */
export function sqliteDirectory(core: SqliteCore) {
  const { db } = core;
  const statements = {
    user: db.prepare('SELECT openid, name, community_id AS communityId FROM users WHERE openid = ?'),
    grants: db.prepare('SELECT role, scope_id AS scopeId, granted_at AS grantedAt FROM role_grants WHERE openid = ? ORDER BY granted_at, role, scope_id'),
    community: db.prepare(
      `SELECT c.id AS communityId, s.id AS streetId, s.district_id AS districtId
         FROM communities c JOIN streets s ON s.id = c.street_id WHERE c.id = ?`,
    ),
    upsertUser: db.prepare(
      `INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (@openid, @name, @communityId, @at, @at)
       ON CONFLICT (openid) DO UPDATE SET name = excluded.name, community_id = excluded.community_id, updated_at = excluded.updated_at`,
    ),
    ensureUser: db.prepare(`INSERT OR IGNORE INTO users (openid, name, community_id, created_at, updated_at) VALUES (?, NULL, NULL, ?, ?)`),
    nameIfNameless: db.prepare('UPDATE users SET name = ? WHERE openid = ? AND name IS NULL'),
    dropGrant: db.prepare('DELETE FROM role_grants WHERE openid = ? AND role = ? AND scope_id = ?'),
    insertGrant: db.prepare(`INSERT OR IGNORE INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)`),
    // Retired units keep their records but leave the public directory (issue 16).
    districts: db.prepare('SELECT id, name FROM districts WHERE active = 1 ORDER BY sort_order, id'),
    streets: db.prepare('SELECT id, district_id AS districtId, name FROM streets WHERE active = 1 ORDER BY sort_order, id'),
    communities: db.prepare('SELECT id, street_id AS streetId, name FROM communities WHERE active = 1 ORDER BY sort_order, id'),
    street: db.prepare('SELECT id AS streetId, district_id AS districtId FROM streets WHERE id = ?'),
    districtExists: db.prepare('SELECT 1 FROM districts WHERE id = ?'),
    communityCount: db.prepare('SELECT COUNT(*) FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = ?'),
    staffOf: db.prepare('SELECT openid FROM role_grants WHERE role = ? AND scope_id = ? ORDER BY openid'),
    districtCount: db.prepare('SELECT COUNT(*) AS n FROM districts'),
  };

  function readUser(openid: string): UserRecord | null {
    const user = statements.user.get(openid) as { openid: string; name: string | null; communityId: string | null } | undefined;
    if (!user) return null;
    const rows = statements.grants.all(openid) as (RoleGrant & { grantedAt: string })[];
    const grants = rows.map(({ role, scopeId }): RoleGrant => ({ role, scopeId }));
    // Residency (hopping): since when the person lives in their community.
    const resident = rows.find((row) => row.role === 'resident');
    return resident ? { ...user, grants, residentSince: resident.grantedAt } : { ...user, grants };
  }

  function readCommunity(communityId: string): CommunityPlace | null {
    return (statements.community.get(communityId) as CommunityPlace | undefined) ?? null;
  }

  return {
    async findUser(openid: string): Promise<UserRecord | null> {
      return readUser(openid);
    },

    async joinCommunity(input: { openid: string; communityId: string; name: string; at: string; audit: AuditDraft }): Promise<UserRecord> {
      return core.transaction(() => {
        statements.upsertUser.run({ openid: input.openid, name: input.name, communityId: input.communityId, at: input.at });
        const change = joinCommunityGrants(readUser(input.openid)?.grants ?? [], input.communityId);
        for (const grant of change.revoke) statements.dropGrant.run(input.openid, grant.role, grant.scopeId);
        if (change.grant) statements.insertGrant.run(input.openid, change.grant.role, change.grant.scopeId, input.openid, input.at);
        core.appendAudit(input.audit);
        return readUser(input.openid) as UserRecord;
      });
    },

    async grantRole(input: { openid: string; role: Role; scopeId: string; grantedBy: string; name?: string; audit: AuditDraft }): Promise<UserRecord> {
      return core.transaction(() => {
        statements.ensureUser.run(input.openid, input.audit.at, input.audit.at);
        if (input.name !== undefined) statements.nameIfNameless.run(input.name, input.openid);
        // The key (openid, role, scope) holds a grant once, however often it is given.
        statements.insertGrant.run(input.openid, input.role, input.scopeId, input.grantedBy, input.audit.at);
        core.appendAudit(input.audit);
        return readUser(input.openid) as UserRecord;
      });
    },

    async findCommunity(communityId: string): Promise<CommunityPlace | null> {
      return readCommunity(communityId);
    },

    async findScope(id: string): Promise<ScopePlace | null> {
      const community = readCommunity(id);
      if (community) return { kind: 'community', ...community };
      const street = statements.street.get(id) as { streetId: string; districtId: string } | undefined;
      if (street) return { kind: 'street', ...street };
      if (statements.districtExists.get(id) !== undefined) return { kind: 'district', districtId: id };
      return null;
    },

    async countCommunities(districtId: string): Promise<number> {
      return statements.communityCount.pluck().get(districtId) as number;
    },

    async getDirectory(): Promise<Directory> {
      const districts = statements.districts.all() as { id: string; name: string }[];
      const streets = statements.streets.all() as { id: string; districtId: string; name: string }[];
      const communities = statements.communities.all() as { id: string; streetId: string; name: string }[];
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
    },

    async listGrants(scope: ScopeFilter, roles: readonly Role[]): Promise<GrantRecord[]> {
      const params: Record<string, unknown> = { scopeId: scope.kind === 'all' ? null : scope.id };
      const roleList = roles.map((role, index) => ((params[`role${index}`] = role), `@role${index}`)).join(', ');
      const sql = `SELECT g.openid, u.name, g.role, g.scope_id AS scopeId, g.granted_at AS grantedAt, g.granted_by AS grantedBy
                   FROM role_grants g JOIN users u ON u.openid = g.openid
                   WHERE g.role IN (${roleList || 'NULL'}) AND (${UNITS_BELOW[scope.kind]})
                   ORDER BY g.scope_id, g.role, g.granted_at, g.openid`;
      return db.prepare(sql).all(params) as GrantRecord[];
    },

    async staffOf(role: Role, scopeId: string): Promise<string[]> {
      return statements.staffOf.pluck().all(role, scopeId) as string[];
    },

    /** True when the store holds no directory yet (a fresh file). */
    isEmpty(): boolean {
      return (statements.districtCount.get() as { n: number }).n === 0;
    },

    /** Seed helper: grants a role directly (role.grant, with its checks, is the use case's). */
    insertGrant(openid: string, role: Role, scopeId: string, grantedBy: string | null, at: string): void {
      statements.insertGrant.run(openid, role, scopeId, grantedBy, at);
    },
  };
}
