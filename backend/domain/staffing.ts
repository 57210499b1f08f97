/**
 * Who may appoint whom (invite, grant, revoke): a street for its communities' community role; a
 * district for its streets and communities, and supervisors at its own level (两代表一委员, the
 * discipline office: issue 18); the city for anything. Adding a role that a scope may
 * appoint is one row below. Pure: the actor's grants and the target place are arguments.
 */
import type { Role } from '../../types/api';
import type { Actor } from '../../types/domain';
import { grantCovers, type ScopeTarget } from './scope';

/** Where an appointed role lies from the appointer's grant: below its unit, or at its own unit. */
type Reach = 'below' | 'own';

/** For each appointing role, the roles it may appoint and where. The city appoints every staff role anywhere. */
const APPOINTS: Partial<Record<Role, readonly { role: Role; reach: Reach }[]>> = {
  street: [{ role: 'community', reach: 'below' }],
  district: [
    { role: 'street', reach: 'below' },
    { role: 'community', reach: 'below' },
    { role: 'supervisor', reach: 'own' },
  ],
};

/** The staff roles the city may appoint (every one: a colleague at the city too). */
const CITY_APPOINTS: readonly Role[] = ['community', 'street', 'district', 'city', 'supervisor'];

export type UnitLevel = 'community' | 'street' | 'district' | 'city';

/** The kind of unit each role is held at (the compiler asks for a new role's row). */
export const ROLE_LEVEL: Readonly<Record<Role, UnitLevel>> = {
  resident: 'community',
  community: 'community',
  street: 'street',
  district: 'district',
  city: 'city',
  // Read-only oversight of a district (issue 18).
  supervisor: 'district',
};

/**
 * May `actor` appoint (or revoke) `role` at the unit `target` (as much of its place as it has, of
 * kind `targetLevel`)? The unit must be of the level the role is held at; `own` means the
 * appointer's own unit, `below` a unit strictly inside it.
 */
export function mayAppoint(actor: Actor, role: Role, target: ScopeTarget, targetLevel: UnitLevel): boolean {
  if (ROLE_LEVEL[role] !== targetLevel) return false;
  return actor.grants.some((grant) => {
    if (grant.role === 'city') return CITY_APPOINTS.includes(role);
    if (!grantCovers(grant, target)) return false;
    const reach: Reach = ROLE_LEVEL[grant.role] === targetLevel ? 'own' : 'below';
    return (APPOINTS[grant.role] ?? []).some((row) => row.role === role && row.reach === reach);
  });
}

/** The level of a unit from as much of its place as a target has (nothing: the city). */
export function levelOf(target: ScopeTarget): UnitLevel {
  if (target.communityId !== undefined) return 'community';
  if (target.streetId !== undefined) return 'street';
  if (target.districtId !== undefined) return 'district';
  return 'city';
}

/**
 * May `actor` change the directory at a unit of `kind` placed at `target`: the city anything; a
 * district its streets and communities (never a district, its own included).
 */
export function mayEditDirectory(actor: Actor, kind: 'district' | 'street' | 'community', target: ScopeTarget): boolean {
  return actor.grants.some((grant) => grant.role === 'city' || (grant.role === 'district' && kind !== 'district' && grantCovers(grant, target)));
}
