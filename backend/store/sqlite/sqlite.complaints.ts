import type { ComplaintRecord } from '../../../types/domain';
import type { ComplaintQuery } from '../../app/ports/complaints.port';
import type { AuditDraft, CommitOutcome, OutboxDraft, RequestKey, Slice } from '../../app/ports/store.port';
import { cursorClause, Rollback, scopeClause, sliceOf, type SqliteCore } from './sqlite.core';
import type { RequestGuards } from './sqlite.proposals';

/** Complaints and suggestions (issue 18): one row each, the record as JSON beside its index columns (migration 25). */
export function sqliteComplaints(core: SqliteCore, guards: RequestGuards) {
  const { db } = core;
  const statements = {
    complaint: db.prepare('SELECT record FROM complaints WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO complaints (id, community_id, street_id, district_id, author_openid, status, created_at, record)
       VALUES (@id, @communityId, @streetId, @districtId, @authorOpenid, @status, @createdAt, @record)`,
    ),
    answer: db.prepare("UPDATE complaints SET status = @status, record = @record WHERE id = @id AND status = 'open'"),
  };

  function read(id: string): ComplaintRecord | null {
    const record = statements.complaint.pluck().get(id) as string | undefined;
    return record ? (JSON.parse(record) as ComplaintRecord) : null;
  }

  return {
    async submitComplaint(input: { complaint: ComplaintRecord; request: RequestKey; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<{ complaint: ComplaintRecord; created: boolean }> {
      const { complaint } = input;
      return core.transaction(() => {
        const firstId = guards.claimRequest(input.request, complaint.id, complaint.createdAt);
        if (firstId !== null) return { complaint: read(firstId) as ComplaintRecord, created: false };
        statements.insert.run({ ...complaint, record: JSON.stringify(complaint) });
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, complaint.createdAt);
        return { complaint: read(complaint.id) as ComplaintRecord, created: true };
      });
    },

    async findComplaint(id: string): Promise<ComplaintRecord | null> {
      return read(id);
    },

    async listComplaints(query: ComplaintQuery): Promise<Slice<ComplaintRecord>> {
      const params: Record<string, unknown> = { limit: query.limit + 1 };
      const where = [...scopeClause(query.scope, params), ...cursorClause(query.after, params)];
      if (query.authorOpenid) {
        params.author = query.authorOpenid;
        where.push('author_openid = @author');
      }
      if (query.status) {
        params.status = query.status;
        where.push('status = @status');
      }
      const sql = `SELECT record FROM complaints ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`;
      const rows = db.prepare(sql).pluck().all(params) as string[];
      return sliceOf(rows.map((row) => JSON.parse(row) as ComplaintRecord), query.limit);
    },

    async answerComplaint(input: { complaint: ComplaintRecord; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<ComplaintRecord>> {
      const { complaint } = input;
      return core.atomically(() => {
        const updated = statements.answer.run({ id: complaint.id, status: complaint.status, record: JSON.stringify(complaint) });
        if (updated.changes === 0) throw new Rollback({ ok: false, code: 'invalid_state' });
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, input.audit.at);
        return read(complaint.id) as ComplaintRecord;
      });
    },
  };
}
