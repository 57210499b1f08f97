import type { ProposalRecord } from '../../../types/domain';
import { quarterOf, summaryTotalsChanges } from '../../domain/summary';
import { partsOf, shanghaiDateOf } from '../../domain/calendar';
import type { Db } from './sqlite.core';

/** Adds one move to a community's running figure (the row is opened at zero first). */
export function summaryMover(db: Db) {
  const open = db.prepare(
    `INSERT OR IGNORE INTO summary_totals (community_id, street_id, district_id, year, quarter, metric, value)
     VALUES (@communityId, @streetId, @districtId, @year, @quarter, @metric, 0)`,
  );
  const move = db.prepare(
    'UPDATE summary_totals SET value = value + @value WHERE community_id = @communityId AND year = @year AND quarter = @quarter AND metric = @metric',
  );
  return (place: Pick<ProposalRecord, 'communityId' | 'streetId' | 'districtId'>, fact: { year: number; quarter: number; metric: string; value: number }) => {
    const row = { communityId: place.communityId, streetId: place.streetId, districtId: place.districtId, ...fact };
    open.run(row);
    move.run(row);
  };
}

/**
 * R-RPT-1: the running figures computed afresh from the proposals and their change requests:
 * part of migration 24, and used by the benchmark's generator, which writes proposals without
 * the store. Must run inside a transaction.
 */
export function rebuildSummaryTotals(db: Db): void {
  db.exec('DELETE FROM summary_totals');
  const move = summaryMover(db);
  // In pages: a connection cannot write while it iterates a query.
  const page = db.prepare('SELECT rowid, record FROM proposals WHERE rowid > ? ORDER BY rowid LIMIT 2000');
  for (let after = 0; ; ) {
    const rows = page.all(after) as { rowid: number; record: string }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const record = JSON.parse(row.record) as ProposalRecord;
      // Only the record's own figures: the change requests are counted from their table below.
      for (const fact of summaryTotalsChanges(null, { ...record, pendingChangeId: undefined })) move(record, fact);
    }
    after = rows[rows.length - 1].rowid;
  }
  const changes = db
    .prepare('SELECT p.community_id AS communityId, p.street_id AS streetId, p.district_id AS districtId, p.created_at AS createdAt FROM changes c JOIN proposals p ON p.id = c.proposal_id')
    .all() as { communityId: string; streetId: string; districtId: string; createdAt: string }[];
  for (const change of changes) {
    const submittedOn = shanghaiDateOf(change.createdAt);
    move(change, { year: partsOf(submittedOn).year, quarter: quarterOf(submittedOn), metric: 'changes', value: 1 });
  }
}
