import { z } from 'zod';
import { CATEGORIES, EXCLUSIONS, PROPOSAL_STATES, SOURCES } from '../domain/labels';

// Shared payload pieces. Every string has a maximum length and every amount is a safe
// non-negative integer of fen: an oversized or malformed field is `invalid_input`, never a write.

/** An id of the directory or of a record: short, printable, no spaces. */
export const recordId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** A client-chosen request id for idempotent retries. */
export const requestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text typed by a person: trimmed, no control characters except line breaks. */
export function personText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'control characters' });
}

/** Integer fen: no floats, no negatives, nothing past 2^53. */
export const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const positiveFen = fen.refine((value) => value > 0, { message: 'must be positive' });

export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const year = z.number().int().min(2000).max(2100);
export const count = z.number().int().nonnegative().max(1_000_000);

export const category = z.enum(CATEGORIES as [string, ...string[]]);
export const source = z.enum(SOURCES as [string, ...string[]]);
export const exclusion = z.enum(EXCLUSIONS as [string, ...string[]]);
export const proposalState = z.enum(PROPOSAL_STATES as [string, ...string[]]);

export const budgetLines = z
  .array(z.object({ item: personText(100), amountFen: positiveFen, fee: z.boolean().optional() }))
  .min(1)
  .max(50);

export const cursor = z.string().min(1).max(200).optional();
export const limit = z.number().int().min(1).max(50).optional();
