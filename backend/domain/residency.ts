/**
 * Where a person lives in the system: a resident grant names their community. A person is a
 * resident of one community at a time; joining another moves them. Staff grants (granted by a
 * higher scope, never self-claimed) are untouched by joining. Both stores apply this inside the
 * transaction that writes the user, on the grants they have just read.
 */
import type { RoleGrant } from '../../types/domain';

export interface GrantChange {
  /** The grants to take away. */
  revoke: RoleGrant[];
  /** The grant to give. */
  grant: RoleGrant;
}

/** Joining `communityId`: every resident grant goes (the one of that community too, renewed), one comes. */
export function joinCommunityGrants(grants: readonly RoleGrant[], communityId: string): GrantChange {
  return {
    revoke: grants.filter((grant) => grant.role === 'resident').map((grant) => ({ ...grant })),
    grant: { role: 'resident', scopeId: communityId },
  };
}

/** The same role at the same scope: one grant, however often it is given. */
export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.role === b.role && a.scopeId === b.scopeId;
}
