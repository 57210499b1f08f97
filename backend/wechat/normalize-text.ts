import { Converter } from 'opencc-js/t2cn';

// What a content check looks at: the text as a reader sees it, not as it is encoded. A blocked
// word must not slip through because a soft hyphen or a zero-width space splits it, because it
// is typed in full-width letters or compatibility ideographs, or because it is written in
// traditional characters. Used by the local word list and before WeChat's msgSecCheck alike.
// The text that is stored and shown stays as sent: this is only what the check is asked about.

/**
 * Characters that draw nothing or only change how their neighbours look: format characters
 * (soft hyphen, zero-width space and joiners, bidi controls, BOM), the other default-ignorable
 * code points (variation selectors, tags, Hangul fillers) and combining marks.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}]/gu;

let simplify: ((text: string) => string) | null = null;

/** Traditional → simplified, Hong Kong and Taiwan variants included (OpenCC's tables). */
function toSimplified(text: string): string {
  if (!simplify) {
    const fromHongKong = Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
    simplify = (value) => fromTaiwan(fromHongKong(value));
  }
  return simplify(text);
}

/**
 * The text as the content check reads it: compatibility forms folded (NFKD, then NFKC: full-width
 * `ｗｗｗ` is `www`, 豈 U+F900 is 豈), invisible and combining characters removed, traditional
 * characters made simplified. Spaces and punctuation stay: WeChat's check reads sentences.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKD').replace(INVISIBLE, '').normalize('NFKC'));
}

/** Spaces, punctuation and symbols: what can be put between the characters of a word to hide it. */
const FILLER = /[\p{Z}\p{P}\p{S}\p{Cc}\s]/gu;

/** The normalized text, lowercased, with everything but letters and digits removed: for matching words. */
export function foldForMatching(text: string): string {
  return normalizeText(text).toLowerCase().replace(FILLER, '');
}
