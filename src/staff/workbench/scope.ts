import type { Answer, Directory, Me, Role, RoleGrant } from '../../../types/api';
import { getDirectory, getMe } from '../../api';

/** Who is working and the directory to name their places: what every staff page loads first. */
export interface StaffContext {
  me: Me;
  directory: Directory;
}

export async function loadStaffContext(): Promise<Answer<StaffContext>> {
  const [me, directory] = await Promise.all([getMe(), getDirectory()]);
  if (!me.ok) return me;
  if (!directory.ok) return directory;
  return { ok: true, data: { me: me.data, directory: directory.data } };
}

/** Supervision (issue 18): the roles that read the oversight views — the supervisor only reads. */
export const OVERSIGHT_ROLES: readonly Role[] = ['street', 'district', 'city', 'supervisor'];

/** The grants of these roles, in the order held. */
export function grantsOf(me: Me, roles: readonly Role[]): RoleGrant[] {
  return me.roles.filter((grant) => roles.includes(grant.role));
}

export interface PlaceNames {
  community(id: string): string;
  street(id: string): string;
  district(id: string): string;
  /** Any scope id (community, street, district, `city`). */
  scope(id: string): string;
}

/** Names from the directory, falling back to the id for a place it does not list. */
export function placeNames(directory: Directory): PlaceNames {
  const names = new Map<string, string>([['city', '全市']]);
  for (const district of directory.districts) {
    names.set(district.id, district.name);
    for (const street of district.streets) {
      names.set(street.id, street.name);
      for (const community of street.communities) names.set(community.id, community.name);
    }
  }
  const name = (id: string) => names.get(id) ?? id;
  return { community: name, street: name, district: name, scope: name };
}

export interface ScopeOption {
  id: string;
  name: string;
  kind: 'city' | 'district' | 'street' | 'community';
  /** How deep it lies under the grant it came from, for indenting. */
  depth: number;
}

/**
 * The scopes a grant covers, broadest first: a street and its communities; a district, its
 * streets and their communities; the city and every district below it.
 */
export function scopesUnder(grant: RoleGrant, directory: Directory): ScopeOption[] {
  const options: ScopeOption[] = [];
  const addStreet = (street: Directory['districts'][number]['streets'][number], depth: number) => {
    options.push({ id: street.id, name: street.name, kind: 'street', depth });
    for (const community of street.communities) options.push({ id: community.id, name: community.name, kind: 'community', depth: depth + 1 });
  };
  const addDistrict = (district: Directory['districts'][number], depth: number) => {
    options.push({ id: district.id, name: district.name, kind: 'district', depth });
    for (const street of district.streets) addStreet(street, depth + 1);
  };
  if (grant.role === 'city') {
    options.push({ id: 'city', name: '全市', kind: 'city', depth: 0 });
    for (const district of directory.districts) addDistrict(district, 1);
    return options;
  }
  for (const district of directory.districts) {
    // A supervisor (issue 18) reads a district's whole scope, as the district does.
    if ((grant.role === 'district' || grant.role === 'supervisor') && district.id === grant.scopeId) addDistrict(district, 0);
    for (const street of district.streets) {
      if (grant.role === 'street' && street.id === grant.scopeId) addStreet(street, 0);
      for (const community of street.communities) {
        if ((grant.role === 'community' || grant.role === 'resident') && community.id === grant.scopeId) {
          options.push({ id: community.id, name: community.name, kind: 'community', depth: 0 });
        }
      }
    }
  }
  return options;
}

/** The communities a grant covers (a community, a street's, a district's, every one for the city). */
export function communitiesUnder(grant: RoleGrant, directory: Directory): ScopeOption[] {
  return scopesUnder(grant, directory).filter((option) => option.kind === 'community');
}
