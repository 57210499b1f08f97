/**
 * A community's money for one year (R-FUN-1, R-FUN-2, R-FUN-4): every bound of the ledger,
 * decided here once. The stores call these functions inside their transactions, on the ledger
 * they have just read, and write what they answer: the SQLite CHECKs and the CloudBase
 * `isSoundLedger` assertion are backstops for bugs, not the rules. All amounts are integer fen.
 */
import type { Ledger, LedgerView } from '../../types/domain';
import { formatFen, isFen } from './money';
import { fail, succeed, type Result } from './result';

/** A community's ledger before anything is allocated in the year. */
export function emptyLedger(quotaFen: number): Ledger {
  return { quotaFen, allocatedFen: 0, approvedFen: 0, spentFen: 0 };
}

/** Approvals draw on allocated funds and never pass the quota, even if the quota was lowered later. */
function approvalCeilingFen(ledger: Ledger): number {
  return Math.min(ledger.allocatedFen, ledger.quotaFen);
}

/** R-FUN-4: what may still be approved this year (never negative). */
export function remainingFen(ledger: Ledger): number {
  return Math.max(0, approvalCeilingFen(ledger) - ledger.approvedFen);
}

/** R-FUN-4: the public ledger: quota, allocated, approved, spent and remaining. */
export function ledgerView(ledger: Ledger): LedgerView {
  return { ...ledger, remainingFen: remainingFen(ledger) };
}

/** The invariants every stored ledger keeps: 0 ≤ approved ≤ allocated ≤ quota, spent ≥ 0. */
export function isSoundLedger(ledger: Ledger): boolean {
  const { quotaFen, allocatedFen, approvedFen, spentFen } = ledger;
  return [quotaFen, allocatedFen, approvedFen, spentFen].every(isFen) && allocatedFen <= quotaFen && approvedFen <= allocatedFen;
}

/** R-FUN-2: no allocation has been made in the year yet (a first one is at least half the quota). */
export function isFirstAllocation(ledger: Ledger): boolean {
  return ledger.allocatedFen === 0;
}

/**
 * R-FUN-2: the street sets the year's allocated total: at least half the quota at the first
 * allocation of the year, never more than the quota, never less than what is already approved.
 * Answers the next ledger.
 */
export function checkAllocation(ledger: Ledger, newAllocatedFen: number): Result<Ledger> {
  if (!isFen(newAllocatedFen)) return fail('invalid_input', '下达金额须为以分计的非负整数', 'allocatedFen');
  if (newAllocatedFen > ledger.quotaFen) {
    return fail('budget_exceeded', `下达金额不得超过年度额度 ${formatFen(ledger.quotaFen)}`, 'allocatedFen');
  }
  if (newAllocatedFen < ledger.approvedFen) {
    return fail('budget_exceeded', `下达金额不得低于已批复的 ${formatFen(ledger.approvedFen)}`, 'allocatedFen');
  }
  // Half of an odd quota is not whole fen: compare doubled amounts instead of dividing.
  if (isFirstAllocation(ledger) && newAllocatedFen * 2 < ledger.quotaFen) {
    return fail('invalid_input', '年初首次下达不得低于年度额度的二分之一', 'allocatedFen');
  }
  return succeed({ ...ledger, allocatedFen: newAllocatedFen });
}

function reserve(ledger: Ledger, amountFen: number, field?: string): Result<Ledger> {
  if (ledger.approvedFen + amountFen > approvalCeilingFen(ledger)) {
    return fail('budget_exceeded', `超出本年度已下达资金：剩余 ${formatFen(remainingFen(ledger))}，本次 ${formatFen(amountFen)}`, field);
  }
  return succeed({ ...ledger, approvedFen: ledger.approvedFen + amountFen });
}

/**
 * R-FUN-1, R-FUN-2: an approval draws on the allocated funds: approved + amount ≤ allocated ≤
 * quota. Answers the next ledger.
 */
export function checkApproval(ledger: Ledger, amountFen: number): Result<Ledger> {
  if (!isFen(amountFen) || amountFen === 0) {
    return fail('invalid_input', '批复预算须为以分计的正整数', 'approvedBudgetFen');
  }
  return reserve(ledger, amountFen, 'approvedBudgetFen');
}

/** What a money event does to a ledger: approved and spent move by these amounts. */
export interface LedgerDelta {
  approvedDeltaFen: number;
  spentDeltaFen: number;
}

/**
 * The one rule every ledger move obeys, applied by the store to the ledger it holds in the
 * transaction, so that racing approvals cannot both pass (R-FUN-1):
 * - an approval or a raised budget (R-CHG-1) reserves within the allocation (R-FUN-2);
 * - a withdrawal (R-CHG-1) or a lowered budget releases, always, but never below nothing;
 * - audited spending (R-AUD-1) adds to what was spent.
 * A year with no ledger has nothing allocated: every reservation is refused.
 */
export function moveLedger(ledger: Ledger | null, delta: LedgerDelta): Result<Ledger> {
  if (!ledger) return fail('budget_exceeded', '本年度尚未下达资金');
  const reserved = delta.approvedDeltaFen > 0 ? reserve(ledger, delta.approvedDeltaFen) : succeed({ ...ledger, approvedFen: ledger.approvedFen + delta.approvedDeltaFen });
  if (!reserved.ok) return reserved;
  const spentFen = ledger.spentFen + delta.spentDeltaFen;
  if (reserved.value.approvedFen < 0 || spentFen < 0) return fail('budget_exceeded', '释放或支出的金额多于账上的金额');
  return succeed({ ...reserved.value, spentFen });
}

/**
 * R-FUN-1, R-FUN-2: a district's new quota reaches the ledgers of its communities of that year,
 * but never below what a street has already allocated to one of them.
 */
export function applyQuota(ledger: Ledger, quotaFen: number): Result<Ledger> {
  if (ledger.allocatedFen > quotaFen) {
    return fail('budget_exceeded', `年度额度不得低于已下达给社区的资金 ${formatFen(ledger.allocatedFen)}`, 'quotaFen');
  }
  return succeed({ ...ledger, quotaFen });
}
