/**
 * DocDb: the narrow slice of CloudBase's document database that the CloudBase store uses, as an
 * interface of our own. Three implementations keep its semantics: the in-memory one for tests
 * (memory.doc-db.ts), one over `wx-server-sdk` inside cloud functions (wx-server-sdk.doc-db.ts)
 * and one over `@cloudbase/node-sdk` outside them, with credentials (node-sdk.doc-db.ts).
 *
 * The semantics every implementation keeps (they are the engine's):
 * - `set` replaces the whole document (or creates it); `add` creates and fails on a taken `_id`;
 *   `update` changes only the named top-level fields, and does nothing to a missing document.
 * - A query names its filter, its order and an explicit limit of at most 1000 (MAX_QUERY_LIMIT):
 *   the server SDKs return at most 1000 records a call (100 when no limit is named), so every
 *   list pages with a keyset. An `in` takes at most 100 values (MAX_IN_VALUES).
 * - A filter is an OR of conjunctions; a conjunction maps fields to a value (equality; on an
 *   array field: "contains") or to a range of comparisons. Comparisons never cross types: a
 *   string range never matches null or a number.
 * - `runTransaction(fn)` runs `fn` with single-document operations only (no queries). It sees its
 *   own writes. Two transactions that write one document conflict: the loser's `fn` is run again
 *   from the start (up to `retries` times), then `TransactionConflictError` is thrown. So `fn`
 *   must have no side effect and compute everything from what it reads inside. An error thrown
 *   by `fn` rolls the transaction back and is thrown again as is.
 */

/** The server SDKs return at most this many records per query (issue 13: the real limit, not the default 100). */
export const MAX_QUERY_LIMIT = 1000;

/** The most values one `in` is given. */
export const MAX_IN_VALUES = 100;

export type Scalar = string | number | boolean | null;

/** Comparisons on one field, all of which must hold. */
export interface Range {
  eq?: Scalar;
  ne?: Scalar;
  lt?: string | number;
  lte?: string | number;
  gt?: string | number;
  gte?: string | number;
  in?: Scalar[];
  /** proposal search (issue 17): a string field holding this text (literal, case-insensitive). */
  contains?: string;
}

/** A conjunction: every field must match its value (equality) or its range. */
export type Conjunction = Record<string, Scalar | Range>;

/** A filter: the OR of its conjunctions. `[{}]` matches every document. */
export type Filter = Conjunction[];

export type SortDirection = 'asc' | 'desc';

export interface DocQuery {
  where: Filter;
  orderBy: [field: string, direction: SortDirection][];
  /** 1..MAX_QUERY_LIMIT: there is no query without a limit. */
  limit: number;
}

/** A stored document: JSON with a string `_id`. */
export type Doc = { _id: string } & Record<string, unknown>;
export type DocData = Record<string, unknown>;

const UPDATE_OP = '__docDbUpdateOp';

export type UpdateOp = { [UPDATE_OP]: 'inc'; by: number } | { [UPDATE_OP]: 'remove' };

/** Top-level fields to change: a value replaces the field (objects too); an op changes it. */
export type UpdateSpec = Record<string, unknown>;

export const inc = (by: number): UpdateOp => ({ [UPDATE_OP]: 'inc', by });
export const removeField = (): UpdateOp => ({ [UPDATE_OP]: 'remove' });

export function isUpdateOp(value: unknown): value is UpdateOp {
  return typeof value === 'object' && value !== null && UPDATE_OP in value;
}

export function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Single-document operations inside a transaction. */
export interface DocTransaction {
  get(collection: string, id: string): Promise<Doc | null>;
  /** Creates or replaces the whole document. */
  set(collection: string, id: string, data: DocData): Promise<void>;
  update(collection: string, id: string, update: UpdateSpec): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface DocDb {
  get(collection: string, id: string): Promise<Doc | null>;
  /** Creates or replaces the whole document. */
  set(collection: string, id: string, data: DocData): Promise<void>;
  /** Changes the named fields of an existing document; answers whether there was one. */
  update(collection: string, id: string, update: UpdateSpec): Promise<boolean>;
  remove(collection: string, id: string): Promise<void>;
  /** Creates a document with the given `_id`; throws DuplicateIdError when it is taken. */
  add(collection: string, doc: Doc): Promise<void>;
  query(collection: string, query: DocQuery): Promise<Doc[]>;
  count(collection: string, where: Filter): Promise<number>;
  /** Changes the named fields of every matching document; answers how many. */
  updateWhere(collection: string, where: Filter, update: UpdateSpec): Promise<number>;
  /** Removes every matching document; answers how many. */
  removeWhere(collection: string, where: Filter): Promise<number>;
  runTransaction<T>(work: (tx: DocTransaction) => Promise<T>, options?: { retries?: number }): Promise<T>;
}

/** The engine's code for "two transactions wrote one document" (@cloudbase/database ERRORS). */
export const TRANSACTION_CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

/**
 * Two transactions wrote one document and this one lost. It carries the engine's own code, so
 * that thrown from inside a transaction's callback the SDK's runTransaction retries it as it
 * retries its own conflicts (it compares `error.code`), and the SDK's error as `cause`.
 */
export class TransactionConflictError extends Error {
  readonly code = TRANSACTION_CONFLICT_CODE;

