import type { ContentCheck, ContentVerdict } from '../../app/ports/content-check.port';
import { REVIEW_WORDS, RISKY_WORDS } from './blocked-words';

/** Invisible and control characters that can hide a word or break a page. */
// Zero-width joiners (U+200C/U+200D) are left alone: emoji sequences such as 👨‍👩‍👧 need them.
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
// ...but a word split by them is still the word.
const SEPARATORS = /[\s\u3000·•.,，。、_\-*|/\\\u200C\u200D]+/gu;

/** The local content check: word lists plus length and control-character rules. */
export class LocalContentCheck implements ContentCheck {
  constructor(private readonly maxLength = 2000) {}

  async check(text: string): Promise<ContentVerdict> {
    if (HIDDEN_CHARACTERS.test(text) || Array.from(text).length > this.maxLength) return 'risky';
    const folded = text.toLowerCase().replace(SEPARATORS, '');
    if (RISKY_WORDS.some((word) => folded.includes(word))) return 'risky';
    const lowered = text.toLowerCase();
    if (REVIEW_WORDS.some((word) => lowered.includes(word) || folded.includes(word.replace(SEPARATORS, '')))) return 'review';
    return 'pass';
  }
}
