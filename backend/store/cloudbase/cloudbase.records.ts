import type { LibraryEntry } from '../../../types/api';
import type { AuditDraft, AuditEntry, Cursor, FileRecord, OutboxMessage, Slice } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { auditEntryOf, libraryEntryOf, newestFirstPage, outboxMessageOf } from './cloudbase.documents';
import { COLLECTIONS, outboxDocId } from './collections';
import { keysetFilter, MAX_QUERY_LIMIT, queryAll, type DocQuery, type Scalar } from './doc-db';

/** A message's delivery as recorded on its outbox document (beyond the port's `markDelivered`). */
export type DeliveryOutcome = 'sent' | 'refused' | 'failed' | 'skipped';

/** The project library (R-SUP-3), uploaded files, the audit trail (R-SUP-2) and the outbox. */
export function cloudBaseRecords(core: CloudBaseCore) {
  async function markOutcome(ids: number[], at: string, outcome: DeliveryOutcome, detail?: string): Promise<void> {
    for (let start = 0; start < ids.length; start += MAX_QUERY_LIMIT) {
      const chunk = ids.slice(start, start + MAX_QUERY_LIMIT).map(outboxDocId);
      await core.db.updateWhere(
        COLLECTIONS.outbox,
        [{ _id: { in: chunk }, delivered: false }],
        { delivered: true, deliveredAt: at, outcome, ...(detail === undefined ? {} : { outcomeDetail: detail }) },
      );
    }
  }

  return {
    async listLibrary(after: Cursor | undefined, limit: number): Promise<Slice<LibraryEntry>> {
      const page = await newestFirstPage(core.db, COLLECTIONS.library, [{}], after, limit);
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
      const orderBy: DocQuery['orderBy'] = [['seq', 'asc']];
      let after: Scalar[] | undefined;
      while (messages.length < limit) {
        const size = Math.min(MAX_QUERY_LIMIT, limit - messages.length);
        const docs = await core.db.query(COLLECTIONS.outbox, { where: keysetFilter([{ delivered: false }], orderBy, after), orderBy, limit: size });
        messages.push(...docs.map(outboxMessageOf));
        if (docs.length < size) break;
        after = [docs[docs.length - 1].seq as number];
      }
      return messages;
    },

    async markDelivered(ids: number[], at: string): Promise<void> {
      await markOutcome(ids, at, 'sent');
    },

    /** Records an outcome other than sent (a refused grant, no template …): never tried again. */
    markOutcome,

    /**
     * Notes a failed delivery of one message; after `maxAttempts` it is given up (`failed`), so a
     * message that can never be sent is not tried forever. Answers whether it was given up.
     */
    async noteDeliveryFailure(id: number, at: string, detail: string, maxAttempts: number): Promise<boolean> {
      return core.transact(async (unit) => {
        const doc = await unit.get(COLLECTIONS.outbox, outboxDocId(id));
        if (!doc || doc.delivered) return false;
        const attempts = ((doc.attempts as number | undefined) ?? 0) + 1;
        const givenUp = attempts >= maxAttempts;
        unit.put(COLLECTIONS.outbox, doc._id, {
          ...doc,
          attempts,
          lastError: detail,
          lastAttemptAt: at,
          ...(givenUp ? { delivered: true, deliveredAt: at, outcome: 'failed' } : {}),
        });
        return givenUp;
      });
    },

    /** Removes rate counters whose window started before `before` (housekeeping for the cron). */
    async pruneRateCounters(before: string): Promise<number> {
      return core.db.removeWhere(COLLECTIONS.rateCounters, [{ createdAt: { lt: before } }]);
    },

    async saveFile(file: FileRecord): Promise<void> {
      const { id, ...fields } = file;
      await core.db.add(COLLECTIONS.files, { _id: id, ...fields });
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
