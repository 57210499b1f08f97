import type { Role } from '../../../types/api';
import type { DirectoryUnit } from '../../domain/directory';
import type { InvitationRecord } from '../../domain/invitations';
import type { AuditDraft, CommitOutcome, RateLimit, ScopeFilter } from './store.port';

/** The Store's part for directory upkeep and staff onboarding (issue 16). */
export interface OnboardingStore {
  /** Every unit of the directory, retired ones too, districts then streets then communities. */
  listUnits(): Promise<DirectoryUnit[]>;
  /** A unit and the units above it, the unit first (a community, its street, its district); empty when there is no such unit. */
  findUnitLine(id: string): Promise<DirectoryUnit[]>;
  /**
   * Writes the units as given (added, or replaced by id: renamed, moved, retired) with one audit
   * entry, in one transaction; a unit is never deleted, so its records stay. Parents come first.
   */
  saveUnits(input: { units: DirectoryUnit[]; audit: AuditDraft }): Promise<void>;
  /** Stores a new invitation; `conflict` when its code is taken (the caller draws another). */
  createInvitation(input: { invitation: InvitationRecord; audit: AuditDraft }): Promise<CommitOutcome<InvitationRecord>>;
  findInvitation(code: string): Promise<InvitationRecord | null>;
  /** Invitations neither accepted nor cancelled, at the scope's unit and every unit below it, newest first. */
  listInvitations(scope: ScopeFilter): Promise<InvitationRecord[]>;
  /**
   * Accepts (granting its role at its scope to `openid`) or cancels an invitation, only while the
   * domain's `invitationStatus` of the invitation read in the transaction is `open`:
   * `invalid_state` otherwise. An accepting person without a name takes `name` when given.
   */
  settleInvitation(input: { code: string; outcome: 'accept' | 'cancel'; openid: string; name?: string; at: string; audit: AuditDraft[] }): Promise<CommitOutcome<InvitationRecord>>;
  /** Takes a grant away with its audit entry; false (and nothing written) when the person does not hold it. */
  revokeRole(input: { openid: string; role: Role; scopeId: string; audit: AuditDraft }): Promise<boolean>;
  /** Counts one attempt in the caller's window (a rate limit on its own, e.g. guessing codes): false when over. */
  countAttempt(limit: RateLimit): Promise<boolean>;
}
