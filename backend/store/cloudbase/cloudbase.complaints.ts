import type { ComplaintRecord } from '../../../types/domain';
import type { ComplaintQuery } from '../../app/ports/complaints.port';
import type { AuditDraft, CommitOutcome, OutboxDraft, RequestKey, Slice } from '../../app/ports/store.port';
import { Rollback, type CloudBaseCore } from './cloudbase.core';
import { newestFirstPage } from './cloudbase.documents';
import { claimRequest } from './cloudbase.proposals';
import { COLLECTIONS } from './collections';
import type { Doc } from './doc-db';

const SCOPE_FIELD = { community: 'communityId', street: 'streetId', district: 'districtId' } as const;

function complaintOf(doc: Doc): ComplaintRecord {
  const { _id, ...fields } = doc;
  return { ...(fields as unknown as Omit<ComplaintRecord, 'id'>), id: _id };
}

/** Complaints and suggestions (issue 18): `_id` = complaint id, the record's fields as the document. */
export function cloudBaseComplaints(core: CloudBaseCore) {
  return {
    async submitComplaint(input: { complaint: ComplaintRecord; request: RequestKey; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<{ complaint: ComplaintRecord; created: boolean }> {
      const { complaint } = input;
      return core.transact(async (unit) => {
        const firstId = await claimRequest(unit, input.request, complaint.id, complaint.createdAt);
        if (firstId !== null) {
          const first = await unit.get(COLLECTIONS.complaints, firstId);
          if (!first) throw new Error(`request ${input.request.requestId} names a missing complaint ${firstId}`);
          return { complaint: complaintOf(first), created: false };
        }
        const { id, ...fields } = complaint;
        const doc = unit.put(COLLECTIONS.complaints, id, { ...fields });
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, complaint.createdAt);
        return { complaint: complaintOf(doc), created: true };
      });
    },

    async findComplaint(id: string): Promise<ComplaintRecord | null> {
      const doc = await core.db.get(COLLECTIONS.complaints, id);
      return doc ? complaintOf(doc) : null;
    },

    async listComplaints(query: ComplaintQuery): Promise<Slice<ComplaintRecord>> {
      const where: Record<string, string> = {};
      if (query.scope.kind !== 'all') where[SCOPE_FIELD[query.scope.kind]] = query.scope.id;
      if (query.authorOpenid) where.authorOpenid = query.authorOpenid;
      if (query.status) where.status = query.status;
      const page = await newestFirstPage(core.db, COLLECTIONS.complaints, [where], query.after, query.limit);
      return { items: page.items.map(complaintOf), more: page.more };
    },

    async answerComplaint(input: { complaint: ComplaintRecord; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<ComplaintRecord>> {
      const { complaint } = input;
      return core.atomically(async (unit) => {
        const current = await unit.get(COLLECTIONS.complaints, complaint.id);
        if (!current || current.status !== 'open') throw new Rollback({ ok: false, code: 'invalid_state' });
        const { id, ...fields } = complaint;
        const doc = unit.put(COLLECTIONS.complaints, id, { ...fields });
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, input.audit.at);
        return complaintOf(doc);
      });
    },
  };
}
