import type { Ledger, Policy } from '../../../types/domain';
import { applyQuota, checkAllocation, emptyLedger } from '../../domain/ledger';
import type { AuditDraft, CommitOutcome } from '../../app/ports/store.port';
import { Rollback, type CloudBaseCore } from './cloudbase.core';
import { ledgerOf, policyOf } from './cloudbase.documents';
import { readLedger, writeLedger } from './cloudbase.ledgers';
import { COLLECTIONS, ledgerDocId, policyDocId } from './collections';
import { queryAll } from './doc-db';

/** Ledgers (R-FUN-1, R-FUN-2, R-FUN-4) and the districts' policies. */
export function cloudBaseMoney(core: CloudBaseCore) {
  return {
    async findLedger(communityId: string, year: number): Promise<Ledger | null> {
      const doc = await core.db.get(COLLECTIONS.ledgers, ledgerDocId(communityId, year));
      return doc ? ledgerOf(doc) : null;
    },

    async allocate(input: { communityId: string; year: number; quotaFen: number; allocatedFen: number; audit: AuditDraft }): Promise<CommitOutcome<Ledger>> {
      return core.atomically(async (unit) => {
        // R-FUN-2, decided on the ledger as it is now (approvals may have moved it since the use case read it).
        const next = checkAllocation((await readLedger(unit, input.communityId, input.year)) ?? emptyLedger(input.quotaFen), input.allocatedFen);
        if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
        await writeLedger(unit, input.communityId, input.year, next.value);
        await core.appendAudit(unit, input.audit);
        return next.value;
      });
    },

    async findPolicy(districtId: string, year: number): Promise<Policy | null> {
      const doc = await core.db.get(COLLECTIONS.policies, policyDocId(districtId, year));
      return doc ? policyOf(doc) : null;
    },

    async savePolicy(input: { policy: Policy; at: string; audit: AuditDraft }): Promise<CommitOutcome<Policy>> {
      const { policy } = input;
      // The district's communities, read before the transaction (a transaction cannot query); the
      // directory changes by deployment, not by requests.
      const communities = await queryAll(core.db, COLLECTIONS.places, [{ kind: 'community', districtId: policy.districtId }], [['_id', 'asc']]);
      return core.atomically(async (unit) => {
        for (const community of communities) {
          const ledger = await readLedger(unit, community._id, policy.year);
          if (!ledger) continue;
          // R-FUN-2: the new quota never passes under what a street already allocated.
          const next = applyQuota(ledger, policy.quotaFen);
          if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
          await writeLedger(unit, community._id, policy.year, next.value);
        }
        unit.put(COLLECTIONS.policies, policyDocId(policy.districtId, policy.year), { ...policy, updatedAt: input.at });
        await core.appendAudit(unit, input.audit);
        return { ...policy, streetThresholdFen: { ...policy.streetThresholdFen } };
      });
    },
  };
}
