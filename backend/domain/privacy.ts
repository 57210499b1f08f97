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

/** A separator people type inside a phone number: a space, a hyphen or a dash (half- or full-width). */
const SEPARATOR = '[\\s\\-\\u2010-\\u2015\\u2212\\uFF0D]?';
/** A mobile number: 1, then 3–9, then nine digits, optionally behind +86 / 0086. */
const MOBILE = new RegExp(`(?<!\\d)(?:(?:\\+|00)86${SEPARATOR})?1[3-9](?:${SEPARATOR}\\d){9}(?!\\d)`, 'gu');
/** A landline with its area code 0xx / 0xxx (bracketed or not) and a 7–8 digit number. */
const LANDLINE = new RegExp(
  `(?<!\\d)(?:[(（](?<bracketed>0\\d{2,3})[)）]${SEPARATOR}|(?<area>0\\d{2,3})${SEPARATOR})\\d{3,4}${SEPARATOR}\\d{4}(?!\\d)`,
  'gu',
);

/** Full-width digits ０–９ as ASCII, one UTF-16 unit for one: positions in the text stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30));
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * R-TRN-1: every phone number written into a free text — a mobile (also with spaces, dashes or
 * full-width digits, behind +86) or a landline with its area code — masked: `138****5678`,
 * `0755-****5678`. The rest of the text is left as typed.
 */
export function maskPhonesInText(text: string): string {
  const ascii = asciiDigits(text);
  const spans: { start: number; end: number; masked: string }[] = [];
  for (const match of ascii.matchAll(MOBILE)) {
    const digits = digitsOf(match[0]).slice(-11);
    spans.push({ start: match.index, end: match.index + match[0].length, masked: `${digits.slice(0, 3)}****${digits.slice(7)}` });
  }
  for (const match of ascii.matchAll(LANDLINE)) {
    const start = match.index;
    if (spans.some((span) => start < span.end && span.start < start + match[0].length)) continue;
    // The area code as written (3 or 4 digits), whatever the length of the number after it.
    const { bracketed, area } = match.groups as { bracketed?: string; area?: string };
    spans.push({ start, end: start + match[0].length, masked: `${bracketed ?? area}-****${digitsOf(match[0]).slice(-4)}` });
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const span of spans) {
    masked += text.slice(at, span.start) + span.masked;
    at = span.end;
  }
  return masked + text.slice(at);
}

/**
 * R-TRN-1: a resident's free text (a proposal's title, description or location, a comment, a
 * reply, a rating) as `viewer` may see it: as written for its author and the staff in scope of
 * `place`, with phone numbers masked for everyone else.
 */
export function freeTextFor(text: string, authorOpenid: string | null, place: Place, viewer: Actor): string {
  const full = (viewer.openid !== null && viewer.openid === authorOpenid) || holdsRole(viewer, STAFF_ROLES, place);
  return full ? text : maskPhonesInText(text);
}
