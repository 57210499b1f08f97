import { Command } from '@cloudbase/database/dist/commonjs/command';
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import { chainOwner } from '../../../backend/store/cloudbase/collections';
import {
  DuplicateIdError,
  inc,
  keysetFilter,
  queryAll,
  removeField,
  TransactionConflictError,
  UnsupportedQueryError,
  type DocDb,
} from '../../../backend/store/cloudbase/doc-db';
import { MemoryDocDb } from '../../../backend/store/cloudbase/memory.doc-db';
import { checked, isConflict, isDuplicateId, sdkUpdate, sdkWhere, translateError, type SdkCommandBuilder } from '../../../backend/store/cloudbase/sdk-commands';
import { filterOfEncoded } from '../../functions/support/wx-server-sdk.stand-in';

// The in-memory DocDb keeps the engine's documented semantics; the contract suite relies on it
// being no kinder than the engine.

const db = () => new MemoryDocDb({ collections: ['things', 'ledgers'] });

describe('the in-memory DocDb', () => {
  it('set replaces the whole document; update changes only the named fields; update of a missing document does nothing', async () => {
    const store = db();
    await store.set('things', 'a', { x: 1, y: { z: 2 } });
    await store.set('things', 'a', { w: 3 });
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', w: 3 });
    expect(await store.update('things', 'a', { count: inc(2), w: removeField(), nested: { k: 1 } })).toBe(true);
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', count: 2, nested: { k: 1 } });
    expect(await store.update('things', 'missing', { count: inc(1) })).toBe(false);
    expect(await store.get('things', 'missing')).toBeNull();
    await expect(store.set('things', 'b', { _id: 'b' })).rejects.toThrow(UnsupportedQueryError);
    await expect(store.update('things', 'a', { 'y.z': 3 })).rejects.toThrow(UnsupportedQueryError);
  });

  it('add creates with the given _id and refuses a taken one; an unknown collection fails as on the engine', async () => {
    const store = db();
    await store.add('things', { _id: 'a', n: 1 });
    await expect(store.add('things', { _id: 'a', n: 2 })).rejects.toThrow(DuplicateIdError);
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', n: 1 });
    await expect(store.get('nothing', 'a')).rejects.toThrow(/does not exist/);
  });

  it('a query needs a limit of 1..1000, like the server SDKs, which never return more than 1000 (issue 13: the real limit)', async () => {
    const store = db();
    for (let n = 0; n < 1130; n += 1) await store.set('things', `t${String(n).padStart(4, '0')}`, { n });
    await expect(store.query('things', { where: [{}], orderBy: [], limit: 1001 })).rejects.toThrow(UnsupportedQueryError);
    await expect(store.query('things', { where: [{}], orderBy: [], limit: 0 })).rejects.toThrow(UnsupportedQueryError);
    expect(await store.query('things', { where: [{}], orderBy: [['n', 'desc']], limit: 1000 })).toHaveLength(1000);
    // queryAll pages with the keyset, 1000 a page: every record once, in two queries.
    const queries: number[] = [];
    const counting = { query: (collection: string, query: Parameters<typeof store.query>[1]) => (queries.push(query.limit), store.query(collection, query)) };
    const all = await queryAll(counting, 'things', [{ n: { gte: 5 } }], [['_id', 'asc']]);
    expect(all.map((doc) => doc.n)).toEqual(Array.from({ length: 1125 }, (_, index) => index + 5));
    expect(queries).toEqual([1000, 1000]);
    expect(await store.count('things', [{ n: { lt: 10 } }, { n: { gte: 1125 } }])).toBe(15);
  });

  it('matches like the engine: ranges never cross types, equality on an array means "contains", null matches a missing field', async () => {
    const store = db();
    await store.set('things', 'a', { on: '2026-08-01', tags: ['x', 'y'], n: 1 });
    await store.set('things', 'b', { on: null, tags: [], n: '1' });
    await store.set('things', 'c', { tags: ['y'] });
    const ids = async (where: Parameters<DocDb['query']>[1]['where']) =>
      (await store.query('things', { where, orderBy: [['_id', 'asc']], limit: 10 })).map((doc) => doc._id);
    expect(await ids([{ on: { lt: '2026-09-01' } }])).toEqual(['a']);
    expect(await ids([{ on: null }])).toEqual(['b', 'c']);
    expect(await ids([{ tags: 'y' }])).toEqual(['a', 'c']);
    expect(await ids([{ n: 1 }])).toEqual(['a']);
    expect(await ids([{ n: { ne: 1 } }])).toEqual(['b', 'c']);
    expect(await ids([{ _id: { in: ['a', 'c', 'z'] } }])).toEqual(['a', 'c']);
    await expect(ids([{ n: { regex: 'x' } as never }])).rejects.toThrow(UnsupportedQueryError);
  });

  it('a transaction sees its own writes and reads a snapshot: another commit meanwhile is not seen', async () => {
    const store = db();
    await store.set('things', 'a', { n: 1 });
    let inside: unknown[] = [];
    await store.runTransaction(async (tx) => {
      await tx.set('things', 'b', { n: 2 });
      await store.set('things', 'a', { n: 100 }); // outside, committed at once
      inside = [await tx.get('things', 'a'), await tx.get('things', 'b')];
    });
    expect(inside).toEqual([{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }]);
    expect(await store.get('things', 'b')).toEqual({ _id: 'b', n: 2 });
  });

  it('two transactions that write one document conflict: the loser runs again from the start and sees the winner', async () => {
    const store = db();
    await store.set('ledgers', 'c:2026', { approved: 0 });
    let runs = 0;
    const add = (amount: number) =>
      store.runTransaction(async (tx) => {
        runs += 1;
        const ledger = await tx.get('ledgers', 'c:2026');
        await tx.set('ledgers', 'c:2026', { approved: (ledger?.approved as number) + amount });
      });
    await Promise.all([add(10), add(20)]);
    expect(await store.get('ledgers', 'c:2026')).toEqual({ _id: 'c:2026', approved: 30 });
    expect(runs).toBeGreaterThan(2);
    expect(store.stats.conflicts).toBeGreaterThan(0);
  });

  it('after its retries the loser fails with TransactionConflictError and writes nothing', async () => {
    const store = new MemoryDocDb({ collections: ['things'], transactionRetries: 0 });
    await store.set('things', 'a', { n: 0 });
    const write = (n: number) =>
      store.runTransaction(async (tx) => {
        await tx.get('things', 'a');
        await tx.set('things', 'b', { by: n });
        await tx.set('things', 'a', { n });
      });
    const outcomes = await Promise.allSettled([write(1), write(2)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(TransactionConflictError);
    const a = await store.get('things', 'a');
    expect(await store.get('things', 'b')).toEqual({ _id: 'b', by: a?.n });
  });

  it('an error thrown inside rolls everything back and is thrown as is; transactions that only read never conflict', async () => {
    const store = db();
    class Refused extends Error {}
    await expect(
      store.runTransaction(async (tx) => {
        await tx.set('things', 'x', { n: 1 });
        throw new Refused('no');
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await store.get('things', 'x')).toBeNull();
    await store.set('things', 'r', { n: 1 });
    const reads = await Promise.all([1, 2, 3].map(() => store.runTransaction(async (tx) => (await tx.get('things', 'r'))?.n)));
    expect(reads).toEqual([1, 1, 1]);
    expect(store.stats.conflicts).toBe(0);
  });

  it('a write outside a transaction waits for the transaction holding the document', async () => {
    const store = db();
    await store.set('things', 'a', { n: 0 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.runTransaction(async (tx) => {
      await tx.set('things', 'a', { n: 1 });
      await held;
    });
    const outside = store.update('things', 'a', { n: inc(10) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await Promise.all([transaction, outside]);
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', n: 11 });
  });
});

describe('keyset pagination and the SDK encoding of our filters', () => {
  const _ = Command as unknown as SdkCommandBuilder;

  it('builds (f1 after v1) OR (f1 = v1 AND f2 after v2) for each base clause, merging ranges on one field', () => {
    expect(keysetFilter([{ c: 'x', on: { lt: '2026-09-01' } }], [['on', 'asc'], ['_id', 'asc']], ['2026-08-10', 'p-2'])).toEqual([
      { c: 'x', on: { lt: '2026-09-01', gt: '2026-08-10' } },
      { c: 'x', on: { lt: '2026-09-01', eq: '2026-08-10' }, _id: { gt: 'p-2' } },
    ]);
    expect(keysetFilter([{ a: 1 }], [['t', 'desc']], undefined)).toEqual([{ a: 1 }]);
  });

  it('encodes with the real @cloudbase/database serializer into the query the engine runs, and reads back the same filter', () => {
    const filter = keysetFilter(
      [
        { proposalId: 'p-1', status: 'published' },
        { proposalId: 'p-1', status: 'pending', authorOpenid: 'o-1' },
      ],
      [['createdAt', 'desc'], ['_id', 'desc']],
      ['2026-08-03T02:00:00.000Z', 'cm-9'],
    );
    const encoded = QuerySerializer.encode(sdkWhere(filter, _) as Record<string, unknown>);
    expect(encoded).toEqual({
      $or: [
        { proposalId: 'p-1', status: 'published', createdAt: { $lt: '2026-08-03T02:00:00.000Z' } },
        { proposalId: 'p-1', status: 'published', createdAt: '2026-08-03T02:00:00.000Z', _id: { $lt: 'cm-9' } },
        { proposalId: 'p-1', status: 'pending', authorOpenid: 'o-1', createdAt: { $lt: '2026-08-03T02:00:00.000Z' } },
        { proposalId: 'p-1', status: 'pending', authorOpenid: 'o-1', createdAt: '2026-08-03T02:00:00.000Z', _id: { $lt: 'cm-9' } },
      ],
    });
    expect(filterOfEncoded(encoded as Record<string, unknown>)).toEqual(filter);
    const range = QuerySerializer.encode(sdkWhere([{ openDeadlineOn: { gt: 'a', lt: 'b' }, state: { ne: 'withdrawn' } }], _) as Record<string, unknown>);
    expect(range).toEqual({ state: { $ne: 'withdrawn' }, $and: [{ openDeadlineOn: { $lt: 'b' } }, { openDeadlineOn: { $gt: 'a' } }] });
  });

  it('encodes updates so that an object value replaces its field instead of merging into it', () => {
    expect(UpdateSerializer.encode(sdkUpdate({ delivered: true, attempts: inc(1), reply: { text: 't' }, gone: removeField(), tags: ['a'] }, _) as Record<string, unknown>)).toEqual({
      $set: { delivered: true, reply: { text: 't' }, tags: ['a'] },
      $inc: { attempts: 1 },
      $unset: { gone: '' },
    });
  });

  it('puts each chain\'s head on its owner: a proposal, a ledger, or a chains document', () => {
    expect(chainOwner('p-123abc')).toEqual({ collection: 'proposals', id: 'p-123abc', mustExist: true });
    expect(chainOwner('ledger:c-tianxin:2026')).toEqual({ collection: 'ledgers', id: 'c-tianxin:2026', mustExist: true });
    expect(chainOwner('policy:d-yantian:2026')).toEqual({ collection: 'chains', id: 'policy:d-yantian:2026', mustExist: false });
    expect(chainOwner('comments:p-1')).toEqual({ collection: 'chains', id: 'comments:p-1', mustExist: false });
  });
});

describe('the engine\'s errors as the shims see them', () => {
  it('issue 13: recognises a transaction conflict by the engine\'s code — the node SDK\'s `code`, or the code wx-server-sdk leaves at the head of its message — never by its words', () => {
    expect(isConflict({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' })).toBe(true);
    expect(isConflict({ errCode: -501001, errMsg: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.' })).toBe(true);
    expect(isConflict({ errCode: -501001, errMsg: 'document.get:fail [ResourceUnavailable.TransactionConflict] Transaction is conflict' })).toBe(true);
    // Words alone are not a code: a message that merely mentions a conflict is not retried.
    expect(isConflict(new Error('WriteConflict'))).toBe(false);
    expect(isConflict({ errCode: -501001, errMsg: 'the write conflict resolver timed out; 事务冲突' })).toBe(false);
    expect(isConflict({ code: 'DATABASE_REQUEST_FAILED', message: 'Transaction is conflict' })).toBe(false);
    expect(isConflict({ errCode: -1, errMsg: 'document.get:fail network error' })).toBe(false);
    expect(isDuplicateId({ errMsg: 'E11000 duplicate key error collection: files' })).toBe(true);
  });

  it('issue 13: a conflict keeps the engine\'s code and the SDK\'s error, so the SDK\'s own runTransaction retries it', () => {
    const sdkError = { errCode: -501001, errMsg: '[ResourceUnavailable.TransactionConflict] Transaction is conflict', requestId: 'r-1' };
    const ours = translateError(sdkError) as TransactionConflictError;
    expect(ours).toBeInstanceOf(TransactionConflictError);
    // @cloudbase/database's runTransaction runs the callback again when error.code is this.
    expect(ours.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(ours.cause).toBe(sdkError);
    // Anything else keeps its own code and fields.
    const other = { code: 'DATABASE_PERMISSION_DENIED', message: 'denied' };
    expect(translateError(other)).toBe(other);
    let thrown: unknown;
    try {
      checked({ code: 'DATABASE_PERMISSION_DENIED', message: 'denied', requestId: 'r-2' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED', requestId: 'r-2', message: expect.stringContaining('denied') });
  });
});
