import { z } from 'zod';

// Shared payload pieces. Every string has a maximum length: an oversized payload field is
// `invalid_input`, never a write.

/** An id of the directory or of a record: short, printable, no spaces. */
export const recordId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Free text typed by a person: trimmed, no control characters except line breaks. */
export function personText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((text) => !/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/.test(text), { message: 'control characters' });
}
