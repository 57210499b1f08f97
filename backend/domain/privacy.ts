/**
 * R-TRN-1: personal data of residents is never public. A proposer shows as a masked name (张*);
 * only the proposer and the staff in scope see the full name.
 */
import type { Actor, Place, ProposalRecord } from '../../types/domain';
import { ERASED_PERSON_NAME } from '../../common/glossary';
import { holdsRole, STAFF_ROLES } from './scope';

/**
 * `张小明` → `张*明`, `张三` → `张*`, `欧阳小明` → `欧**明`, one character → `*`, empty → empty.
 * Counts characters, not UTF-16 units, so a rare character outside the BMP stays whole.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*'.repeat(characters.length);
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}

/**
 * `13812341234` → `138****1234`. Anything else that is not an 11-digit mobile number keeps at most
 * its last 4 characters.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(compact)) return `${compact.slice(0, 3)}****${compact.slice(7)}`;
  const shown = compact.length > 4 ? 4 : 0;
  return '*'.repeat(compact.length - shown) + compact.slice(compact.length - shown);
}

/** A resident's name as `viewer` may see it: full for the person and the staff in scope of `place`, else masked. */
export function personNameFor(person: { openid: string; name: string }, place: Place, viewer: Actor): string {
  // A deleted account's records keep their content under a name that is nobody's: shown as is.
  if (person.name === ERASED_PERSON_NAME) return ERASED_PERSON_NAME;
  const full = viewer.openid === person.openid || holdsRole(viewer, STAFF_ROLES, place);
  return full ? person.name : maskName(person.name);
}

/** The proposer's name as `viewer` may see it. */
export function proposerNameFor(record: ProposalRecord, viewer: Actor): string {
  return personNameFor({ openid: record.proposerOpenid, name: record.proposerName }, record, viewer);
}
