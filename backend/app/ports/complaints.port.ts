import type { ComplaintRecord, ComplaintStatus } from '../../../types/domain';
import type { AuditDraft, CommitOutcome, Cursor, OutboxDraft, RequestKey, ScopeFilter, Slice } from './store.port';

/**
 * The Store's part for complaints and suggestions (issue 18). Each method is atomic like every
 * method of the port; the contract is test/store/contract/complaints.contract.test.ts.
 */
export interface ComplaintQuery {
  /** The unit whose communities' complaints are listed (`all` for the city). */
  scope: ScopeFilter;
  /** Only the complaints of this author (the author's own list). */
  authorOpenid?: string;
  status?: ComplaintStatus;
  after?: Cursor;
  limit: number;
}

export interface ComplaintStore {
  /** Saves a new complaint; a repeated request key answers the first one with `created: false`. */
  submitComplaint(input: { complaint: ComplaintRecord; request: RequestKey; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<{ complaint: ComplaintRecord; created: boolean }>;
  findComplaint(id: string): Promise<ComplaintRecord | null>;
  /** Newest first. */
  listComplaints(query: ComplaintQuery): Promise<Slice<ComplaintRecord>>;
  /** Saves the answered complaint only while the stored one is still open (else `invalid_state`). */
  answerComplaint(input: { complaint: ComplaintRecord; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<ComplaintRecord>>;
}
