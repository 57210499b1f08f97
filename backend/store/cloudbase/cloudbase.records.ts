import type { LibraryEntry } from '../../../types/api';
import type { AuditDraft, AuditEntry, Cursor, DeliveryOutcome, FileRecord, OutboxMessage, Slice } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { auditEntryOf, libraryEntryOf, newestFirstPage, outboxMessageOf } from './cloudbase.documents';
import { COLLECTIONS, outboxDocId } from './collections';
import { keysetFilter, MAX_IN_VALUES, MAX_QUERY_LIMIT, queryAll, type DocQuery, type Scalar } from './doc-db';

const OLDEST_FIRST: DocQuery['orderBy'] = [['seq', 'asc']];

/** The project library (R-SUP-3), uploaded files, the audit trail (R-SUP-2) and the outbox. */
export function cloudBaseRecords(core: CloudBaseCore) {
  return {
    async listLibrary(after: Cursor | undefined, limit: number, scopeIds?: readonly string[]): Promise<Slice<LibraryEntry>> {
      // R-SUP-3: the entries of the units usable here (none given: all).
      const where = scopeIds ? [{ scopeId: { in: [...scopeIds] } }] : [{}];
      const page = await newestFirstPage(core.db, COLLECTIONS.library, where, after, limit);
      return { items: page.items.map(libraryEntryOf), more: page.more };
    },

    async findLibraryEntry(id: string): Promise<LibraryEntry | null> {
      const doc = await core.db.get(COLLECTIONS.library, id);
      return doc ? libraryEntryOf(doc) : null;
    },

    async addLibraryEntry(input: { entry: LibraryEntry; scopeId: string; createdBy: string; audit: AuditDraft }): Promise<LibraryEntry> {
      const { entry } = input;
      return core.transact(async (unit) => {
        if (await unit.get(COLLECTIONS.library, entry.id)) throw new Error(`library entry ${entry.id} exists already`);
        const doc = unit.put(COLLECTIONS.library, entry.id, {
          title: entry.title,
          category: entry.category,
          plan: entry.plan,
          budgetLines: entry.budgetLines,
          scopeId: input.scopeId,
          createdBy: input.createdBy,
          createdAt: entry.createdAt,
        });
        await core.appendAudit(unit, input.audit);
        return libraryEntryOf(doc);
      });
    },

    async auditTrail(chainId: string): Promise<AuditEntry[]> {
      const docs = await queryAll(core.db, COLLECTIONS.audit, [{ chainId }], [['seq', 'asc']]);
      return docs.map(auditEntryOf);
    },

    async takeUndelivered(limit: number): Promise<OutboxMessage[]> {
      const messages: OutboxMessage[] = [];
      let after: Scalar[] | undefined;
      while (messages.length < limit) {
        const size = Math.min(MAX_QUERY_LIMIT, limit - messages.length);
        const docs = await core.db.query(COLLECTIONS.outbox, { where: keysetFilter([{ delivered: false }], OLDEST_FIRST, after), orderBy: OLDEST_FIRST, limit: size });
        messages.push(...docs.map(outboxMessageOf));
        if (docs.length < size) break;
        after = [docs[docs.length - 1].seq as number];
      }
      return messages;
    },

    async claimOutbox(input: { claimant: string; now: string; leaseUntil: string; limit: number }): Promise<OutboxMessage[]> {
      const claimed: OutboxMessage[] = [];
      let after: Scalar[] | undefined;
      while (claimed.length < input.limit) {
        // Candidates outside a transaction (a transaction cannot query); each is claimed in its own.
        const docs = await core.db.query(COLLECTIONS.outbox, { where: keysetFilter([{ delivered: false }], OLDEST_FIRST, after), orderBy: OLDEST_FIRST, limit: MAX_QUERY_LIMIT });
        for (const candidate of docs) {
          if (claimed.length >= input.limit) break;
          const taken = await core.transact(async (unit) => {
            const doc = await unit.get(COLLECTIONS.outbox, candidate._id);
            // Delivered meanwhile, or leased by another run whose lease still holds: not ours.
            if (!doc || doc.delivered || ((doc.claimedUntil as string | null | undefined) ?? '') > input.now) return null;
            return unit.put(COLLECTIONS.outbox, doc._id, { ...doc, claimedBy: input.claimant, claimedUntil: input.leaseUntil });
          });
          if (taken) claimed.push(outboxMessageOf(taken));
        }
        if (docs.length < MAX_QUERY_LIMIT) break;
        after = [docs[docs.length - 1].seq as number];
      }
      return claimed;
    },

    async settleOutbox(input: { ids: number[]; at: string; outcome: DeliveryOutcome; detail?: string }): Promise<void> {
      for (let start = 0; start < input.ids.length; start += MAX_IN_VALUES) {
        const chunk = input.ids.slice(start, start + MAX_IN_VALUES).map(outboxDocId);
        await core.db.updateWhere(
          COLLECTIONS.outbox,
          [{ _id: { in: chunk }, delivered: false }],
          { delivered: true, deliveredAt: input.at, outcome: input.outcome, ...(input.detail === undefined ? {} : { outcomeDetail: input.detail }) },
        );
      }
    },

    async noteDeliveryFailure(input: { id: number; at: string; detail: string; maxAttempts: number }): Promise<boolean> {
      return core.transact(async (unit) => {
        const doc = await unit.get(COLLECTIONS.outbox, outboxDocId(input.id));
        if (!doc || doc.delivered) return false;
        const attempts = ((doc.attempts as number | undefined) ?? 0) + 1;
        const givenUp = attempts >= input.maxAttempts;
        unit.put(COLLECTIONS.outbox, doc._id, {
          ...doc,
          attempts,
          lastError: input.detail,
          lastAttemptAt: input.at,
          ...(givenUp ? { delivered: true, deliveredAt: input.at, outcome: 'failed', outcomeDetail: input.detail } : {}),
        });
        return givenUp;
      });
    },

    async pruneRateCounters(before: string): Promise<number> {
      return core.db.removeWhere(COLLECTIONS.rateCounters, [{ windowStart: { lt: before } }]);
    },

    async saveFile(file: FileRecord): Promise<void> {
      const { id, ...fields } = file;
      // `kept` turns true once the upload sweep finds the file shown (cloudbase.anchoring.ts).
      await core.db.add(COLLECTIONS.files, { _id: id, ...fields, kept: false });
    },

    async findFile(id: string): Promise<FileRecord | null> {
      const doc = await core.db.get(COLLECTIONS.files, id);
      if (!doc) return null;
      return {
        id,
        ownerOpenid: doc.ownerOpenid as string,
        contentType: doc.contentType as string,
        bytes: doc.bytes as number,
        path: doc.path as string,
        createdAt: doc.createdAt as string,
      };
    },
  };
}
