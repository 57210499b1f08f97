import { joinCommunityGrants } from '../../domain/residency';
import type { AuditDraft, CommitOutcome, RateLimit, UserRecord } from '../../app/ports/store.port';
import { Rollback, type SqliteCore } from './sqlite.core';
import type { RequestGuards } from './sqlite.proposals';

/**
 * Residency against hopping (spec/api.md, me.join): a join counted against its rate limit and
 * made only while the person's residency is what the use case judged — in one transaction, so
 * that two racing moves cannot both pass the 30-day rule.
 */
export function sqliteResidency(core: SqliteCore, guards: RequestGuards) {
  const { db } = core;
  const statements = {
    residentSince: db.prepare("SELECT granted_at FROM role_grants WHERE openid = ? AND role = 'resident' ORDER BY granted_at LIMIT 1"),
    upsertUser: db.prepare(
      `INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (@openid, @name, @communityId, @at, @at)
       ON CONFLICT (openid) DO UPDATE SET name = excluded.name, community_id = excluded.community_id, updated_at = excluded.updated_at`,
    ),
    grants: db.prepare('SELECT role, scope_id AS scopeId FROM role_grants WHERE openid = ? ORDER BY granted_at, role, scope_id'),
    dropGrant: db.prepare('DELETE FROM role_grants WHERE openid = ? AND role = ? AND scope_id = ?'),
    insertGrant: db.prepare(`INSERT OR IGNORE INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)`),
    user: db.prepare('SELECT openid, name, community_id AS communityId FROM users WHERE openid = ?'),
  };

  return {
    async joinCommunityLimited(input: {
      openid: string;
      communityId: string;
      name: string;
      at: string;
      audit: AuditDraft;
      rateLimit: RateLimit;
      expectedSince: string | null;
    }): Promise<CommitOutcome<UserRecord>> {
      return core.atomically(() => {
        const since = (statements.residentSince.pluck().get(input.openid) as string | undefined) ?? null;
        if (since !== input.expectedSince) throw new Rollback({ ok: false, code: 'conflict' });
        guards.countRate(input.rateLimit);
        statements.upsertUser.run({ openid: input.openid, name: input.name, communityId: input.communityId, at: input.at });
        const change = joinCommunityGrants(statements.grants.all(input.openid) as UserRecord['grants'], input.communityId);
        for (const grant of change.revoke) statements.dropGrant.run(input.openid, grant.role, grant.scopeId);
        if (change.grant) statements.insertGrant.run(input.openid, change.grant.role, change.grant.scopeId, input.openid, input.at);
        core.appendAudit(input.audit);
        const user = statements.user.get(input.openid) as Omit<UserRecord, 'grants'>;
        const grants = statements.grants.all(input.openid) as UserRecord['grants'];
        const residentSince = statements.residentSince.pluck().get(input.openid) as string | undefined;
        return { ...user, grants, ...(residentSince ? { residentSince } : {}) };
      });
    },
  };
}
