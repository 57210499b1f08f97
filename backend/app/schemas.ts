import { TEXT_LIMITS, LIST_LIMITS } from '../../common/limits';
import { z } from 'zod';
import { isDateString } from '../domain/calendar';
import { CATEGORIES, EXCLUSIONS, PROPOSAL_STATES, SOURCES } from '../../common/glossary';
import type { Category, Exclusion, ProposalState, Source } from '../../types/domain';

// Shared payload pieces. Every string has a maximum length and every amount is a safe
// non-negative integer of fen: an oversized or malformed field is `invalid_input`, never a write.

/** An id of the directory or of a record: short, printable, no spaces. */
export const recordId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).describe('an id: 1–64 of A–Z a–z 0–9 _ -');

/** A client-chosen request id for idempotent retries. */
export const requestId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe('chosen by the client, 8–64 of A–Z a–z 0–9 _ -; a retry with the same one answers the first result');

const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidi overrides and isolates, which can make shown text read other than it is stored. */
const FORMAT_CHARACTERS = /[\u202A-\u202E\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair: not a character, and stored as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text typed by a person: trimmed, 1..maxLength characters counted as code points (an emoji
 * is one, as people count), no control characters except line breaks, no bidi overrides, no
 * lone surrogates.
 */
export function personText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    // A cheap bound on UTF-16 units first (a code point is at most two), then the real count.
    .max(maxLength * 2)
    .refine((text) => Array.from(text).length <= maxLength, { message: `at most ${maxLength} characters` })
    .refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'control characters' })
    .refine((text) => !FORMAT_CHARACTERS.test(text), { message: 'bidi override characters' })
    .refine((text) => !LONE_SURROGATE.test(text), { message: 'lone surrogate' })
    .describe(`text, 1–${maxLength} characters after trimming; no control, bidi or unpaired characters`);
}

/** Integer fen: no floats, no negatives, nothing past 2^53. */
export const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).describe('integer fen ≥ 0');
export const positiveFen = fen.refine((value) => value > 0, { message: 'must be positive' }).describe('integer fen > 0');

/** A real calendar date `YYYY-MM-DD` between 2000 and 2100 (the years the programme can mean). */
export const dateString = z
  .string()
  .regex(/^(20\d{2}|2100)-\d{2}-\d{2}$/)
  .refine((value) => isDateString(value), { message: 'not a calendar date' })
  .describe('a calendar date YYYY-MM-DD, 2000–2100');
export const year = z.number().int().min(2000).max(2100).describe('a year, 2000–2100');
export const count = z.number().int().nonnegative().max(1_000_000).describe('a whole number 0–1,000,000');

// The lists of common/glossary.ts, typed as their unions, so that a payload's type names them.
export const category = z.enum(CATEGORIES as [Category, ...Category[]]);
export const source = z.enum(SOURCES as [Source, ...Source[]]);
export const exclusion = z.enum(EXCLUSIONS as [Exclusion, ...Exclusion[]]);
export const proposalState = z.enum(PROPOSAL_STATES as [ProposalState, ...ProposalState[]]);

export const budgetLines = z
  .array(z.object({ item: personText(TEXT_LIMITS.shortText), amountFen: positiveFen, fee: z.boolean().optional() }))
  .min(1)
  .max(LIST_LIMITS.budgetLines);

export const cursor = z.string().min(1).max(200).describe('the `nextCursor` of the page before').optional();
export const limit = z.number().int().min(1).max(50).describe('items a page, 1–50 (default 20)').optional();
