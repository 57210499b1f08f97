import type { Failure } from '../../domain/result';
import { GENESIS_HASH, hashEntry } from '../audit-chain';
import type { AuditDraft, CommitCode, CommitOutcome, CommitRefusal, OutboxDraft } from '../../app/ports/store.port';
import type { CommunityNoticeDraft } from '../../domain/notifications';
import { auditDocId, chainOwner, COLLECTIONS, communityNoticeDocId, notificationDocId, outboxDocId, type CollectionName } from './collections';
import { TransactionConflictError, type Doc, type DocDb, type DocTransaction } from './doc-db';

/**
 * What every part of the CloudBase store shares: the DocDb, the transaction (run again after a
 * conflict the engine's own retries could not resolve), and the two writes that ride along with
 * every change — its audit entry and its outbox messages. The parts (cloudbase.directory.ts,
 * cloudbase.proposals.ts, …) hold the methods; cloudbase.store.ts puts them together.
 */

export interface CloudBaseStoreOptions {
  db: DocDb;
  /** Runs of a transaction the engine may make after a conflict (its own retries). */
  transactionRetries?: number;
  /** Our retries of a transaction that lost every engine retry, with a growing random pause. */
  maxAttempts?: number;
  /** The first pause between our retries, in ms; doubled each time (at most 1 s). */
  backoffMs?: number;
  /** The wall clock for outbox ordering only (never a record's time). */
  clock?: () => number;
}

/** Thrown inside a transaction to roll it back and answer a refusal. */
export class Rollback extends Error {
  constructor(readonly refusal: CommitRefusal) {
    super(`rollback: ${refusal.code}`);
  }

