import type { ProposalQuery } from '../../app/ports/store.port';
import { foldText, gramToken, gramTokens, isShortQuery, shanghaiYearBounds } from '../../domain/search';
import type { Db } from './sqlite.core';

/**
 * Proposal search and filters (migration 20). Two full-text indexes keyed by the proposals'
 * rowid, kept by triggers so that every writer of the table (the store, the bench generator)
 * keeps them: `proposal_text` (FTS5 trigram) answers substrings of three characters or more,
 * `proposal_grams` (every character and character pair as a token) the shorter ones, which a
 * trigram index cannot. `search_grams` is the SQL face of domain/search.ts's gramTokens and
 * must be registered on every connection that writes proposals. The indexes name proposals by
 * rowid, which VACUUM may renumber on a table without an INTEGER PRIMARY KEY: never VACUUM the
 * store without rebuilding them (`INSERT INTO proposal_text(proposal_text) VALUES ('delete-all')` …).
 */
export function registerSearchFunctions(db: Db): void {
  db.function('search_grams', { deterministic: true }, (title: unknown, description: unknown, location: unknown) =>
    gramTokens([title, description, location].map((text) => (typeof text === 'string' ? text : null))),
  );
}

/** The filters of proposal.list beyond scope, owner and cursor, as WHERE terms. */
export function searchClauses(query: Pick<ProposalQuery, 'states' | 'category' | 'year' | 'text'>, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (query.states) {
    query.states.forEach((state, i) => (params[`state${i}`] = state));
    where.push(`state IN (${query.states.map((_, i) => `@state${i}`).join(', ')})`);
  }
  if (query.category) {
    params.category = query.category;
    where.push('category = @category');
  }
  if (query.year !== undefined) {
    params.year = query.year;
    // The year as a range of created_at as well: the scope indexes (… created_at DESC, id DESC)
    // seek it instead of reading every row of the scope (33 → 12 ms p95 at 100k, bench/RESULTS.md).
    const { from, to } = shanghaiYearBounds(query.year);
    params.yearFrom = from;
    params.yearTo = to;
    where.push('created_at >= @yearFrom AND created_at < @yearTo AND submitted_year = @year');
  }
  // `+rowid`: the matches are a set the rows are checked against while the newest-first (or
  // scope) index is walked, so a page stops after its rows; looking each match up and sorting
  // them all costs O(matches) — 150 ms for a common word at 100k (bench/RESULTS.md).
  if (query.text) where.push(`+rowid IN (${textMatches(query.text, params)})`);
  return where;
}

/** The rowids of the proposals whose text holds `text`, from the index that can answer it. */
export function textMatches(text: string, params: Record<string, unknown>): string {
  const folded = foldText(text);
  if (isShortQuery(folded)) {
    params.grams = `"${gramToken(folded)}"`;
    return 'SELECT rowid FROM proposal_grams WHERE proposal_grams MATCH @grams';
  }
  // A quoted string is one phrase: the trigram tokenizer matches it as a substring.
  params.phrase = `"${folded.replace(/"/g, '""')}"`;
  return 'SELECT rowid FROM proposal_text WHERE proposal_text MATCH @phrase';
}

/** Whether a query filters on nothing but its text (then the index alone can count it). */
export function onlyText(query: Omit<ProposalQuery, 'after' | 'limit'>): boolean {
  return Boolean(query.text) && query.scope.kind === 'all' && !query.states && !query.state && !query.category && query.year === undefined && !query.proposerOpenid;
}
