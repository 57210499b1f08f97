import type { Role, RoleGrant } from '../../types/api';

/**
 * Which roles a grant may invite, for the invite form's choices (the server decides again:
 * backend/domain/staffing.ts): a street its communities' workers, a district its streets' and
 * communities' staff and supervisors at its own level (issue 18), the city anyone.
 */
export type StaffRole = Exclude<Role, 'resident'>;

export function invitableRoles(grant: RoleGrant): StaffRole[] {
  switch (grant.role) {
    case 'street':
      return ['community'];
    case 'district':
      return ['street', 'community', 'supervisor'];
    case 'city':
      return ['district', 'street', 'community', 'city', 'supervisor'];
    default:
      return [];
  }
}

/** The kind of unit a role is held at. */
export const LEVEL_OF_ROLE: Readonly<Record<Role, 'community' | 'street' | 'district' | 'city'>> = {
  resident: 'community',
  community: 'community',
  street: 'street',
  district: 'district',
  city: 'city',
  supervisor: 'district',
};

/** The invitation page a code opens: `scene` when scanned in WeChat, `code` in a link. */
export const ACCEPT_PAGE = '/onboarding/pages/accept/index';
export const STAFF_PAGE = '/onboarding/pages/staff/index';
export const DIRECTORY_PAGE = '/onboarding/pages/directory/index';

/** The code in a page's query: the mini-program code's `scene` (URI-encoded by WeChat) or `code`. */
export function codeOfQuery(query: Record<string, string | undefined>): string {
  const raw = query.scene ?? query.code ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The day of an instant in Asia/Shanghai (UTC+8 all year), for "valid until 3月9日". */
export function shanghaiDayOf(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}
