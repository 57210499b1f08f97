import { formatFen } from './money';

/**
 * The street approves at most what the report asks (review.decide): beside the budget lines, how
 * the approved budget stands against the asked total — `批复 = 申请` or `较申请核减 X`. Null
 * before an approval.
 */
export function approvedVsAsked(approvedFen: number | undefined, askedFen: number): string | null {
  if (approvedFen === undefined) return null;
  if (approvedFen === askedFen) return '与申请预算一致';
  return approvedFen < askedFen ? `较申请预算核减 ${formatFen(askedFen - approvedFen)}` : `较申请预算调增 ${formatFen(approvedFen - askedFen)}（经调整批复）`;
}
