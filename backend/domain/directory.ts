/**
 * The directory of units (districts, street-level units, communities) as the national dataset
 * gives it, and the rules that turn the dataset into the directory: how a raw community name
 * becomes the name people use, which raw units are left out, the ids of imported units, and
 * what an import changes. Pure: the dataset and the stored units are arguments.
 */

export type UnitKind = 'district' | 'street' | 'community';

/** A unit of the directory as the store keeps it; `parentId` is `city` for a district. */
export interface DirectoryUnit {
  id: string;
  kind: UnitKind;
  /** The national statistical code (6, 9 or 12 digits), or null for a unit added by hand. */
  code: string | null;
  name: string;
  parentId: string;
  /** False once retired: it keeps every record but takes no new ones. */
  active: boolean;
  /** Position among its siblings. */
  sort: number;
}

/** A raw unit of the dataset: its code, its raw name and its parent's code. */
export interface RawUnit {
  code: string;
  name: string;
  parentCode?: string;
}

export interface RawCity {
  cityCode: string;
  districts: RawUnit[];
  streets: RawUnit[];
  communities: RawUnit[];
}

const CODE_LENGTH: Readonly<Record<UnitKind, number>> = { district: 6, street: 9, community: 12 };
const ID_PREFIX: Readonly<Record<UnitKind, string>> = { district: 'd', street: 's', community: 'c' };
/** The kind of unit each kind hangs under (a district hangs under the city). */
export const PARENT_KIND: Readonly<Record<UnitKind, UnitKind | 'city'>> = { district: 'city', street: 'district', community: 'street' };

/** The id of an imported unit: `d-<6 digits>`, `s-<9 digits>`, `c-<12 digits>`; null when the code does not fit the kind. */
export function unitIdOf(kind: UnitKind, code: string): string | null {
  return new RegExp(`^\\d{${CODE_LENGTH[kind]}}$`).test(code) ? `${ID_PREFIX[kind]}-${code}` : null;
}

/** Residents' committee suffixes the dataset carries, longest first so that the longest is dropped. */
const COMMITTEE_SUFFIXES = ['居民委员会', '居委会', '居委'];

/** The dataset's placeholder units, which no one lives in. */
export function isVirtualCommunity(rawName: string): boolean {
  return rawName.trim().includes('虚拟社区');
}

/**
 * The name of a community as people say it: the residents' committee suffix dropped, and 社区
 * appended when 社区 is not in the name already (中英街居委会 → 中英街社区, 杨美社区嘉丽园居委会 →
 * 杨美社区嘉丽园, 桂园社区居委会 → 桂园社区).
 */
export function communityNameOf(rawName: string): string {
  let name = rawName.trim();
  const suffix = COMMITTEE_SUFFIXES.find((candidate) => name.endsWith(candidate) && name.length > candidate.length);
  if (suffix) name = name.slice(0, -suffix.length);
  return name.includes('社区') ? name : `${name}社区`;
}

/** The dataset's city as directory units, names normalised and virtual communities left out. */
export function unitsOfDataset(city: RawCity): DirectoryUnit[] {
  const units: DirectoryUnit[] = [];
  const idOf = new Map<string, string>();
  const add = (kind: UnitKind, raw: RawUnit, parentId: string, name: string, sort: number) => {
    const id = unitIdOf(kind, raw.code);
    if (!id) return;
    idOf.set(raw.code, id);
    units.push({ id, kind, code: raw.code, name, parentId, active: true, sort });
  };
  city.districts.forEach((raw, index) => add('district', raw, 'city', raw.name.trim(), index));
  city.streets.forEach((raw, index) => {
    const parentId = idOf.get(raw.parentCode ?? '');
    if (parentId) add('street', raw, parentId, raw.name.trim(), index);
  });
  city.communities.forEach((raw, index) => {
    const parentId = idOf.get(raw.parentCode ?? '');
    if (parentId && !isVirtualCommunity(raw.name)) add('community', raw, parentId, communityNameOf(raw.name), index);
  });
  return units;
}

