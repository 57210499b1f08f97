import type { Ledger, Policy } from '../../../types/domain';
import { applyQuota, checkAllocation, emptyLedger } from '../../domain/ledger';
import type { AuditDraft, CommitOutcome } from '../../app/ports/store.port';
import { Rollback, type SqliteCore } from './sqlite.core';
import type { LedgerRows } from './sqlite.ledgers';

interface PolicyRow {
  district_id: string;
  year: number;
  quota_fen: number;
  fee_ratio_percent: number;
  street_threshold_works_fen: number;
  street_threshold_goods_fen: number;
  street_threshold_services_fen: number;
  tender_threshold_fen: number;
  /** Supervision (issue 18, migration 26): null when the district left the default. */
  stall_working_days: number | null;
}

function policyOf(row: PolicyRow): Policy {
  return {
    districtId: row.district_id,
    year: row.year,
    quotaFen: row.quota_fen,
    feeRatioPercent: row.fee_ratio_percent,
    streetThresholdFen: { works: row.street_threshold_works_fen, goods: row.street_threshold_goods_fen, services: row.street_threshold_services_fen },
    tenderThresholdFen: row.tender_threshold_fen,
    ...(row.stall_working_days !== null ? { stallWorkingDays: row.stall_working_days } : {}),
  };
}

/** Ledgers (R-FUN-1, R-FUN-2, R-FUN-4) and the districts' policies. */
export function sqliteMoney(core: SqliteCore, ledgers: LedgerRows) {
  const { db } = core;
  const statements = {
    policy: db.prepare(
      `SELECT district_id, year, quota_fen, fee_ratio_percent, street_threshold_works_fen, street_threshold_goods_fen,
         street_threshold_services_fen, tender_threshold_fen, stall_working_days FROM policies WHERE district_id = ? AND year = ?`,
    ),
    savePolicy: db.prepare(
      `INSERT INTO policies (district_id, year, quota_fen, fee_ratio_percent, street_threshold_works_fen,
         street_threshold_goods_fen, street_threshold_services_fen, tender_threshold_fen, stall_working_days, updated_at)
       VALUES (@districtId, @year, @quotaFen, @feeRatioPercent, @works, @goods, @services, @tender, @stall, @at)
       ON CONFLICT (district_id, year) DO UPDATE SET quota_fen = excluded.quota_fen,
         fee_ratio_percent = excluded.fee_ratio_percent, street_threshold_works_fen = excluded.street_threshold_works_fen,
         street_threshold_goods_fen = excluded.street_threshold_goods_fen,
         street_threshold_services_fen = excluded.street_threshold_services_fen,
         tender_threshold_fen = excluded.tender_threshold_fen, stall_working_days = excluded.stall_working_days, updated_at = excluded.updated_at`,
    ),
    districtLedgers: db.prepare(
      `SELECT community_id AS communityId, quota_fen AS quotaFen, allocated_fen AS allocatedFen, approved_fen AS approvedFen,
         spent_fen AS spentFen
       FROM ledgers WHERE year = @year AND community_id IN
         (SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = @districtId)
       ORDER BY community_id`,
    ),
  };

  function readPolicy(districtId: string, year: number): Policy | null {
    const row = statements.policy.get(districtId, year) as PolicyRow | undefined;
    return row ? policyOf(row) : null;
  }

  return {
    async findLedger(communityId: string, year: number): Promise<Ledger | null> {
      return ledgers.read(communityId, year);
    },

    async allocate(input: { communityId: string; year: number; quotaFen: number; allocatedFen: number; audit: AuditDraft }): Promise<CommitOutcome<Ledger>> {
      return core.atomically(() => {
        // R-FUN-2, decided on the ledger as it is now (approvals may have moved it since the use case read it).
        const next = checkAllocation(ledgers.read(input.communityId, input.year) ?? emptyLedger(input.quotaFen), input.allocatedFen);
        if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
        ledgers.write(input.communityId, input.year, next.value);
        core.appendAudit(input.audit);
        return next.value;
      });
    },

    async findPolicy(districtId: string, year: number): Promise<Policy | null> {
      return readPolicy(districtId, year);
    },

    async savePolicy(input: { policy: Policy; at: string; audit: AuditDraft }): Promise<CommitOutcome<Policy>> {
      const { policy } = input;
      return core.atomically(() => {
        const rows = statements.districtLedgers.all({ year: policy.year, districtId: policy.districtId }) as (Ledger & { communityId: string })[];
        for (const { communityId, ...ledger } of rows) {
          // R-FUN-2: the new quota never passes under what a street already allocated.
          const next = applyQuota(ledger, policy.quotaFen);
          if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
          ledgers.write(communityId, policy.year, next.value);
        }
        statements.savePolicy.run({
          districtId: policy.districtId,
          year: policy.year,
          quotaFen: policy.quotaFen,
          feeRatioPercent: policy.feeRatioPercent,
          works: policy.streetThresholdFen.works,
          goods: policy.streetThresholdFen.goods,
          services: policy.streetThresholdFen.services,
          tender: policy.tenderThresholdFen,
          stall: policy.stallWorkingDays ?? null,
          at: input.at,
        });
        core.appendAudit(input.audit);
        return readPolicy(policy.districtId, policy.year) as Policy;
      });
    },
  };
}
