import type { ContentCheck, ContentVerdict } from '../../app/ports/content-check.port';
import { foldForMatching, normalizeText } from '../normalize-text';
import { CIVIC_PHRASES, LINK, REVIEW_WORDS, RISKY_WORDS } from './blocked-words';

/** Invisible and control characters that can hide a word or break a page. */
// Zero-width joiners (U+200C/U+200D) are left alone: emoji sequences such as 👨‍👩‍👧 need them.
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/**
 * The local content check: a short word list matched on the folded text (normalize-text.ts),
 * plus length and control-character rules. A text that hides characters which reorder or
 * conceal what is shown is `risky` whatever its words.
 */
export interface LocalContentCheckOptions {
  maxLength?: number;
  /** The lists of blocked-words.ts unless given (tests give their own to prove the matching). */
  risky?: readonly string[];
  review?: readonly string[];
  civic?: readonly string[];
}

export class LocalContentCheck implements ContentCheck {
  private readonly maxLength: number;
  private readonly risky: readonly string[];
  private readonly review: readonly string[];
  private readonly civic: readonly string[];

  constructor(options: LocalContentCheckOptions = {}) {
    this.maxLength = options.maxLength ?? 2000;
    // The lists are folded like the text, so that an entry written in any form matches.
    this.risky = (options.risky ?? RISKY_WORDS).map(foldForMatching);
    this.review = (options.review ?? REVIEW_WORDS).map(foldForMatching);
    this.civic = (options.civic ?? CIVIC_PHRASES).map(foldForMatching);
  }

  async check(text: string): Promise<ContentVerdict> {
    if (HIDDEN_CHARACTERS.test(text) || Array.from(text).length > this.maxLength) return 'risky';
    let folded = foldForMatching(text);
    // A civic phrase is cut out whole, leaving a mark that no word can span.
    for (const phrase of this.civic) folded = folded.split(phrase).join('|');
    if (this.risky.some((word) => folded.includes(word))) return 'risky';
    if (this.review.some((word) => folded.includes(word))) return 'review';
    // Links keep their dots and slashes: matched on the normalized text without its spaces.
    const compact = normalizeText(text).toLowerCase().replace(/[\s\p{Z}]+/gu, '').replace(/。/g, '.');
    if (LINK.test(compact)) return 'review';
    return 'pass';
  }
}
