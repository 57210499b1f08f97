/**
 * Where a person lives in the system: a resident grant names their community. A person is a
 * resident of one community at a time; joining another moves them. Staff grants (granted by a
 * higher scope, never self-claimed) are untouched by joining. Both stores apply this inside the
 * transaction that writes the user, on the grants they have just read.
 *
 * Residency is also what a rating speaks for (spec/api.md, personal data: me.join): a person
 * changes community at most once in 30 days, and rates only a project of the community they
 * already belonged to on the day it was completed — so that hopping from community to community
 * cannot fill other communities' ratings.
 */
import type { DateString, RoleGrant } from '../../types/domain';
import { addDays, compareDates, daysBetween } from './calendar';
import { PERMITTED, type Permit } from './comments';
import { fail } from './result';

/** A resident changes community at most once in this many days (`too_early` before). */
export const RESIDENCY_CHANGE_DAYS = 30;

export interface GrantChange {
  /** The grants to take away. */
  revoke: RoleGrant[];
  /** The grant to give; null when the person already is a resident of that community (their day of joining stays). */
  grant: RoleGrant | null;
}

/** Joining `communityId`: every other resident grant goes, the one of that community comes (or stays). */
export function joinCommunityGrants(grants: readonly RoleGrant[], communityId: string): GrantChange {
  const already = grants.some((grant) => grant.role === 'resident' && grant.scopeId === communityId);
  return {
    revoke: grants.filter((grant) => grant.role === 'resident' && grant.scopeId !== communityId).map((grant) => ({ ...grant })),
    grant: already ? null : { role: 'resident', scopeId: communityId },
  };
}

/** The same role at the same scope: one grant, however often it is given. */
export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return a.role === b.role && a.scopeId === b.scopeId;
}

/** Where a person is a resident, and since which day (Asia/Shanghai). */
export interface Residency {
  communityId: string;
  since: DateString;
}

/**
 * me.join: a first join, or joining the community one already lives in (a new name), is always
 * allowed; moving to another community only once `RESIDENCY_CHANGE_DAYS` days have passed since
 * the last move (`too_early`, saying from which day).
 */
export function canChangeCommunity(current: Residency | null, communityId: string, today: DateString): Permit {
  if (!current || current.communityId === communityId) return PERMITTED;
  if (daysBetween(current.since, today) >= RESIDENCY_CHANGE_DAYS) return PERMITTED;
  const from = addDays(current.since, RESIDENCY_CHANGE_DAYS);
  return fail('too_early', `每 ${RESIDENCY_CHANGE_DAYS} 天只能更换一次所在社区，${from} 起可再更换`, 'communityId');
}

/**
 * R-EVA-1 with me.join: a rating speaks for a resident of the project's community who already
 * belonged to it on the day the project was completed (joining on that day counts); a newcomer
 * — or someone who lives elsewhere now — is `forbidden`.
 */
export function canRateAsResident(residency: Residency | null, communityId: string, completedOn: DateString): Permit {
  if (!residency || residency.communityId !== communityId) return fail('forbidden', '只有本社区居民可以评价');
  return compareDates(residency.since, completedOn) <= 0
    ? PERMITTED
    : fail('forbidden', `项目于 ${completedOn} 完工，完工后加入本社区的居民不能评价`);
}
