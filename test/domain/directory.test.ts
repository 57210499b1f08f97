import { checkUpsert, communityNameOf, isVirtualCommunity, planImport, retiredUnitOf, unitIdOf, unitsOfDataset, type DirectoryUnit } from '../../backend/domain/directory';
import shenzhen from '../../backend/app/datasets/shenzhen-division.json';

const unit = (overrides: Partial<DirectoryUnit> & Pick<DirectoryUnit, 'id' | 'kind'>): DirectoryUnit => ({
  code: null,
  name: overrides.id,
  parentId: 'city',
  active: true,
  sort: 0,
  ...overrides,
});

describe('a community is named as people say it', () => {
  test.each([
    ['中英街居委会', '中英街社区'],
    ['杨美社区嘉丽园居委会', '杨美社区嘉丽园'],
    ['桂园社区居民委员会', '桂园社区'],
    ['黄麻布社区居委', '黄麻布社区'],
    ['象角塘社区', '象角塘社区'],
    [' 大塘龙社区居民委员会 ', '大塘龙社区'],
    ['居委会', '居委会社区'],
  ])('%s → %s', (raw, name) => {
    expect(communityNameOf(raw)).toBe(name);
  });

  it('a 虚拟社区 is a placeholder no one lives in', () => {
    expect(isVirtualCommunity('前海合作区虚拟社区')).toBe(true);
    expect(isVirtualCommunity('中英街居委会')).toBe(false);
  });
});

describe('ids of imported units carry the national code', () => {
  test.each([
    ['district', '440308', 'd-440308'],
    ['street', '440308001', 's-440308001'],
    ['community', '440308001002', 'c-440308001002'],
    ['community', '440308001', null],
    ['district', '44030x', null],
  ] as const)('a %s coded %s is %s', (kind, code, id) => {
    expect(unitIdOf(kind, code)).toBe(id);
  });
});

describe('the shipped Shenzhen dataset', () => {
  const units = unitsOfDataset(shenzhen);
  const count = (kind: string) => units.filter((candidate) => candidate.kind === kind).length;

  it('gives 9 districts, 79 street-level units and 783 communities (788 less the 5 虚拟社区)', () => {
    expect([count('district'), count('street'), count('community')]).toEqual([9, 79, 783]);
    expect(units.some((candidate) => candidate.name.includes('虚拟'))).toBe(false);
  });

  it('names 中英街社区 of 沙头角街道, 盐田区, by its codes', () => {
    const zhongying = units.find((candidate) => candidate.name === '中英街社区') as DirectoryUnit;
    const street = units.find((candidate) => candidate.id === zhongying.parentId) as DirectoryUnit;
    expect(street.name).toBe('沙头角街道');
    expect(units.find((candidate) => candidate.id === street.parentId)?.name).toBe('盐田区');
    expect(zhongying.id).toBe(`c-${zhongying.code}`);
  });

  it('leaves out a unit whose code does not fit its kind or whose parent it does not know', () => {
    const odd = unitsOfDataset({
      cityCode: '4403',
      districts: [{ code: '440308', name: '盐田区' }, { code: '44', name: '坏' }],
      streets: [{ code: '440308001', name: '沙头角街道', parentCode: '440308' }, { code: '440399001', name: '无区街道', parentCode: '440399' }, { code: '440399002', name: '无上级街道' }],
      communities: [{ code: '440308001001', name: '中英街居委会', parentCode: '440308001' }, { code: '440308009001', name: '无街社区', parentCode: '440308009' }, { code: '440308001002', name: '某某虚拟社区', parentCode: '440308001' }, { code: '440308001003', name: '无上级' }],
    });
    expect(odd.map((candidate) => candidate.id)).toEqual(['d-440308', 's-440308001', 'c-440308001001']);
  });
});

