/**
 * A district's policy (the numbers the guideline says 原则上) and the rules of a community's
 * yearly ledger. All amounts are integer fen.
 */
import type { Category, ImplementerSide, Ledger, LedgerView, Policy } from '../../types/domain';
import { formatFen, isFen } from './money';
import { fail, hasText, succeed, type Result } from './result';

/** R-FUN-3: the city matches at most 1,000,000 CNY per community per year on average. */
export const CITY_MATCH_PER_COMMUNITY_FEN = 100_000_000;

/** The defaults of spec/api.md; a district changes them with `policy.set`. */
export function defaultPolicy(districtId: string, year: number): Policy {
  return {
    districtId,
    year,
    quotaFen: 200_000_000,
    feeRatioPercent: 10,
    streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 },
    tenderThresholdFen: 40_000_000,
  };
}

/** Validates a policy a district sets (`policy.set`): amounts are fen, the ratio a whole percentage. */
export function checkPolicy(policy: Policy): Result<Policy> {
  if (!hasText(policy.districtId)) return fail('invalid_input', '请选择区', 'districtId');
  if (!Number.isInteger(policy.year) || policy.year < 2000 || policy.year > 9999) {
    return fail('invalid_input', '年度无效', 'year');
  }
  if (!isFen(policy.quotaFen) || policy.quotaFen === 0) return fail('invalid_input', '年度额度须为正数', 'quotaFen');
  if (!Number.isInteger(policy.feeRatioPercent) || policy.feeRatioPercent < 0 || policy.feeRatioPercent > 100) {
    return fail('invalid_input', '服务管理费比例须为 0 至 100 的整数', 'feeRatioPercent');
  }
  for (const category of ['works', 'goods', 'services'] as const) {
    if (!isFen(policy.streetThresholdFen[category])) {
      return fail('invalid_input', '街道实施限额无效', `streetThresholdFen.${category}`);
    }
  }
  if (!isFen(policy.tenderThresholdFen)) return fail('invalid_input', '招标限额无效', 'tenderThresholdFen');
  return succeed(policy);
}

/** R-IMP-1: above the district's threshold for its category the street implements, else the community. */
export function implementerSide(policy: Policy, category: Category, budgetFen: number): ImplementerSide {
  return budgetFen > policy.streetThresholdFen[category] ? 'street' : 'community';
}

/** R-IMP-2: a tender record is needed when the amount reaches the tender threshold. */
export function tenderRequired(policy: Policy, budgetFen: number): boolean {
  return budgetFen >= policy.tenderThresholdFen;
}

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

/**
 * R-FUN-2: the street sets the year's allocated total: at least half the quota at the first
 * allocation of the year, never more than the quota, never less than what is already approved.
 * Answers the next ledger.
 */
export function checkAllocation(ledger: Ledger, newAllocatedFen: number, isFirstAllocationOfYear: boolean): Result<Ledger> {
  if (!isFen(newAllocatedFen)) return fail('invalid_input', '下达金额须为以分计的非负整数', 'allocatedFen');
  if (newAllocatedFen > ledger.quotaFen) {
    return fail('budget_exceeded', `下达金额不得超过年度额度 ${formatFen(ledger.quotaFen)}`, 'allocatedFen');
  }
  if (newAllocatedFen < ledger.approvedFen) {
    return fail('budget_exceeded', `下达金额不得低于已批复的 ${formatFen(ledger.approvedFen)}`, 'allocatedFen');
  }
  // Half of an odd quota is not whole fen: compare doubled amounts instead of dividing.
  if (isFirstAllocationOfYear && newAllocatedFen * 2 < ledger.quotaFen) {
    return fail('invalid_input', '年初首次下达不得低于年度额度的二分之一', 'allocatedFen');
  }
  return succeed({ ...ledger, allocatedFen: newAllocatedFen });
}

function reserve(ledger: Ledger, amountFen: number, field: string): Result<Ledger> {
  if (ledger.approvedFen + amountFen > approvalCeilingFen(ledger)) {
    return fail(
      'budget_exceeded',
      `超出本年度已下达资金：剩余 ${formatFen(remainingFen(ledger))}，本次 ${formatFen(amountFen)}`,
      field,
    );
  }
  return succeed({ ...ledger, approvedFen: ledger.approvedFen + amountFen });
}

/**
 * R-FUN-1, R-FUN-2: an approval draws on the allocated funds: approved + amount ≤ allocated ≤
 * quota. Answers the next ledger; the store applies it atomically so that two racing approvals
 * cannot both pass.
 */
export function checkApproval(ledger: Ledger, amountFen: number): Result<Ledger> {
  if (!isFen(amountFen) || amountFen === 0) {
    return fail('invalid_input', '批复预算须为以分计的正整数', 'approvedBudgetFen');
  }
  return reserve(ledger, amountFen, 'approvedBudgetFen');
}

/**
 * R-CHG-1, R-FUN-1: an approved adjustment re-reserves the new budget in place of the old one.
 * A decrease always fits.
 */
export function checkAdjustment(ledger: Ledger, fromFen: number, toFen: number): Result<Ledger> {
  if (!isFen(toFen) || toFen === 0) return fail('invalid_input', '调整后的预算须为以分计的正整数', 'newBudgetFen');
  const released = { ...ledger, approvedFen: ledger.approvedFen - fromFen };
  if (toFen <= fromFen) return succeed({ ...released, approvedFen: released.approvedFen + toFen });
  return reserve(released, toFen, 'newBudgetFen');
}

/** R-CHG-1: a withdrawn project releases its budget. */
export function releaseApproval(ledger: Ledger, amountFen: number): Ledger {
  return { ...ledger, approvedFen: Math.max(0, ledger.approvedFen - amountFen) };
}

/** R-AUD-1: the audited spending of a project counts as spent. */
export function recordSpending(ledger: Ledger, spentFen: number): Ledger {
  return { ...ledger, spentFen: ledger.spentFen + spentFen };
}

/**
 * R-FUN-3: the city matches the district's funds 1:1, capped at 1,000,000 CNY per community on
 * average (the cap is on the district's total, which the district spreads as it sees fit).
 */
export function cityMatch(districtTotalFen: number, communityCount: number): number {
  return Math.min(districtTotalFen, CITY_MATCH_PER_COMMUNITY_FEN * communityCount);
}
