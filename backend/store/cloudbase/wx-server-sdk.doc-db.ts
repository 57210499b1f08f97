import { assertQuery, type Doc, type DocData, type DocDb, type DocQuery, type DocTransaction, type Filter, type UpdateSpec } from './doc-db';
import { checked, sdkUpdate, sdkWhere, translateError, type SdkCommandBuilder } from './sdk-commands';

/**
 * DocDb over `wx-server-sdk` (inside a cloud function): `cloud.database()`. The shapes are the
 * SDK's: document writes take `{ data }`; `doc.get()` answers `{ data }` (null when missing, with
 * `throwOnNotFound: false`); queries answer `{ data: [] }`; `count` answers `{ total }`.
 */

interface WxDocumentRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: DocData }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats?: { updated?: number } }>;
  remove(): Promise<unknown>;
}

interface WxQuery {
  where(condition: unknown): WxQuery;
  orderBy(field: string, direction: string): WxQuery;
  limit(max: number): WxQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats?: { updated?: number } }>;
  remove(): Promise<{ stats?: { removed?: number } }>;
}

interface WxCollection extends WxQuery {
  doc(id: string): WxDocumentRef;
  add(options: { data: DocData }): Promise<unknown>;
}

interface WxTransaction {
  collection(name: string): { doc(id: string): WxDocumentRef };
}

export interface WxDatabase {
  command: SdkCommandBuilder;
  RegExp(pattern: { regexp: string; options: string }): unknown;
  collection(name: string): WxCollection;
  runTransaction<T>(callback: (transaction: WxTransaction) => Promise<T>, times?: number): Promise<T>;
}

/** The part of `wx-server-sdk` the shim needs. */
export interface WxCloudDatabaseSource {
  database(config?: Record<string, unknown>): unknown;
}

function asDoc(data: unknown): Doc | null {
  if (Array.isArray(data)) return (data[0] as Doc | undefined) ?? null;
  return (data as Doc | null | undefined) ?? null;
}

async function run<T>(operation: () => Promise<T>, context: { collection?: string; id?: string } = {}): Promise<T> {
  try {
    return checked(await operation());
  } catch (error) {
    throw translateError(error, context);
  }
}

export class WxServerDocDb implements DocDb {
  private readonly db: WxDatabase;

  constructor(cloud: WxCloudDatabaseSource) {
    // A missing document is `{ data: null }`, not an error.
    this.db = cloud.database({ throwOnNotFound: false }) as WxDatabase;
  }

  private get _(): SdkCommandBuilder {
    // proposal search (issue 17): the engine's regular expressions live on the database object.
    return Object.assign(Object.create(this.db.command) as SdkCommandBuilder, { regexp: (pattern: { regexp: string; options: string }) => this.db.RegExp(pattern) });
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    const result = await run(() => this.db.collection(collection).doc(id).get(), { collection, id });
    return asDoc(result.data);
  }

  async set(collection: string, id: string, data: DocData): Promise<void> {
    await run(() => this.db.collection(collection).doc(id).set({ data }), { collection, id });
  }

  async update(collection: string, id: string, update: UpdateSpec): Promise<boolean> {
    const result = await run(() => this.db.collection(collection).doc(id).update({ data: sdkUpdate(update, this._) }), { collection, id });
    return (result.stats?.updated ?? 0) > 0;
  }

  async remove(collection: string, id: string): Promise<void> {
    await run(() => this.db.collection(collection).doc(id).remove(), { collection, id });
  }

  async add(collection: string, doc: Doc): Promise<void> {
    await run(() => this.db.collection(collection).add({ data: doc }), { collection, id: doc._id });
  }

  async query(collection: string, query: DocQuery): Promise<Doc[]> {
    assertQuery(collection, query);
    let chain = this.db.collection(collection).where(sdkWhere(query.where, this._));
    for (const [field, direction] of query.orderBy) chain = chain.orderBy(field, direction);
    const result = await run(() => chain.limit(query.limit).get(), { collection });
    return result.data as Doc[];
  }

  async count(collection: string, where: Filter): Promise<number> {
    const result = await run(() => this.db.collection(collection).where(sdkWhere(where, this._)).count(), { collection });
    return result.total;
  }

  async updateWhere(collection: string, where: Filter, update: UpdateSpec): Promise<number> {
    const result = await run(
      () => this.db.collection(collection).where(sdkWhere(where, this._)).update({ data: sdkUpdate(update, this._) }),
      { collection },
    );
    return result.stats?.updated ?? 0;
  }

  async removeWhere(collection: string, where: Filter): Promise<number> {
    const result = await run(() => this.db.collection(collection).where(sdkWhere(where, this._)).remove(), { collection });
    return result.stats?.removed ?? 0;
  }

  async runTransaction<T>(work: (tx: DocTransaction) => Promise<T>, options: { retries?: number } = {}): Promise<T> {
    const _ = this._;
    try {
      return await this.db.runTransaction(async (transaction) => {
        const doc = (collection: string, id: string) => transaction.collection(collection).doc(id);
        const tx: DocTransaction = {
          get: async (collection, id) => asDoc((await run(() => doc(collection, id).get(), { collection, id })).data),
          set: async (collection, id, data) => {
            await run(() => doc(collection, id).set({ data }), { collection, id });
          },
          update: async (collection, id, update) => {
            await run(() => doc(collection, id).update({ data: sdkUpdate(update, _) }), { collection, id });
          },
          remove: async (collection, id) => {
            await run(() => doc(collection, id).remove(), { collection, id });
          },
        };
        return work(tx);
      }, options.retries ?? 3);
    } catch (error) {
      throw translateError(error);
    }
  }
}
