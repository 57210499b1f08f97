import {
  assertQuery,
  DuplicateIdError,
  TransactionConflictError,
  UnsupportedQueryError,
  type Doc,
  type DocData,
  type DocDb,
  type DocQuery,
  type DocTransaction,
  type Filter,
  type UpdateSpec,
} from './doc-db';
import { applyUpdate, clone, compareValues, documentOf, matchesFilter, valueAt } from './memory.matching';

/**
 * An in-memory DocDb with the engine's documented semantics, for tests (and for the cloud
 * function stand-in): snapshot reads, eager write-write conflicts between transactions (the
 * second writer of a document loses at once, like the engine's WriteConflict), the loser's work
 * run again up to `retries` times, `set` replacing the whole document, queries limited to 1000
 * records and to the operators the engine has. Every operation yields to the event loop first,
 * so that operations started together really interleave.
 */

interface Version {
  ts: number;
  doc: Doc | null;
}

export interface MemoryDocDbOptions {
  /** The collections that exist; any other name fails as on the engine. */
  collections: readonly string[];
  /** How often a transaction's work is run again after a conflict (the SDK's default is 3). */
  transactionRetries?: number;
}

export interface MemoryDocDbStats {
  transactions: number;
  commits: number;
  conflicts: number;
}

class WriteConflict extends Error {
  /** The engine's code, as @cloudbase/database gives it: the shims recognise a conflict by it. */
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';

