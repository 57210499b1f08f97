import { Command } from '@cloudbase/database/dist/commonjs/command';
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import { RegExpConstructor } from '@cloudbase/database/dist/commonjs/regexp';
import { collectionNames } from '../../../backend/store/cloudbase/collections';
import {
  inc,
  isRange,
  removeField,
  UnsupportedQueryError,
  withRange,
  type Conjunction,
  type Doc,
  type DocTransaction,
  type Filter,
  type Range,
  type Scalar,
  type UpdateSpec,
} from '../../../backend/store/cloudbase/doc-db';
import { MemoryDocDb } from '../../../backend/store/cloudbase/memory.doc-db';
import type { MsgSecCheckAnswer, MsgSecCheckRequest, SubscribeMessageRequest, WxContext } from '../../../backend/wechat/wx-cloud';

/**
 * A stand-in for `wx-server-sdk` in tests: the same module shape (init, getWXContext, database,
 * openapi), its database answering in the SDK's shapes from the in-memory DocDb. Conditions and
 * updates built with the real `@cloudbase/database` command builder are encoded by its real
 * serializers — exactly what the SDK would send — and read back from that encoding, so a shim
 * that builds what the engine would misread fails here too. The caller (OPENID) is set per call
 * by the test; the openapi calls answer what the test decides and are recorded.
 */

// ---------------------------------------------------------------------------------------------
// The engine's encoding (MongoDB-style) read back as our filters and updates.

type Mongo = Record<string, unknown>;

function merge(a: Conjunction, b: Conjunction): Conjunction {
  let merged = { ...a };
  for (const [field, condition] of Object.entries(b)) {
    if (!(field in merged)) merged[field] = condition;
    else merged = withRange(merged, field, isRange(condition) ? condition : { eq: condition as Scalar });
  }
  return merged;
}

const product = (left: Filter, right: Filter): Filter => left.flatMap((a) => right.map((b) => merge(a, b)));

const OPERATORS: Record<string, keyof Range> = { $eq: 'eq', $ne: 'ne', $lt: 'lt', $lte: 'lte', $gt: 'gt', $gte: 'gte', $in: 'in' };

function fieldCondition(field: string, value: unknown): Scalar | Range {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Scalar;
  if (typeof value !== 'object' || Array.isArray(value)) throw new UnsupportedQueryError(`${field}: unsupported condition ${JSON.stringify(value)}`);
  // proposal search (issue 17): a case-insensitive regular expression over an escaped literal.
  const regex = (value as Mongo).$regularExpression as { pattern: string; options: string } | undefined;
  if (regex) {
    if (regex.options !== 'i') throw new UnsupportedQueryError(`${field}: only case-insensitive literals are read back`);
    return { contains: regex.pattern.replace(/\\(.)/g, '$1') };
  }
  const range: Range = {};
  for (const [operator, operand] of Object.entries(value as Mongo)) {
    const key = OPERATORS[operator];
    if (!key) throw new UnsupportedQueryError(`${field}: unsupported operator ${operator}`);
    (range as Record<string, unknown>)[key] = operand;
  }
  return range;
}

export function filterOfEncoded(query: Mongo): Filter {
  let result: Filter = [{}];
  for (const [key, value] of Object.entries(query)) {
    let part: Filter;
    if (key === '$and') part = (value as Mongo[]).reduce<Filter>((acc, branch) => product(acc, filterOfEncoded(branch)), [{}]);
    else if (key === '$or') part = (value as Mongo[]).flatMap((branch) => filterOfEncoded(branch));
    else if (key.startsWith('$')) throw new UnsupportedQueryError(`unsupported operator ${key}`);
    else part = [{ [key]: fieldCondition(key, value) }];
    result = product(result, part);
  }
  return result;
}

export function updateOfEncoded(encoded: Mongo): UpdateSpec {
  const update: UpdateSpec = {};
  for (const [operator, fields] of Object.entries(encoded)) {
    for (const [field, value] of Object.entries(fields as Mongo)) {
      if (operator === '$set') update[field] = value;
      else if (operator === '$inc') update[field] = inc(value as number);
      else if (operator === '$unset') update[field] = removeField();
      else throw new UnsupportedQueryError(`unsupported update operator ${operator}`);
    }
  }
  return update;
}

const encodeWhere = (condition: unknown) => filterOfEncoded(QuerySerializer.encode(condition as Mongo) as Mongo);
const encodeUpdate = (data: unknown) => updateOfEncoded(UpdateSerializer.encode(data as Mongo) as Mongo);

function hasCommand(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value.constructor && value.constructor !== Object && !Array.isArray(value)) return true;
  return Object.values(value as Mongo).some(hasCommand);
}