describe('an import adds, renames and retires — never deletes — and a second one changes nothing', () => {
  const district = unit({ id: 'd-440308', kind: 'district', code: '440308', name: '盐田区' });
  const street = unit({ id: 's-440308001', kind: 'street', code: '440308001', name: '沙头角街道', parentId: 'd-440308' });
  const community = unit({ id: 'c-440308001001', kind: 'community', code: '440308001001', name: '中英街社区', parentId: 's-440308001' });

  it('adds every unit to an empty directory', () => {
    const plan = planImport([], [district, street, community], '4403');
    expect(plan).toMatchObject({ added: 3, renamed: 0, retired: 0, unchanged: 0 });
    expect(plan.writes).toHaveLength(3);
  });

  it('changes nothing the second time', () => {
    expect(planImport([district, street, community], [district, street, community], '4403')).toEqual({ writes: [], added: 0, renamed: 0, retired: 0, unchanged: 3 });
  });

  it('renames or moves a unit whose name or parent the dataset changed, keeping whether it is retired', () => {
    const plan = planImport([district, street, { ...community, name: '旧名社区', active: false }], [district, street, community], '4403');
    expect(plan).toMatchObject({ renamed: 1, unchanged: 2 });
    expect(plan.writes).toEqual([{ ...community, active: false }]);
  });

  it("retires an imported unit of the city the dataset no longer has, leaves hand-made units, other cities' and retired ones alone", () => {
    const handMade = unit({ id: 'c-new', kind: 'community', parentId: 's-440308001' });
    const otherCity = unit({ id: 'd-440103', kind: 'district', code: '440103' });
    const retired = unit({ id: 'c-440308001009', kind: 'community', code: '440308001009', parentId: 's-440308001', active: false });
    const plan = planImport([district, street, community, handMade, otherCity, retired], [district, street], '4403');
    expect(plan).toMatchObject({ added: 0, renamed: 0, retired: 1, unchanged: 2 });
    expect(plan.writes).toEqual([{ ...community, active: false }]);
  });
});

describe('a unit is written under a parent of the kind above it', () => {
  const district = unit({ id: 'd-1', kind: 'district' });
  const street = unit({ id: 's-1', kind: 'street', parentId: 'd-1' });
  const closedStreet = unit({ id: 's-2', kind: 'street', parentId: 'd-1', active: false });
  const community = unit({ id: 'c-1', kind: 'community', parentId: 's-1', code: '440308001001' });
  const units = [district, street, closedStreet, community];

  test.each<[string, DirectoryUnit, DirectoryUnit | null, string | null]>([
    ['a new community under a street', unit({ id: 'c-2', kind: 'community', parentId: 's-1' }), null, null],
    ['a new district under the city', unit({ id: 'd-2', kind: 'district' }), null, null],
    ['a district under a district', unit({ id: 'd-2', kind: 'district', parentId: 'd-1' }), null, 'wrong_parent_kind'],
    ['a community under a district', unit({ id: 'c-2', kind: 'community', parentId: 'd-1' }), null, 'wrong_parent_kind'],
    ['a community under no unit', unit({ id: 'c-2', kind: 'community', parentId: 's-9' }), null, 'no_parent'],
    ['a community turned into a street', unit({ id: 'c-1', kind: 'street', parentId: 'd-1' }), community, 'kind_changed'],
    ['a code another unit has', unit({ id: 'c-2', kind: 'community', parentId: 's-1', code: '440308001001' }), null, 'code_taken'],
    ['a code of the wrong length', unit({ id: 'c-2', kind: 'community', parentId: 's-1', code: '440308' }), null, 'bad_code'],
    ['a new community under a retired street', unit({ id: 'c-2', kind: 'community', parentId: 's-2' }), null, 'retired_parent'],
    ['a community moved under a retired street', { ...community, parentId: 's-2' }, community, 'retired_parent'],
    ['a community retired under its street', { ...community, active: false }, community, null],
    ['a community renamed in place', { ...community, name: '新名社区' }, community, null],
  ])('%s: %p', (_title, written, existing, reason) => {
    expect(checkUpsert(units, written, existing)?.reason ?? null).toBe(reason);
  });

  it('a renamed unit under a retired parent stays where it is', () => {
    const child = unit({ id: 'c-3', kind: 'community', parentId: 's-2' });
    expect(checkUpsert([...units, child], { ...child, name: '新名' }, child)).toBeNull();
  });
});

describe('R-DIR-1: a retired unit takes nothing new, nor does a unit below it', () => {
  const district = unit({ id: 'd-1', kind: 'district' });
  const street = unit({ id: 's-1', kind: 'street', parentId: 'd-1' });
  const community = unit({ id: 'c-1', kind: 'community', parentId: 's-1' });

  it('a community whose line is all active is open', () => {
    expect(retiredUnitOf([community, street, district])).toBeNull();
  });

  it('a retired community is the retired unit of its line', () => {
    expect(retiredUnitOf([{ ...community, active: false }, street, district])?.id).toBe('c-1');
  });

  it('a community under a retired street or district is closed by that unit, the nearest first', () => {
    expect(retiredUnitOf([community, { ...street, active: false }, district])?.id).toBe('s-1');
    expect(retiredUnitOf([community, street, { ...district, active: false }])?.id).toBe('d-1');
    expect(retiredUnitOf([community, { ...street, active: false }, { ...district, active: false }])?.id).toBe('s-1');
  });

  it('no line (no such unit) has no retired unit: not finding it is for the caller to say', () => {
    expect(retiredUnitOf([])).toBeNull();
  });
});
