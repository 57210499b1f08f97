/**
 * A district's policy (the numbers the guideline says 原则上) and what follows from it. The
 * community ledger's own rules are in ledger.ts. All amounts are integer fen.
 */
import type { Category, ImplementerSide, Policy } from '../../types/domain';
import { isFen } from './money';
import { MAX_STALL_WORKING_DAYS, MIN_STALL_WORKING_DAYS } from './stall';
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
  // Supervision (issue 18): the stall after which a waiting project is flagged.
  const stall = policy.stallWorkingDays;
  if (stall !== undefined && (!Number.isInteger(stall) || stall < MIN_STALL_WORKING_DAYS || stall > MAX_STALL_WORKING_DAYS)) {
    return fail('invalid_input', `停滞提醒天数须为 ${MIN_STALL_WORKING_DAYS} 至 ${MAX_STALL_WORKING_DAYS} 的整数`, 'stallWorkingDays');
  }
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

/**
 * R-FUN-3: the city matches the district's funds 1:1, capped at 1,000,000 CNY per community on
 * average (the cap is on the district's total, which the district spreads as it sees fit).
 */
export function cityMatch(districtTotalFen: number, communityCount: number): number {
  return Math.min(districtTotalFen, CITY_MATCH_PER_COMMUNITY_FEN * communityCount);
}
