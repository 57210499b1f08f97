import type { Role } from '../../types/api';
import { can } from '../../backend/domain/permissions';
import { levelOf, mayAppoint, mayEditDirectory, ROLE_LEVEL } from '../../backend/domain/staffing';
import { buildActor, ELSEWHERE, HOME } from './factories';

const COMMUNITY = HOME;
const STREET = { streetId: HOME.streetId, districtId: HOME.districtId };
const DISTRICT = { districtId: HOME.districtId };
const CITY = {};
const UNIT = { community: COMMUNITY, street: STREET, district: DISTRICT, city: CITY } as const;

describe('who may appoint whom: a street its communities, a district its streets and communities, the city anyone', () => {
  // [appointer, role appointed, allowed at the unit of that role inside the appointer's scope]
  const cells: [Role, Role, boolean][] = [
    ['street', 'community', true],
    ['street', 'street', false],
    ['street', 'district', false],
    ['street', 'city', false],
    ['district', 'community', true],
    ['district', 'street', true],
    ['district', 'district', false],
    ['district', 'city', false],
    ['city', 'community', true],
    ['city', 'street', true],
    ['city', 'district', true],
    ['city', 'city', true],
    // Issue 18: supervisors (两代表一委员, the discipline office) at the district's own level.
    ['district', 'supervisor', true],
    ['city', 'supervisor', true],
    ['street', 'supervisor', false],
    ['supervisor', 'supervisor', false],
    ['supervisor', 'community', false],
    ['community', 'community', false],
    ['resident', 'community', false],
  ];

  test.each(cells)('a %s inviting the role %s within its scope is allowed: %p', (appointer, role, allowed) => {
    const target = { ...UNIT[ROLE_LEVEL[role]], grantRole: role };
    expect(can(buildActor(appointer), 'invitation.create', target)).toBe(allowed);
    // Revoking and cancelling follow the same rule.
    expect(can(buildActor(appointer), 'role.revoke', target)).toBe(allowed);
    expect(can(buildActor(appointer), 'invitation.cancel', target)).toBe(allowed);
  });

  test.each<Role>(['street', 'district'])('a %s appoints nobody outside its scope', (appointer) => {
    expect(can(buildActor(appointer, ELSEWHERE), 'invitation.create', { ...COMMUNITY, grantRole: 'community' })).toBe(false);
  });

  it('a role is appointed only at a unit of its level; residents are never invited', () => {
    expect(mayAppoint(buildActor('city'), 'community', STREET, 'street')).toBe(false);
    expect(mayAppoint(buildActor('city'), 'resident', COMMUNITY, 'community')).toBe(false);
  });

  it('nobody appoints without naming the role, nor while signed out', () => {
    expect(can(buildActor('city'), 'invitation.create', COMMUNITY)).toBe(false);
    expect(can(buildActor(null), 'invitation.create', { ...COMMUNITY, grantRole: 'community' })).toBe(false);
  });

  it('the level of a target is the smallest unit it names', () => {
    expect([levelOf(COMMUNITY), levelOf(STREET), levelOf(DISTRICT), levelOf(CITY)]).toEqual(['community', 'street', 'district', 'city']);
  });
});

describe('who may change the directory: a district its streets and communities, the city every unit', () => {
  test.each<[Role, 'district' | 'street' | 'community', object, boolean]>([
    ['district', 'community', COMMUNITY, true],
    ['district', 'street', STREET, true],
    ['district', 'district', DISTRICT, false],
    ['district', 'community', ELSEWHERE, false],
    ['street', 'community', COMMUNITY, false],
    ['city', 'district', DISTRICT, true],
    ['city', 'community', ELSEWHERE, true],
  ])('a %s writing a %s there is allowed: %p', (role, kind, target, allowed) => {
    expect(mayEditDirectory(buildActor(role), kind, target)).toBe(allowed);
    expect(can(buildActor(role), 'directory.upsert', { ...target, unitKind: kind })).toBe(allowed);
  });

  it('a write that does not say the kind of unit is allowed to nobody', () => {
    expect(can(buildActor('city'), 'directory.upsert', DISTRICT)).toBe(false);
  });
});