  /** A domain rule refused the write: roll back and pass the domain's refusal on. */
  static because(failure: Failure, code: CommitCode): Rollback {
    return new Rollback({ ok: false, code, refusal: failure.error });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The documents one transaction reads and writes: each read once, each written once at the end
 * (a `set` of the whole document), so that the work in between is plain computation.
 */
export class Unit {
  private readonly docs = new Map<string, { collection: CollectionName; id: string; doc: Doc | null; dirty: boolean }>();

  constructor(private readonly tx: DocTransaction) {}

  async get(collection: CollectionName, id: string): Promise<Doc | null> {
    const key = `${collection}/${id}`;
    const cached = this.docs.get(key);
    if (cached) return cached.doc;
    const doc = await this.tx.get(collection, id);
    this.docs.set(key, { collection, id, doc, dirty: false });
    return doc;
  }

  /** Replaces (or creates) the whole document at the end of the transaction. */
  put(collection: CollectionName, id: string, doc: Record<string, unknown>): Doc {
    const stored: Doc = { ...doc, _id: id };
    this.docs.set(`${collection}/${id}`, { collection, id, doc: stored, dirty: true });
    return stored;
  }

  async flush(): Promise<void> {
    for (const entry of this.docs.values()) {
      if (!entry.dirty || !entry.doc) continue;
      const { _id: _ignored, ...data } = entry.doc;
      await this.tx.set(entry.collection, entry.id, data);
    }
  }
}

/** What a closed store answers every call with. */
function closedDocDb(): DocDb {
  const closed = async (): Promise<never> => {
    throw new Error('the store is closed');
  };
  return { get: closed, set: closed, update: closed, remove: closed, add: closed, query: closed, count: closed, updateWhere: closed, removeWhere: closed, runTransaction: closed };
}

export class CloudBaseCore {
  private current: DocDb;
  private readonly transactionRetries: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly clock: () => number;
  private lastOutboxSeq = 0;

  constructor(options: CloudBaseStoreOptions) {
    this.current = options.db;
    this.transactionRetries = options.transactionRetries ?? 3;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? 25;
    this.clock = options.clock ?? Date.now;
  }

  /** The DocDb, read at each call: a closed store answers every later call with an error. */
  get db(): DocDb {
    return this.current;
  }

  close(): void {
    // Nothing is held open (each call is a request to the engine), but later calls fail as the port says.
    this.current = closedDocDb();
  }

  /**
   * Runs `work` in one transaction, again after a conflict the engine's own retries could not
   * resolve (with a growing random pause), and answers a Rollback's refusal.
   */
  async transact<T>(work: (unit: Unit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.current.runTransaction(
          async (tx) => {
            const unit = new Unit(tx);
            const value = await work(unit);
            await unit.flush();
            return value;
          },
          { retries: this.transactionRetries },
        );
      } catch (error) {
        if (!(error instanceof TransactionConflictError) || attempt >= this.maxAttempts) throw error;
        await sleep(Math.random() * Math.min(1000, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  /** `transact` for the port's refusable methods: a refusal or a lasting conflict is a value. */
  async atomically<T>(work: (unit: Unit) => Promise<T>): Promise<CommitOutcome<T>> {
    try {
      return { ok: true, value: await this.transact(work) };
    } catch (error) {
      if (error instanceof Rollback) return error.refusal;
      if (error instanceof TransactionConflictError) return { ok: false, code: 'conflict' };
      throw error;
    }
  }

  /** R-SUP-2: appends to the entry's chain, whose head lives on its owner document. */
  async appendAudit(unit: Unit, draft: AuditDraft): Promise<void> {
    const owner = chainOwner(draft.chainId);
    const doc = await unit.get(owner.collection, owner.id);
    if (!doc && owner.mustExist) throw new Error(`audit chain ${draft.chainId}: no ${owner.collection} document ${owner.id}`);
    const seq = ((doc?.auditSeq as number | undefined) ?? 0) + 1;
    const prevHash = (doc?.auditHash as string | undefined) ?? GENESIS_HASH;
    const hash = hashEntry(prevHash, { ...draft, seq });
    const id = auditDocId(draft.chainId, seq);
    // The head says this seq is free; an entry there means the head and the entries disagree.
    if (await unit.get(COLLECTIONS.audit, id)) throw new Error(`audit entry ${id} exists already`);
    unit.put(COLLECTIONS.audit, id, {
      chainId: draft.chainId,
      seq,
      at: draft.at,
      actor: draft.actor,
      action: draft.action,
      from: draft.from,
      to: draft.to,
      detail: draft.detail,
      prevHash,
      hash,
    });
    unit.put(owner.collection, owner.id, { ...(doc ?? { chainId: draft.chainId }), auditSeq: seq, auditHash: hash });
  }

  /** A fresh outbox seq: increasing in this instance, unique across instances by the `_id` check. */
  private nextOutboxSeq(): number {
    this.lastOutboxSeq = Math.max(this.lastOutboxSeq + 1, this.clock() * 1000);
    return this.lastOutboxSeq;
  }

  /**
   * Queues messages in the caller's transaction — and puts each in its recipient's inbox, so that
   * every kind of message, today's and any added later, is an inbox item too (notifications).
   */
  async enqueue(unit: Unit, messages: OutboxDraft[], at: string): Promise<void> {
    for (const message of messages) {
      let seq = this.nextOutboxSeq();
      // Taken by another instance in the same millisecond: take the next one. Two transactions
      // that pick one seq write one document and conflict.
      while (await unit.get(COLLECTIONS.outbox, outboxDocId(seq))) seq = this.nextOutboxSeq();
      unit.put(COLLECTIONS.outbox, outboxDocId(seq), {
        seq,
        recipientOpenid: message.recipientOpenid,
        kind: message.kind,
        payload: message.payload,
        createdAt: at,
        delivered: false,
        deliveredAt: null,
        outcome: null,
        attempts: 0,
      });
      unit.put(COLLECTIONS.notifications, notificationDocId(seq), {
        recipientOpenid: message.recipientOpenid,
        kind: message.kind,
        proposalId: typeof message.payload.proposalId === 'string' ? message.payload.proposalId : null,
        payload: message.payload,
        createdAt: at,
        read: false,
        readAt: null,
      });
    }
  }

  /** Notifications: posts notices to communities in the caller's transaction, once per community, kind and proposal. */
  async post(unit: Unit, notices: CommunityNoticeDraft[] | undefined, at: string): Promise<void> {
    for (const notice of notices ?? []) {
      const id = communityNoticeDocId(notice.communityId, notice.kind, notice.proposalId);
      if (await unit.get(COLLECTIONS.communityNotices, id)) continue;
      unit.put(COLLECTIONS.communityNotices, id, { ...notice, createdAt: at });
    }
  }
}