export interface ImportPlan {
  /** The units to write: new ones, renamed or moved ones and retired ones. */
  writes: DirectoryUnit[];
  added: number;
  renamed: number;
  retired: number;
  unchanged: number;
}

/**
 * What importing the dataset's units changes in the stored directory: units it does not hold are
 * added, those whose name or parent differ are updated, and imported units of the city that the
 * dataset no longer has are retired (never deleted: a retired unit keeps its records). Units added
 * by hand (no code) and units of other cities are left alone. A second import changes nothing.
 * A unit retired by hand stays retired; its name still follows the dataset.
 */
export function planImport(stored: readonly DirectoryUnit[], incoming: readonly DirectoryUnit[], cityCode: string): ImportPlan {
  const byId = new Map(stored.map((unit) => [unit.id, unit]));
  const incomingIds = new Set(incoming.map((unit) => unit.id));
  const plan: ImportPlan = { writes: [], added: 0, renamed: 0, retired: 0, unchanged: 0 };
  for (const unit of incoming) {
    const current = byId.get(unit.id);
    if (!current) {
      plan.writes.push(unit);
      plan.added += 1;
    } else if (current.name !== unit.name || current.parentId !== unit.parentId) {
      plan.writes.push({ ...current, name: unit.name, parentId: unit.parentId, code: unit.code });
      plan.renamed += 1;
    } else {
      plan.unchanged += 1;
    }
  }
  for (const unit of stored) {
    const ofCity = unit.code !== null && unit.code.startsWith(cityCode) && unitIdOf(unit.kind, unit.code) === unit.id;
    if (ofCity && unit.active && !incomingIds.has(unit.id)) {
      plan.writes.push({ ...unit, active: false });
      plan.retired += 1;
    }
  }
  return plan;
}

export type UpsertProblem = { field: 'parentId' | 'id' | 'code' | 'kind'; reason: 'no_parent' | 'wrong_parent_kind' | 'kind_changed' | 'code_taken' | 'bad_code' | 'retired_parent' };

/**
 * Whether a unit may be written as given (added, renamed, moved or retired): its parent must be an
 * active unit of the kind above it (the city for a district), an existing unit keeps its kind, and
 * a code fits the kind and names no other unit.
 */
export function checkUpsert(units: readonly DirectoryUnit[], unit: DirectoryUnit, existing: DirectoryUnit | null): UpsertProblem | null {
  if (existing && existing.kind !== unit.kind) return { field: 'kind', reason: 'kind_changed' };
  if (unit.code !== null && unitIdOf(unit.kind, unit.code) === null) return { field: 'code', reason: 'bad_code' };
  if (unit.code !== null && units.some((other) => other.code === unit.code && other.id !== unit.id)) return { field: 'code', reason: 'code_taken' };
  const parentKind = PARENT_KIND[unit.kind];
  if (parentKind === 'city') return unit.parentId === 'city' ? null : { field: 'parentId', reason: 'wrong_parent_kind' };
  const parent = units.find((candidate) => candidate.id === unit.parentId);
  if (!parent) return { field: 'parentId', reason: 'no_parent' };
  if (parent.kind !== parentKind) return { field: 'parentId', reason: 'wrong_parent_kind' };
  // A retired parent takes no new or moved children; a child may still be retired under it.
  if (!parent.active && unit.active && (!existing || existing.parentId !== unit.parentId || !existing.active)) return { field: 'parentId', reason: 'retired_parent' };
  return null;
}

/**
 * The first retired unit on a unit's line (the unit itself, then the units above it), or null
 * when all are active. A retired (撤销 or merged) community, or one under a retired street or
 * district, keeps its records but takes no new residents, no new proposals and no new staff (R-DIR-1).
 */
export function retiredUnitOf(line: readonly DirectoryUnit[]): DirectoryUnit | null {
  return line.find((unit) => !unit.active) ?? null;
}