// ---------------------------------------------------------------------------------------------
// The database in the SDK's shapes.

interface DatabaseConfig {
  throwOnNotFound?: boolean;
}

function documentRef(
  ops: Pick<DocTransaction, 'get' | 'set' | 'remove'> & { update(collection: string, id: string, update: UpdateSpec): Promise<unknown> },
  collection: string,
  id: string,
  config: DatabaseConfig,
) {
  return {
    async get() {
      const data = await ops.get(collection, id);
      if (!data && config.throwOnNotFound !== false) throw new Error(`document.get:fail document with _id ${id} does not exist`);
      return { data, errMsg: 'document.get:ok' };
    },
    async set(options: { data: Record<string, unknown> }) {
      if (hasCommand(options.data)) throw new Error('document.set:fail update operator complicit');
      await ops.set(collection, id, options.data);
      return { _id: id, errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } };
    },
    async update(options: { data: Record<string, unknown> }) {
      const updated = await ops.update(collection, id, encodeUpdate(options.data));
      return { errMsg: 'document.update:ok', stats: { updated: updated === false ? 0 : 1 } };
    },
    async remove() {
      await ops.remove(collection, id);
      return { errMsg: 'document.remove:ok', stats: { removed: 1 } };
    },
  };
}

class StandInQuery {
  constructor(
    protected readonly memory: MemoryDocDb,
    protected readonly name: string,
    private readonly filter: Filter = [{}],
    private readonly order: [string, 'asc' | 'desc'][] = [],
    private readonly max?: number,
  ) {}

  where(condition: unknown) {
    return new StandInQuery(this.memory, this.name, encodeWhere(condition), this.order, this.max);
  }

  orderBy(field: string, direction: 'asc' | 'desc') {
    return new StandInQuery(this.memory, this.name, this.filter, [...this.order, [field, direction]], this.max);
  }

  limit(max: number) {
    return new StandInQuery(this.memory, this.name, this.filter, this.order, max);
  }

  async get() {
    // Our code always names its limit; the engine would silently stop at 100 without one.
    if (this.max === undefined) throw new UnsupportedQueryError(`${this.name}: a query without limit()`);
    return { data: await this.memory.query(this.name, { where: this.filter, orderBy: this.order, limit: this.max }), errMsg: 'collection.get:ok' };
  }

  async count() {
    return { total: await this.memory.count(this.name, this.filter), errMsg: 'collection.count:ok' };
  }

  async update(options: { data: Record<string, unknown> }) {
    return { stats: { updated: await this.memory.updateWhere(this.name, this.filter, encodeUpdate(options.data)) }, errMsg: 'collection.update:ok' };
  }

  async remove() {
    return { stats: { removed: await this.memory.removeWhere(this.name, this.filter) }, errMsg: 'collection.remove:ok' };
  }
}

class StandInCollection extends StandInQuery {
  constructor(
    memory: MemoryDocDb,
    name: string,
    private readonly config: DatabaseConfig,
  ) {
    super(memory, name);
  }

  doc(id: string) {
    return documentRef(this.memory, this.name, id, this.config);
  }

  async add(options: { data: Doc }) {
    await this.memory.add(this.name, options.data);
    return { _id: options.data._id, errMsg: 'collection.add:ok' };
  }
}

