/**
 * R-RPT-1: the summary a street or district reports upward, per community and in total. Its sums
 * are kept running by the stores as projects move (like the subsidy totals), so that a district
 * of a hundred thousand proposals reads a few hundred rows: which figure a project adds to which
 * year and quarter is decided here.
 *
 * - Counts by state and category, and change requests: the year and quarter the proposal was
 *   submitted in (its state is the state it is in now).
 * - Approved: the budget year, in the quarter of the street's decision; withdrawn projects count
 *   nothing (as on the ledger).
 * - Paid and audited: the budget year, in the quarter of the payment or the audit (a date in a
 *   later year counts in the budget year's last quarter), so that the year's sums equal the
 *   ledger's approved and the projects' payments and audits.
 */
import type { Category, ProposalRecord, ProposalState } from '../../types/domain';
import { partsOf, shanghaiDateOf } from './calendar';

export type SummaryMetric = `state:${ProposalState}` | `category:${Category}` | 'changes' | 'approvedFen' | 'paidFen' | 'auditedFen';

/** One running figure of a community in a year's quarter. */
export interface SummaryFact {
  year: number;
  quarter: number;
  metric: SummaryMetric;
  value: number;
}

export function quarterOf(date: string): number {
  return Math.floor((partsOf(date).month - 1) / 3) + 1;
}

/** The quarter a dated amount counts in within the budget year (earlier: Q1, later: Q4). */
function quarterInYear(date: string, year: number): number {
  const dateYear = partsOf(date).year;
  if (dateYear < year) return 1;
  return dateYear > year ? 4 : quarterOf(date);
}

/** The first and last day of the period a summary covers: the year, or the year up to a quarter's end. */
export function summaryPeriod(year: number, quarter?: number): { from: string; through: string } {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { from: `${year}-01-01`, through: `${year}-${ends[(quarter ?? 4) - 1]}` };
}

/** R-RPT-1: what one project adds to its community's running figures. */
export function summaryFactsOf(record: ProposalRecord): SummaryFact[] {
  const submittedOn = shanghaiDateOf(record.createdAt);
  const counted = { year: partsOf(submittedOn).year, quarter: quarterOf(submittedOn) };
  const facts: SummaryFact[] = [
    { ...counted, metric: `state:${record.state}`, value: 1 },
    { ...counted, metric: `category:${record.category}`, value: 1 },
  ];
  const year = record.budgetYear;
  if (year === undefined) return facts;
  if (record.state !== 'withdrawn' && record.approvedBudgetFen !== undefined && record.review) {
    facts.push({ year, quarter: quarterInYear(record.review.decidedOn, year), metric: 'approvedFen', value: record.approvedBudgetFen });
  }
  for (const payment of record.payments ?? []) {
    facts.push({ year, quarter: quarterInYear(payment.paidOn, year), metric: 'paidFen', value: payment.amountFen });
  }
  if (record.audit) {
    facts.push({ year, quarter: quarterInYear(record.audit.publishedOn, year), metric: 'auditedFen', value: record.audit.spentFen });
  }
  return facts;
}

const keyOf = (fact: Pick<SummaryFact, 'year' | 'quarter' | 'metric'>) => `${fact.year}|${fact.quarter}|${fact.metric}`;

/**
 * The moves of the running figures when a project goes from `before` (null: new) to `after`:
 * what it adds now less what it added before, and one more change request when one was made.
 * Moves that come to nothing are left out.
 */
export function summaryTotalsChanges(before: ProposalRecord | null, after: ProposalRecord): SummaryFact[] {
  const moves = new Map<string, SummaryFact>();
  const add = (fact: SummaryFact, sign: 1 | -1) => {
    const key = keyOf(fact);
    const move = moves.get(key) ?? { ...fact, value: 0 };
    move.value += sign * fact.value;
    moves.set(key, move);
  };
  if (before) summaryFactsOf(before).forEach((fact) => add(fact, -1));
  summaryFactsOf(after).forEach((fact) => add(fact, 1));
  if (after.pendingChangeId !== undefined && after.pendingChangeId !== before?.pendingChangeId) {
    const submittedOn = shanghaiDateOf(after.createdAt);
    add({ year: partsOf(submittedOn).year, quarter: quarterOf(submittedOn), metric: 'changes', value: 1 }, 1);
  }
  return [...moves.values()].filter((move) => move.value !== 0);
}

/** The figures of one community as the report shows them, before plan and counts are added. */
export interface SummaryFigures {
  byState: Partial<Record<ProposalState, number>>;
  byCategory: Partial<Record<Category, number>>;
  changes: number;
  withdrawals: number;
  approvedFen: number;
  paidFen: number;
  auditedFen: number;
}

export function emptyFigures(): SummaryFigures {
  return { byState: {}, byCategory: {}, changes: 0, withdrawals: 0, approvedFen: 0, paidFen: 0, auditedFen: 0 };
}

/** Adds a running figure (summed over the quarters asked) to a community's figures. */
export function addFigure(figures: SummaryFigures, metric: string, value: number): void {
  const [kind, name] = metric.split(':');
  if (kind === 'state') {
    const state = name as ProposalState;
    figures.byState[state] = (figures.byState[state] ?? 0) + value;
    if (state === 'withdrawn') figures.withdrawals += value;
  } else if (kind === 'category') {
    const category = name as Category;
    figures.byCategory[category] = (figures.byCategory[category] ?? 0) + value;
  } else if (metric === 'changes' || metric === 'approvedFen' || metric === 'paidFen' || metric === 'auditedFen') {
    figures[metric] += value;
  }
}
