/** Issue 18 (payments, reports): the answers of payment.record and report.summary (re-exported by api.ts). */
import type { ProposalState, Category, InstantString } from './domain';

/** A payment as the API shows it: who keyed it in and their request key stay inside. */
export interface PaymentView {
  id: string;
  proposalId: string;
  kind: 'advance' | 'progress' | 'final';
  amountFen: number;
  paidOn: string;
  payee: string;
  voucherRef: string;
  budgetItem?: string;
  recordedAt: InstantString;
}

/** One budget line: planned against paid (payments without a line are not counted on any line). */
export interface BudgetLineProgress {
  item: string;
  plannedFen: number;
  paidFen: number;
}

/** The sums of a summary row (and of its total). */
export interface SummarySums {
  byState: Partial<Record<ProposalState, number>>;
  byCategory: Partial<Record<Category, number>>;
  changes: number;
  withdrawals: number;
  approvedFen: number;
  paidFen: number;
  auditedFen: number;
  plannedCount: number;
  plannedFen: number;
  overdue: number;
  stalled: number;
  meetingsHeld: number;
  ratingAverage: number;
}

export interface SummaryRow extends SummarySums {
  communityId: string;
  name: string;
}

export interface SummaryReport {
  scopeId: string;
  year: number;
  quarter?: number;
  /** The period the figures cover: from 1 January to the quarter's end (or the year's). */
  from: string;
  through: string;
  rows: SummaryRow[];
  total: SummarySums;
}
