/**
 * What a proposal search matches: a Chinese substring of the title, the description or the
 * location, case-folded. Shared by both stores so that they agree on what a query finds.
 */

/** The longest query (characters) the search accepts; longer text is not a search term. */
export const SEARCH_QUERY_MAX = 50;

/** Case-folded text, as both the index and the query see it. */
export function foldText(text: string): string {
  return text.toLowerCase();
}

/** The fields searched, in the order the indexes keep them. */
export function searchedFields(record: { title: string; description: string; location: string }): [string, string, string] {
  return [record.title, record.description, record.location];
}

/**
 * The gram tokens of texts for queries of one or two characters (a trigram index cannot answer
 * those): every character and every pair of neighbouring characters of each text, whitespace
 * left out, each written as an ASCII token (`g` and the code points in base 36) so that any
 * tokenizer keeps it whole. Distinct and space-separated.
 */
export function gramTokens(texts: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const chars = Array.from(foldText(text));
    for (let i = 0; i < chars.length; i += 1) {
      if (/\s/.test(chars[i])) continue;
      tokens.add(gramToken(chars[i]));
      if (i + 1 < chars.length && !/\s/.test(chars[i + 1])) tokens.add(gramToken(chars[i] + chars[i + 1]));
    }
  }
  return [...tokens].join(' ');
}

/** The token of one short query (one or two characters, already folded). */
export function gramToken(gram: string): string {
  return `g${Array.from(gram)
    .map((char) => (char.codePointAt(0) as number).toString(36))
    .join('x')}`;
}

/** Whether a folded query is short: fewer than three characters. */
export function isShortQuery(query: string): boolean {
  return Array.from(query).length < 3;
}

/** The Asia/Shanghai year an instant falls in (a proposal's submission year). */
export function shanghaiYearOf(instant: string): number {
  return new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear();
}

/**
 * The instants an Asia/Shanghai year runs over, [from, to), as ISO strings of the stored form: a
 * year filter becomes a range the newest-first indexes can seek (Shanghai keeps +08:00 all year).
 */
export function shanghaiYearBounds(year: number): { from: string; to: string } {
  const startOf = (y: number) => new Date(Date.UTC(y, 0, 1) - 8 * 3_600_000).toISOString();
  return { from: startOf(year), to: startOf(year + 1) };
}