  constructor(message = 'transaction conflict', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransactionConflictError';
  }
}

export class DuplicateIdError extends Error {
  constructor(collection: string, id: string) {
    super(`duplicate _id ${id} in ${collection}`);
    this.name = 'DuplicateIdError';
  }
}

/** A query or operation the engine would refuse (too large a limit, a query in a transaction …). */
export class UnsupportedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedQueryError';
  }
}

/** Checks what every implementation refuses alike, before the engine is asked. */
export function assertQuery(collection: string, query: DocQuery): void {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_QUERY_LIMIT) {
    throw new UnsupportedQueryError(`${collection}: a query needs a limit of 1..${MAX_QUERY_LIMIT}, got ${query.limit}`);
  }
  if (query.where.length === 0) throw new UnsupportedQueryError(`${collection}: an empty OR matches nothing; use [{}] for all`);
}

/**
 * Keyset pagination over a sort order: the conjunctions of `base` restricted to the records after
 * `after` (the values of the sort fields of the last record seen), for an OR-capable engine:
 * (f1 after v1) OR (f1 = v1 AND f2 after v2) OR … Ranges on a field already in `base` are merged.
 */
export function keysetFilter(base: Filter, orderBy: DocQuery['orderBy'], after: Scalar[] | undefined): Filter {
  if (!after) return base;
  if (after.length !== orderBy.length) throw new Error('keyset: one value per sort field');
  const clauses: Filter = [];
  for (const conjunction of base) {
    for (let position = 0; position < orderBy.length; position += 1) {
      let clause: Conjunction = { ...conjunction };
      for (let earlier = 0; earlier < position; earlier += 1) clause = withRange(clause, orderBy[earlier][0], { eq: after[earlier] });
      const [field, direction] = orderBy[position];
      const value = after[position];
      if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`keyset: ${field} must be a string or a number`);
      clause = withRange(clause, field, direction === 'asc' ? { gt: value } : { lt: value });
      clauses.push(clause);
    }
  }
  return clauses;
}

/** The conjunction with `range` added on `field` (both must hold). */
export function withRange(conjunction: Conjunction, field: string, range: Range): Conjunction {
  const existing = conjunction[field];
  const current: Range = existing === undefined ? {} : isRange(existing) ? existing : { eq: existing };
  const merged: Range = { ...current };
  for (const [key, value] of Object.entries(range) as [keyof Range, never][]) {
    if (merged[key] !== undefined && merged[key] !== value) throw new Error(`keyset: two ${key} bounds on ${field}`);
    merged[key] = value;
  }
  // Plain equality stays a plain value (the engine's simplest form).
  const keys = Object.keys(merged);
  return { ...conjunction, [field]: keys.length === 1 && keys[0] === 'eq' ? (merged.eq as Scalar) : merged };
}

/** Reads every record of a query, a page (≤ 1000) at a time, following its keyset. */
export async function queryAll(db: Pick<DocDb, 'query'>, collection: string, where: Filter, orderBy: DocQuery['orderBy']): Promise<Doc[]> {
  const all: Doc[] = [];
  let after: Scalar[] | undefined;
  for (;;) {
    const page = await db.query(collection, { where: keysetFilter(where, orderBy, after), orderBy, limit: MAX_QUERY_LIMIT });
    all.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return all;
    const last = page[page.length - 1];
    after = orderBy.map(([field]) => last[field] as Scalar);
  }
}

/**
 * The same database with every collection name prefixed: a test run on a live environment keeps
 * to its own collections (`contract_proposals` …) and never touches the production ones.
 */
export function withCollectionPrefix(db: DocDb, prefix: string): DocDb {
  if (prefix === '') return db;
  const name = (collection: string) => `${prefix}${collection}`;
  const inTransaction = (tx: DocTransaction): DocTransaction => ({
    get: (collection, id) => tx.get(name(collection), id),
    set: (collection, id, data) => tx.set(name(collection), id, data),
    update: (collection, id, update) => tx.update(name(collection), id, update),
    remove: (collection, id) => tx.remove(name(collection), id),
  });
  return {
    get: (collection, id) => db.get(name(collection), id),
    set: (collection, id, data) => db.set(name(collection), id, data),
    update: (collection, id, update) => db.update(name(collection), id, update),
    remove: (collection, id) => db.remove(name(collection), id),
    add: (collection, doc) => db.add(name(collection), doc),
    query: (collection, query) => db.query(name(collection), query),
    count: (collection, where) => db.count(name(collection), where),
    updateWhere: (collection, where, update) => db.updateWhere(name(collection), where, update),
    removeWhere: (collection, where) => db.removeWhere(name(collection), where),
    runTransaction: (work, options) => db.runTransaction((tx) => work(inTransaction(tx)), options),
  };
}