  constructor(key: string) {
    super(`write conflict on ${key.replace('\u0000', '/')}`);
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

// ---------------------------------------------------------------------------------------------

class MemoryTransaction implements DocTransaction {
  readonly writes = new Map<string, Doc | null>();
  aborted = false;

  constructor(
    private readonly db: MemoryDocDb,
    readonly id: number,
    readonly startTs: number,
  ) {}

  async get(collection: string, id: string): Promise<Doc | null> {
    await tick();
    this.ensureActive();
    const key = this.db.keyIn(collection, id);
    if (this.writes.has(key)) return clone(this.writes.get(key) ?? null);
    return clone(this.db.versionAt(key, this.startTs));
  }

  async set(collection: string, id: string, data: DocData): Promise<void> {
    await tick();
    this.write(this.db.keyIn(collection, id), documentOf(id, data));
  }

  async update(collection: string, id: string, update: UpdateSpec): Promise<void> {
    await tick();
    this.ensureActive();
    const key = this.db.keyIn(collection, id);
    const current = this.writes.has(key) ? (this.writes.get(key) ?? null) : this.db.versionAt(key, this.startTs);
    // An update that matches no document writes nothing (and so conflicts with nothing).
    if (!current) return;
    this.write(key, applyUpdate(current, update));
  }

  async remove(collection: string, id: string): Promise<void> {
    await tick();
    this.write(this.db.keyIn(collection, id), null);
  }

  private ensureActive(): void {
    if (this.aborted) throw new WriteConflict('an aborted transaction');
  }

  private write(key: string, doc: Doc | null): void {
    this.ensureActive();
    this.db.claim(this, key);
    this.writes.set(key, doc);
  }
}

export class MemoryDocDb implements DocDb {
  private readonly versions = new Map<string, Version[]>();
  private readonly collections: Set<string>;
  private readonly locks = new Map<string, number>();
  private clock = 0;
  private transactionCount = 0;
  private readonly retries: number;
  readonly stats: MemoryDocDbStats = { transactions: 0, commits: 0, conflicts: 0 };

  constructor(options: MemoryDocDbOptions) {
    this.collections = new Set(options.collections);
    this.retries = options.transactionRetries ?? 3;
  }

  /** The key of a document of an existing collection. */
  keyIn(collection: string, id: string): string {
    if (!this.collections.has(collection)) throw new Error(`collection ${collection} does not exist`);
    if (typeof id !== 'string' || id.length === 0) throw new UnsupportedQueryError('a document id is a non-empty string');
    return keyOf(collection, id);
  }

  /** The document as of `ts` (the newest version committed at or before it). */
  versionAt(key: string, ts: number): Doc | null {
    const history = this.versions.get(key);
    if (!history) return null;
    for (let index = history.length - 1; index >= 0; index -= 1) {
      if (history[index].ts <= ts) return history[index].doc;
    }
    return null;
  }

  private latest(key: string): Version | undefined {
    const history = this.versions.get(key);
    return history?.[history.length - 1];
  }

  /** A transaction's claim to write a document: refused when another one wrote it first. */
  claim(tx: MemoryTransaction, key: string): void {
    const holder = this.locks.get(key);
    const latest = this.latest(key);
    if ((holder !== undefined && holder !== tx.id) || (latest !== undefined && latest.ts > tx.startTs)) {
      this.abort(tx);
      throw new WriteConflict(key);
    }
    this.locks.set(key, tx.id);
  }

  private abort(tx: MemoryTransaction): void {
    tx.aborted = true;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    for (const [key, holder] of this.locks) if (holder === tx.id) this.locks.delete(key);
  }

  private commit(tx: MemoryTransaction): void {
    const ts = ++this.clock;
    for (const [key, doc] of tx.writes) this.push(key, ts, doc);
    for (const [key, holder] of this.locks) if (holder === tx.id) this.locks.delete(key);
    this.stats.commits += 1;
  }

  private push(key: string, ts: number, doc: Doc | null): void {
    const history = this.versions.get(key) ?? [];
    history.push({ ts, doc: doc === null ? null : clone(doc) });
    this.versions.set(key, history);
  }

  /** A write outside a transaction waits for a transaction holding the document, then lands. */
  private async writeNow(key: string, next: (current: Doc | null) => Doc | null | undefined): Promise<boolean> {
    for (let waited = 0; this.locks.has(key); waited += 1) {
      if (waited > 100_000) throw new Error(`gave up waiting for ${key}`);
      await tick();
    }
    const doc = next(this.latest(key)?.doc ?? null);
    if (doc === undefined) return false;
    this.push(key, ++this.clock, doc);
    return true;
  }

  private current(collection: string): Doc[] {
    if (!this.collections.has(collection)) throw new Error(`collection ${collection} does not exist`);
    const prefix = keyOf(collection, '');
    const docs: Doc[] = [];
    for (const [key, history] of this.versions) {
      if (!key.startsWith(prefix)) continue;
      const doc = history[history.length - 1].doc;
      if (doc) docs.push(doc);
    }
    return docs;
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    await tick();
    return clone(this.latest(this.keyIn(collection, id))?.doc ?? null);
  }

  async set(collection: string, id: string, data: DocData): Promise<void> {
    await tick();
    const doc = documentOf(id, data);
    await this.writeNow(this.keyIn(collection, id), () => doc);
  }

  async update(collection: string, id: string, update: UpdateSpec): Promise<boolean> {
    await tick();
    return this.writeNow(this.keyIn(collection, id), (current) => (current ? applyUpdate(current, update) : undefined));
  }

  async remove(collection: string, id: string): Promise<void> {
    await tick();
    await this.writeNow(this.keyIn(collection, id), (current) => (current ? null : undefined));
  }

  async add(collection: string, doc: Doc): Promise<void> {
    await tick();
    const { _id: id, ...data } = doc;
    const created = documentOf(id, data);
    await this.writeNow(this.keyIn(collection, id), (current) => {
      if (current) throw new DuplicateIdError(collection, id);
      return created;
    });
  }

  async query(collection: string, query: DocQuery): Promise<Doc[]> {
    await tick();
    assertQuery(collection, query);
    const matching = this.current(collection).filter((doc) => matchesFilter(doc, query.where));
    matching.sort((a, b) => {
      for (const [field, direction] of query.orderBy) {
        const order = compareValues(valueAt(a, field), valueAt(b, field));
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return 0;
    });
    return clone(matching.slice(0, query.limit));
  }

  async count(collection: string, where: Filter): Promise<number> {
    await tick();
    return this.current(collection).filter((doc) => matchesFilter(doc, where)).length;
  }

  async updateWhere(collection: string, where: Filter, update: UpdateSpec): Promise<number> {
    await tick();
    let updated = 0;
    for (const doc of this.current(collection).filter((candidate) => matchesFilter(candidate, where))) {
      const changed = await this.writeNow(this.keyIn(collection, doc._id), (current) =>
        current && matchesFilter(current, where) ? applyUpdate(current, update) : undefined,
      );
      if (changed) updated += 1;
    }
    return updated;
  }

  async removeWhere(collection: string, where: Filter): Promise<number> {
    await tick();
    let removed = 0;
    for (const doc of this.current(collection).filter((candidate) => matchesFilter(candidate, where))) {
      const changed = await this.writeNow(this.keyIn(collection, doc._id), (current) => (current && matchesFilter(current, where) ? null : undefined));
      if (changed) removed += 1;
    }
    return removed;
  }

  async runTransaction<T>(work: (tx: DocTransaction) => Promise<T>, options: { retries?: number } = {}): Promise<T> {
    const retries = options.retries ?? this.retries;
    for (let attempt = 0; ; attempt += 1) {
      this.stats.transactions += 1;
      const tx = new MemoryTransaction(this, ++this.transactionCount, this.clock);
      try {
        const result = await work(tx);
        if (tx.aborted) throw new WriteConflict('an aborted transaction');
        this.commit(tx);
        return result;
      } catch (error) {
        const conflicted = tx.aborted || error instanceof WriteConflict;
        this.abort(tx);
        if (!conflicted) throw error;
        this.stats.conflicts += 1;
        if (attempt >= retries) throw new TransactionConflictError(`transaction lost ${attempt + 1} times: ${(error as Error).message}`);
      }
    }
  }

  /** Every document of a collection, for tests that look behind the store. */
  dump(collection: string): Doc[] {
    return clone(this.current(collection)).sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
}
