/**
 * R-SUP-3: the project library has three levels. A street's entries are seen and used inside
 * that street, a district's inside that district, the city's everywhere. The stores list the
 * entries of the scope ids decided here; they do not decide which those are.
 */
import type { Place } from '../../types/domain';
import { CITY_SCOPE_ID } from './scope';

/** Where a unit lies, as far as it has a place: a community all three ids, a street two, a district one, the city none. */
export type LibraryUnit = Partial<Place>;

/** R-SUP-3: the scope ids whose entries are usable in a unit: its street's, its district's and the city's. */
export function libraryScopesFor(unit: LibraryUnit | null): string[] {
  return [unit?.streetId, unit?.districtId, CITY_SCOPE_ID].filter((id): id is string => id !== undefined);
}

/** R-SUP-3: whether an entry of `entryScopeId` may be used in a unit (a proposal starts only from such). */
export function isLibraryEntryUsable(entryScopeId: string, unit: LibraryUnit): boolean {
  return libraryScopesFor(unit).includes(entryScopeId);
}
