import type { Directory, Role } from '../../../types/api';
import { joinCommunityGrants, sameGrant } from '../../domain/residency';
import type { AuditDraft, CommunityPlace, GrantRecord, ScopeFilter, ScopePlace, UserRecord } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { compareText, grantsOf, userDoc, userOf } from './cloudbase.documents';
import { COLLECTIONS, grantKey } from './collections';
import { MAX_IN_VALUES, queryAll, type Conjunction } from './doc-db';

/** The directory (places), the users with their grants inline, and who holds a role where. */
export function cloudBaseDirectory(core: CloudBaseCore) {
  return {
    async findUser(openid: string): Promise<UserRecord | null> {
      const doc = await core.db.get(COLLECTIONS.users, openid);
      return doc ? userOf(doc) : null;
    },

    async joinCommunity(input: { openid: string; communityId: string; name: string; at: string; audit: AuditDraft }): Promise<UserRecord> {
      return core.transact(async (unit) => {
        const existing = await unit.get(COLLECTIONS.users, input.openid);
        const change = joinCommunityGrants(userOf(existing ?? { _id: input.openid }).grants, input.communityId);
        const grants = grantsOf(existing).filter((grant) => !change.revoke.some((revoked) => sameGrant(revoked, grant)));
        if (change.grant) grants.push({ ...change.grant, grantedBy: input.openid, grantedAt: input.at });
        const doc = unit.put(
          COLLECTIONS.users,
          input.openid,
          userDoc(input.openid, input.name, input.communityId, grants, (existing?.createdAt as string | undefined) ?? input.at, input.at),
        );
        await core.appendAudit(unit, input.audit);
        return userOf(doc);
      });
    },

    async grantRole(input: { openid: string; role: Role; scopeId: string; grantedBy: string; name?: string; audit: AuditDraft }): Promise<UserRecord> {
      return core.transact(async (unit) => {
        const existing = await unit.get(COLLECTIONS.users, input.openid);
        const grants = grantsOf(existing);
        // One grant per role and scope, however often it is given.
        if (!grants.some((grant) => sameGrant(grant, input))) {
          grants.push({ role: input.role, scopeId: input.scopeId, grantedBy: input.grantedBy, grantedAt: input.audit.at });
        }
        const doc = unit.put(
          COLLECTIONS.users,
          input.openid,
          userDoc(
            input.openid,
            (existing?.name as string | null | undefined) ?? input.name ?? null,
            (existing?.communityId as string | null | undefined) ?? null,
            grants,
            (existing?.createdAt as string | undefined) ?? input.audit.at,
            (existing?.updatedAt as string | undefined) ?? input.audit.at,
          ),
        );
        await core.appendAudit(unit, input.audit);
        return userOf(doc);
      });
    },

    async findCommunity(communityId: string): Promise<CommunityPlace | null> {
      const doc = await core.db.get(COLLECTIONS.places, communityId);
      if (!doc || doc.kind !== 'community') return null;
      return { communityId, streetId: doc.streetId as string, districtId: doc.districtId as string };
    },

    async findScope(id: string): Promise<ScopePlace | null> {
      const doc = await core.db.get(COLLECTIONS.places, id);
      if (!doc) return null;
      switch (doc.kind) {
        case 'community':
          return { kind: 'community', communityId: id, streetId: doc.streetId as string, districtId: doc.districtId as string };
        case 'street':
          return { kind: 'street', streetId: id, districtId: doc.districtId as string };
        case 'district':
          return { kind: 'district', districtId: id };
        default:
          return null;
      }
    },

    async getDirectory(): Promise<Directory> {
      const places = await queryAll(core.db, COLLECTIONS.places, [{}], [['_id', 'asc']]);
      // Retired units keep their records but leave the public directory (issue 16).
      const ordered = (kind: string) =>
        places.filter((place) => place.kind === kind && place.active !== false).sort((a, b) => (a.sort as number) - (b.sort as number) || compareText(a._id, b._id));
      const streets = ordered('street');
      const communities = ordered('community');
      return {
        districts: ordered('district').map((district) => ({
          id: district._id,
          name: district.name as string,
          streets: streets
            .filter((street) => street.districtId === district._id)
            .map((street) => ({
              id: street._id,
              name: street.name as string,
              communities: communities
                .filter((community) => community.streetId === street._id)
                .map((community) => ({ id: community._id, name: community.name as string })),
            })),
        })),
      };
    },

    async countCommunities(districtId: string): Promise<number> {
      return core.db.count(COLLECTIONS.places, [{ kind: 'community', districtId }]);
    },

    async listGrants(scope: ScopeFilter, roles: readonly Role[]): Promise<GrantRecord[]> {
      // The unit and the units below it, from the directory; then the users holding a grant there.
      const below: Conjunction[] =
        scope.kind === 'all' ? [{}] : scope.kind === 'street' ? [{ streetId: scope.id }] : scope.kind === 'district' ? [{ districtId: scope.id }] : [];
      const units = scope.kind === 'all' ? ['city'] : [scope.id];
      if (below.length > 0) units.push(...(await queryAll(core.db, COLLECTIONS.places, below, [['_id', 'asc']])).map((place) => place._id));
      const keys = new Set(units.flatMap((unit) => roles.map((role) => grantKey(role, unit))));
      const grants: GrantRecord[] = [];
      const wanted = [...keys];
      for (let start = 0; start < wanted.length; start += MAX_IN_VALUES) {
        // A query's `in` takes at most 100 values. Each key is in one chunk: a grant found by a
        // chunk's query is taken from that chunk only, so none is listed twice.
        const chunk = new Set(wanted.slice(start, start + MAX_IN_VALUES));
        const docs = await queryAll(core.db, COLLECTIONS.users, [{ grantKeys: { in: [...chunk] } }], [['_id', 'asc']]);
        for (const doc of docs) {
          const name = (doc.name as string | null | undefined) ?? null;
          for (const grant of grantsOf(doc).filter((held) => chunk.has(grantKey(held.role, held.scopeId)))) {
            grants.push({ openid: doc._id, name, role: grant.role, scopeId: grant.scopeId, grantedAt: grant.grantedAt, grantedBy: grant.grantedBy });
          }
        }
      }
      return grants.sort(
        (a, b) => compareText(a.scopeId, b.scopeId) || compareText(a.role, b.role) || compareText(a.grantedAt, b.grantedAt) || compareText(a.openid, b.openid),
      );
    },

    async staffOf(role: Role, scopeId: string): Promise<string[]> {
      // `grantKeys` is an array: equality matches an element of it.
      const docs = await queryAll(core.db, COLLECTIONS.users, [{ grantKeys: grantKey(role, scopeId) }], [['_id', 'asc']]);
      return docs.map((doc) => doc._id);
    },
  };
}
