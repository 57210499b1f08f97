import type { ProposalRecord } from '../../../types/domain';
import type { AuditDraft, CommentRecord, FileRecord, RatingRecord, UserRecord } from './store.port';

/** The records of the Store port's methods for audit anchoring, upload quotas (issue 14 M4/L1) and personal data (issue 17). */

/**
 * An audit entry as audit.heads folds it: in the order the store appended the entries (SQLite:
 * a global sequence number written with each entry; CloudBase: (at, chainId, seq), its clock being
 * the real one), with an opaque `cursor` to continue after it.
 */
export interface AuditDigest {
  at: string;
  hash: string;
  cursor: string;
}

/** What a person uploaded since an instant. */
export interface UploadUsage {
  count: number;
  bytes: number;
}

/** The privacy notice a person agreed to (me.consent). */
export interface ConsentRecord {
  version: string;
  at: string;
}

/** Everything the store holds about one openid (me.export). */
export interface PersonalData {
  user: (UserRecord & { createdAt: string }) | null;
  consent: ConsentRecord | null;
  proposals: ProposalRecord[];
  comments: CommentRecord[];
  ratings: RatingRecord[];
  files: FileRecord[];
  /** The messages the outbox holds for the person, sent or not. */
  messages: { kind: string; payload: Record<string, unknown>; createdAt: string; outcome: string | null }[];
}

/** me.delete: the openid's records move to `pseudonym`; what is public keeps its content under `erasedName`. */
export interface Erasure {
  openid: string;
  pseudonym: string;
  erasedName: string;
  at: string;
  audit: AuditDraft;
}

/** The Store's part for audit anchoring, upload quotas and personal data. */
export interface PersonalDataStore {
  /** Audit entries in the order they were appended, after the cursor `after`, at most `limit` (audit.heads folds them). */
  auditDigests(after: string | undefined, limit: number): Promise<AuditDigest[]>;
  /** The files `openid` uploaded at or after `since` (L1: the daily upload quota). */
  uploadUsage(openid: string, since: string): Promise<UploadUsage>;
  /**
   * Files created before `before` that no proposal shows, oldest first, at most `limit`. A file
   * found shown is marked kept and never looked at again.
   */
  listUnreferencedFiles(before: string, limit: number): Promise<FileRecord[]>;
  /** Forgets a file's row (its bytes are removed first by the file storage). */
  removeFile(id: string): Promise<void>;
  findConsent(openid: string): Promise<ConsentRecord | null>;
  recordConsent(input: { openid: string; consent: ConsentRecord; audit: AuditDraft }): Promise<ConsentRecord>;
  personalData(openid: string): Promise<PersonalData>;
  /** me.delete in one write: profile, grants and consent gone; records re-keyed to the pseudonym. */
  erasePerson(erasure: Erasure): Promise<void>;
  /** For each of `openids` that was erased, the latest instant it was (audit.trail shows 已注销用户 before it). */
  erasedAt(openids: string[]): Promise<Map<string, string>>;
}
