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
