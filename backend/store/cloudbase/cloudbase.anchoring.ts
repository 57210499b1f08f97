import type { AuditDigest, FileRecord, UploadUsage } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { COLLECTIONS } from './collections';
import { keysetFilter, MAX_QUERY_LIMIT, queryAll, type Doc, type DocQuery, type Scalar } from './doc-db';

const DIGEST_ORDER: DocQuery['orderBy'] = [
  ['at', 'asc'],
  ['chainId', 'asc'],
  ['seq', 'asc'],
];
const OLDEST_FIRST: DocQuery['orderBy'] = [
  ['createdAt', 'asc'],
  ['_id', 'asc'],
];

function fileOf(doc: Doc): FileRecord {
  return {
    id: doc._id,
    ownerOpenid: doc.ownerOpenid as string,
    contentType: doc.contentType as string,
    bytes: doc.bytes as number,
    path: doc.path as string,
    createdAt: doc.createdAt as string,
  };
}

/** Audit anchoring and the housekeeping of uploads, as sqlite.anchoring.ts (indexes.ts lists their indexes). */
export function cloudBaseAnchoring(core: CloudBaseCore) {
  return {
    /** In (at, chainId, seq) order: the engine keeps no order of appends across documents, and its clock is the real one. */
    async auditDigests(after: string | undefined, limit: number): Promise<AuditDigest[]> {
      const keyset = after ? (JSON.parse(after) as Scalar[]) : undefined;
      const docs = await core.db.query(COLLECTIONS.audit, {
        where: keysetFilter([{}], DIGEST_ORDER, keyset),
        orderBy: DIGEST_ORDER,
        limit: Math.min(limit, MAX_QUERY_LIMIT),
      });
      return docs.map((doc) => ({ at: doc.at as string, hash: doc.hash as string, cursor: JSON.stringify([doc.at, doc.chainId, doc.seq]) }));
    },

    async uploadUsage(openid: string, since: string): Promise<UploadUsage> {
      const docs = await queryAll(core.db, COLLECTIONS.files, [{ ownerOpenid: openid, createdAt: { gte: since } }], OLDEST_FIRST);
      return { count: docs.length, bytes: docs.reduce((sum, doc) => sum + ((doc.bytes as number | undefined) ?? 0), 0) };
    },

    async listUnreferencedFiles(before: string, limit: number): Promise<FileRecord[]> {
      const found: FileRecord[] = [];
      for (;;) {
        const docs = await core.db.query(COLLECTIONS.files, {
          where: [{ kept: false, createdAt: { lt: before } }],
          orderBy: OLDEST_FIRST,
          limit: Math.min(limit, MAX_QUERY_LIMIT),
        });
        if (docs.length === 0) return found;
        for (const doc of docs) {
          const shown = await core.db.count(COLLECTIONS.proposals, [{ proposerOpenid: doc.ownerOpenid as string, 'record.photos': doc._id }]);
          if (shown > 0) await core.db.update(COLLECTIONS.files, doc._id, { kept: true });
          else found.push(fileOf(doc));
        }
        if (found.length > 0 || docs.length < limit) return found;
      }
    },

    async removeFile(id: string): Promise<void> {
      await core.db.remove(COLLECTIONS.files, id);
    },
  };
}
