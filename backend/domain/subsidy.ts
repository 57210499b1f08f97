/**
 * R-FUN-3: the district's subsidy application lists the projects with a budget of the year —
 * approved (or later), never withdrawn — with their approved budgets. Its totals are kept
 * running by the stores as projects move, so that the application reads them in O(1): which
 * project counts, and for how much, is decided here.
 */
import type { ProposalRecord } from '../../types/domain';

/** How a project stands in its district's application: listed under its budget year, or not. */
export type SubsidyEntry = { listed: true; year: number; approvedFen: number } | { listed: false; year: number | null };

/** R-FUN-3: a project with a budget year is listed unless it was withdrawn. */
export function subsidyEntryOf(record: Pick<ProposalRecord, 'state' | 'budgetYear' | 'approvedBudgetFen'>): SubsidyEntry {
  if (record.budgetYear === undefined) return { listed: false, year: null };
  if (record.state === 'withdrawn') return { listed: false, year: record.budgetYear };
  return { listed: true, year: record.budgetYear, approvedFen: record.approvedBudgetFen ?? 0 };
}

/** What one write of a project does to the running totals of its district's application of a year. */
export interface SubsidyTotalsChange {
  year: number;
  projectDelta: number;
  approvedDeltaFen: number;
}

/**
 * The changes to the totals when a project goes from `before` (null: it is new) to `after`.
 * A project of a budget year changes that year's application whenever it is written (its state
 * is on the list), so its year always appears, also with zero deltas: the stores then bump the
 * application's version.
 */
export function subsidyTotalsChanges(
  before: Pick<ProposalRecord, 'state' | 'budgetYear' | 'approvedBudgetFen'> | null,
  after: Pick<ProposalRecord, 'state' | 'budgetYear' | 'approvedBudgetFen'>,
): SubsidyTotalsChange[] {
  const changes = new Map<number, SubsidyTotalsChange>();
  const apply = (entry: SubsidyEntry, sign: 1 | -1) => {
    if (entry.year === null) return;
    const change = changes.get(entry.year) ?? { year: entry.year, projectDelta: 0, approvedDeltaFen: 0 };
    if (entry.listed) {
      change.projectDelta += sign;
      change.approvedDeltaFen += sign * entry.approvedFen;
    }
    changes.set(entry.year, change);
  };
  if (before) apply(subsidyEntryOf(before), -1);
  apply(subsidyEntryOf(after), 1);
  return [...changes.values()];
}
