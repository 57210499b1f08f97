/**
 * Scopes nest community ⊂ street ⊂ district ⊂ city. A grant covers a target when the target lies
 * inside the grant's scope: a street grant covers its street and every community of it, a city
 * grant covers everything. A target names as much of its place as it has: a community target all
 * three ids, a street target `streetId` and `districtId`, a district target `districtId`, the city
 * nothing.
 */
import type { Role, RoleGrant } from '../../types/api';
import type { Actor, Place } from '../../types/domain';

export type ScopeTarget = Partial<Place>;

/** The place field a grant of each role is scoped by. */
const SCOPE_FIELD: Readonly<Record<Exclude<Role, 'city'>, keyof Place>> = {
  resident: 'communityId',
  community: 'communityId',
  street: 'streetId',
  district: 'districtId',
  // Supervision (issue 18): a supervisor reads everything of its district.
  supervisor: 'districtId',
};

/** Higher scopes rank higher; a grantor may grant only roles below its own. */
/** The one scope id of the city level: every grant at it covers the whole directory. */
export const CITY_SCOPE_ID = 'city';

export const ROLE_RANK: Readonly<Record<Role, number>> = {
  resident: 0,
  community: 1,
  street: 2,
  district: 3,
  city: 4,
  // Supervision (issue 18): granted by the district or the city, never by a street; it grants nothing.
  supervisor: 2,
};

export const STAFF_ROLES: readonly Role[] = ['community', 'street', 'district', 'city'];

export function grantCovers(grant: RoleGrant, target: ScopeTarget): boolean {
  return grant.role === 'city' || target[SCOPE_FIELD[grant.role]] === grant.scopeId;
}

/** True when the actor holds one of `roles` with a scope that covers the target. */
export function holdsRole(actor: Actor, roles: readonly Role[], target: ScopeTarget): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role) && grantCovers(grant, target));
}

export function isSignedIn(actor: Actor): boolean {
  return actor.openid !== null;
}