function standInDatabase(memory: MemoryDocDb, config: DatabaseConfig) {
  return {
    command: Command,
    RegExp: RegExpConstructor,
    collection: (name: string) => new StandInCollection(memory, name, config),
    runTransaction<T>(callback: (transaction: unknown) => Promise<T>, times = 3): Promise<T> {
      return memory.runTransaction(
        (tx) => callback({ collection: (name: string) => ({ doc: (id: string) => documentRef(tx, name, id, config) }) }),
        { retries: times },
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type ContentAnswer = MsgSecCheckAnswer | Error | 'hang';

export interface WxServerSdkStandIn {
  /** What `require('wx-server-sdk')` gives the bundle. */
  module: Record<string, unknown>;
  memory: MemoryDocDb;
  env: string;
  /** The caller of the next calls (null: no OPENID, as for a timer). */
  as(openid: string | null): void;
  /** How msgSecCheck answers a text (default: pass). */
  contentCheck: (request: MsgSecCheckRequest) => ContentAnswer;
  checked: MsgSecCheckRequest[];
  /** openids whose grant is refused (43101). */
  refusing: Set<string>;
  /** Every send asked for, delivered or not. */
  attempted: SubscribeMessageRequest[];
  /** The sends WeChat accepted. */
  sent: SubscribeMessageRequest[];
  inits: unknown[];
  // Issue 13: cloud storage and WeChat's image check.
  /** The files of cloud storage by file id (what the mini-program uploaded). */
  storage: Map<string, Buffer>;
  /** How imgSecCheck answers an image (default: pass). */
  imageCheck: (bytes: Buffer) => { errCode: number } | Error;
  /** The images imgSecCheck was asked about. */
  imagesChecked: Buffer[];
  /** The file ids deleteFile was asked to remove. */
  deleted: string[];
  /** Issue 16: files the function put in cloud storage (exports), by fileID. */
  uploaded: Map<string, Buffer>;
}

export const STAND_IN_ENV = 'weishishi-test-7g2k';

export function createWxServerSdkStandIn(options: { memory?: MemoryDocDb } = {}): WxServerSdkStandIn {
  const memory = options.memory ?? new MemoryDocDb({ collections: collectionNames() });
  let openid: string | null = null;
  const standIn: WxServerSdkStandIn = {
    module: {},
    memory,
    env: STAND_IN_ENV,
    as(next) {
      openid = next;
    },
    contentCheck: () => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } }),
    checked: [],
    refusing: new Set(),
    attempted: [],
    sent: [],
    inits: [],
    storage: new Map(),
    imageCheck: () => ({ errCode: 0 }),
    imagesChecked: [],
    deleted: [],
    uploaded: new Map(),
  };
  standIn.module = {
    DYNAMIC_CURRENT_ENV: Symbol.for('SYMBOL_CURRENT_ENV'),
    init(config: unknown) {
      standIn.inits.push(config);
    },
    getWXContext(): WxContext {
      return openid ? { OPENID: openid, APPID: 'wx-test-app', ENV: STAND_IN_ENV } : { ENV: STAND_IN_ENV };
    },
    database(config: DatabaseConfig = {}) {
      return standInDatabase(memory, config);
    },
    async downloadFile(options: { fileID: string }) {
      const bytes = standIn.storage.get(options.fileID);
      if (!bytes) throw Object.assign(new Error('cloud.downloadFile:fail storage file not exists'), { errCode: -503003 });
      return { fileContent: Buffer.from(bytes), statusCode: 200, errMsg: 'downloadFile:ok' };
    },
    async deleteFile(options: { fileList: string[] }) {
      standIn.deleted.push(...options.fileList);
      return {
        fileList: options.fileList.map((fileID) => ({ fileID, status: standIn.storage.delete(fileID) ? 0 : -503003, errMsg: 'ok' })),
        errMsg: 'deleteFile:ok',
      };
    },
    // Issue 16: cloud storage as the exports use it.
    async uploadFile(request: { cloudPath: string; fileContent: Buffer }) {
      const fileID = `cloud://${STAND_IN_ENV}.7765-weishishi/${request.cloudPath}`;
      standIn.uploaded.set(fileID, request.fileContent);
      return { fileID, statusCode: 204, errMsg: 'uploadFile:ok' };
    },
    async getTempFileURL(request: { fileList: string[] }) {
      return {
        fileList: request.fileList.map((fileID) => ({
          fileID,
          status: standIn.uploaded.has(fileID) ? 0 : -1,
          tempFileURL: standIn.uploaded.has(fileID) ? `https://7765-weishishi.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?sign=test` : '',
          errMsg: standIn.uploaded.has(fileID) ? 'ok' : 'file not found',
        })),
      };
    },
    openapi: {
      security: {
        async imgSecCheck(request: { media: { contentType: string; value: Buffer } }) {
          standIn.imagesChecked.push(request.media.value);
          const answer = standIn.imageCheck(request.media.value);
          if (answer instanceof Error) throw answer;
          if (answer.errCode !== 0) throw Object.assign(new Error(`openapi.security.imgSecCheck:fail ${answer.errCode}`), answer);
          return { errCode: 0, errMsg: 'openapi.security.imgSecCheck:ok' };
        },
        async msgSecCheck(request: MsgSecCheckRequest) {
          standIn.checked.push(request);
          const answer = standIn.contentCheck(request);
          if (answer === 'hang') return new Promise(() => undefined);
          if (answer instanceof Error) throw answer;
          return answer;
        },
      },
      subscribeMessage: {
        async send(request: SubscribeMessageRequest) {
          standIn.attempted.push(request);
          if (standIn.refusing.has(request.touser)) {
            throw Object.assign(new Error('openapi.subscribeMessage.send:fail user refuse to accept the msg'), { errCode: 43101 });
          }
          standIn.sent.push(request);
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
    },
  };
  return standIn;
}
