import { assertQuery, type Doc, type DocData, type DocDb, type DocQuery, type DocTransaction, type Filter, type UpdateSpec } from './doc-db';
import { checked, sdkUpdate, sdkWhere, translateError, type SdkCommandBuilder } from './sdk-commands';

/**
 * DocDb over `@cloudbase/node-sdk` (outside cloud functions, with credentials):
 * `tcb.init({ env, secretId, secretKey }).database()`. The shapes are the SDK's (@cloudbase/database):
 * document writes take the data itself; `doc.get()` answers `{ data: [doc] }` outside a
 * transaction and `{ data: doc | null }` inside one; an engine error may come back as a result
 * `{ code, message }` instead of a rejection, so every result is checked.
 */

interface NodeDocumentRef {
  get(): Promise<{ data?: unknown; code?: string }>;
  set(data: DocData): Promise<unknown>;
  update(data: Record<string, unknown>): Promise<{ updated?: number; code?: string }>;
  remove(): Promise<unknown>;
}

interface NodeQuery {
  where(condition: unknown): NodeQuery;
  orderBy(field: string, direction: string): NodeQuery;
  limit(max: number): NodeQuery;
  get(): Promise<{ data?: unknown[]; code?: string }>;
  count(): Promise<{ total?: number; code?: string }>;
  update(data: Record<string, unknown>): Promise<{ updated?: number; code?: string }>;
  remove(): Promise<{ deleted?: number; code?: string }>;
}

interface NodeCollection extends NodeQuery {
  doc(id: string): NodeDocumentRef;
  add(data: DocData): Promise<unknown>;
}

export interface NodeSdkDatabase {
  command: SdkCommandBuilder;
  RegExp(pattern: { regexp: string; options: string }): unknown;
  collection(name: string): NodeCollection;
  createCollection(name: string): Promise<unknown>;
  runTransaction<T>(callback: (transaction: { collection(name: string): { doc(id: string): NodeDocumentRef } }) => Promise<T>, times?: number): Promise<T>;
}

/** The part of `@cloudbase/node-sdk` the shim needs: `init(config).database()`. */
export interface NodeSdkModule {
  init(config: { env: string; secretId: string; secretKey: string }): { database(): unknown };
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

export class NodeSdkDocDb implements DocDb {
  constructor(private readonly db: NodeSdkDatabase) {}

  /** `tcb.init({ env, secretId, secretKey }).database()` with the SDK module given. */
  static connect(sdk: NodeSdkModule, credentials: { env: string; secretId: string; secretKey: string }): NodeSdkDocDb {
    return new NodeSdkDocDb(sdk.init(credentials).database() as NodeSdkDatabase);
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
    await run(() => this.db.collection(collection).doc(id).set(data), { collection, id });
  }

  async update(collection: string, id: string, update: UpdateSpec): Promise<boolean> {
    const result = await run(() => this.db.collection(collection).doc(id).update(sdkUpdate(update, this._)), { collection, id });
    return (result.updated ?? 0) > 0;
  }

  async remove(collection: string, id: string): Promise<void> {
    await run(() => this.db.collection(collection).doc(id).remove(), { collection, id });
  }

  async add(collection: string, doc: Doc): Promise<void> {
    await run(() => this.db.collection(collection).add(doc), { collection, id: doc._id });
  }

  async query(collection: string, query: DocQuery): Promise<Doc[]> {
    assertQuery(collection, query);
    let chain = this.db.collection(collection).where(sdkWhere(query.where, this._));
    for (const [field, direction] of query.orderBy) chain = chain.orderBy(field, direction);
    const result = await run(() => chain.limit(query.limit).get(), { collection });
    return (result.data ?? []) as Doc[];
  }

  async count(collection: string, where: Filter): Promise<number> {
    const result = await run(() => this.db.collection(collection).where(sdkWhere(where, this._)).count(), { collection });
    return result.total ?? 0;
  }

  async updateWhere(collection: string, where: Filter, update: UpdateSpec): Promise<number> {
    const result = await run(() => this.db.collection(collection).where(sdkWhere(where, this._)).update(sdkUpdate(update, this._)), { collection });
    return result.updated ?? 0;
  }

  async removeWhere(collection: string, where: Filter): Promise<number> {
    const result = await run(() => this.db.collection(collection).where(sdkWhere(where, this._)).remove(), { collection });
    return result.deleted ?? 0;
  }

  async runTransaction<T>(work: (tx: DocTransaction) => Promise<T>, options: { retries?: number } = {}): Promise<T> {
    const _ = this._;
    try {
      return await this.db.runTransaction(async (transaction) => {
        const doc = (collection: string, id: string) => transaction.collection(collection).doc(id);
        const tx: DocTransaction = {
          get: async (collection, id) => asDoc((await run(() => doc(collection, id).get(), { collection, id })).data),
          set: async (collection, id, data) => {
            await run(() => doc(collection, id).set(data), { collection, id });
          },
          update: async (collection, id, update) => {
            await run(() => doc(collection, id).update(sdkUpdate(update, _)), { collection, id });
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

  /** Creates the collections that do not exist yet (a live test environment, a first deployment). */
  async ensureCollections(names: string[]): Promise<void> {
    for (const name of names) {
      try {
        checked(await this.db.createCollection(name));
      } catch (error) {
        if (!/exist/i.test(String((error as { message?: string })?.message ?? error))) throw error;
      }
    }
  }

  /** Removes every document of a collection (test environments only). */
  async clearCollection(name: string): Promise<number> {
    const _ = this._;
    const result = await run(() => this.db.collection(name).where({ _id: (_ as unknown as { exists(flag: boolean): unknown }).exists(true) }).remove(), {
      collection: name,
    });
    return result.deleted ?? 0;
  }
}
