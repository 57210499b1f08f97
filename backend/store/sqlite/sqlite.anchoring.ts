import type { AuditDigest, AuditDraft, FileRecord, UploadUsage } from '../../app/ports/store.port';
import type { SqliteCore } from './sqlite.core';

interface FileRow {
  id: string;
  owner_openid: string;
  content_type: string;
  bytes: number;
  path: string;
  created_at: string;
}

function fileOf(row: FileRow): FileRecord {
  return { id: row.id, ownerOpenid: row.owner_openid, contentType: row.content_type, bytes: row.bytes, path: row.path, createdAt: row.created_at };
}

/**
 * Audit anchoring (audit.heads reads every entry in the order it was appended) and the housekeeping of
 * uploads (L1: the daily quota counts a person's files, the sweep finds files no proposal shows).
 */
export function sqliteAnchoring(core: SqliteCore) {
  const { db } = core;
  const statements = {
    digests: db.prepare('SELECT at, hash, gseq AS cursor FROM audit_entries WHERE gseq > ? ORDER BY gseq LIMIT ?'),
    usage: db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM files WHERE owner_openid = ? AND created_at >= ?'),
    unkept: db.prepare('SELECT * FROM files WHERE kept = 0 AND created_at < ? ORDER BY created_at, id LIMIT ?'),
    // Only the owner's proposals can show a file (a photo must be the proposer's own upload).
    shown: db.prepare(
      `SELECT 1 FROM proposals p, json_each(p.record, '$.photos') photo
       WHERE p.proposer_openid = ? AND photo.value = ? LIMIT 1`,
    ),
    keep: db.prepare('UPDATE files SET kept = 1 WHERE id = ?'),
    remove: db.prepare('DELETE FROM files WHERE id = ?'),
  };

  return {
    async auditDigests(after: string | undefined, limit: number): Promise<AuditDigest[]> {
      const rows = statements.digests.all(after === undefined ? 0 : Number(after), limit) as { at: string; hash: string; cursor: number }[];
      return rows.map((row) => ({ at: row.at, hash: row.hash, cursor: String(row.cursor) }));
    },

    async uploadUsage(openid: string, since: string): Promise<UploadUsage> {
      return statements.usage.get(openid, since) as UploadUsage;
    },

    async listUnreferencedFiles(before: string, limit: number): Promise<FileRecord[]> {
      return core.transaction(() => {
        const found: FileRecord[] = [];
        // Pages over the unkept files: a shown one is marked and leaves the index.
        for (;;) {
          const rows = statements.unkept.all(before, limit) as FileRow[];
          if (rows.length === 0) return found;
          for (const row of rows) {
            if (statements.shown.get(row.owner_openid, row.id)) statements.keep.run(row.id);
            else found.push(fileOf(row));
          }
          if (found.length > 0 || rows.length < limit) return found;
        }
      });
    },

    async removeFile(id: string): Promise<void> {
      statements.remove.run(id);
    },

    /** Appends an entry outside any use case (the seed's ledgers); must run inside the caller's transaction. */
    appendAuditEntry(draft: AuditDraft): void {
      core.appendAudit(draft);
    },
  };
}
