/**
 * R-REP-1, R-REP-2: what a report's budget lines must hold — a name and a positive amount each,
 * no line and no total over the year's quota, and for services the fee lines within the ratio.
 * Asked when a report is drafted and when a revised plan brings new lines (R-PUB-3).
 */
import type { BudgetLine, Category, Policy } from '../../types/domain';
import { firstRefusal, requirePositiveFen, requireText, type Check } from './lifecycle.checks';
import { feeWithinRatio, formatFen, reportTotals } from './money';
import { refusal } from './result';

export function checkBudgetLines(category: Category, lines: readonly BudgetLine[], policy: Policy): Check {
  if (lines.length === 0) return refusal('invalid_input', '请填写经费预算', 'budgetLines');
  for (const [index, line] of lines.entries()) {
    const bad = firstRefusal(
      requireText(line.item, `budgetLines.${index}.item`, '预算项目名称'),
      requirePositiveFen(line.amountFen, `budgetLines.${index}.amountFen`, '预算金额'),
    );
    if (bad) return bad;
    // Also keeps the sum below 2^53: no single line may pass the year's quota.
    if (line.amountFen > policy.quotaFen) {
      return refusal('budget_exceeded', `单项预算不得超过年度额度 ${formatFen(policy.quotaFen)}`, `budgetLines.${index}.amountFen`);
    }
  }
  const { budgetFen, feeFen } = reportTotals(lines);
  if (budgetFen > policy.quotaFen) {
    return refusal('budget_exceeded', `预算总额不得超过年度额度 ${formatFen(policy.quotaFen)}`, 'budgetLines');
  }
  if (category === 'services' && !feeWithinRatio(feeFen, budgetFen, policy.feeRatioPercent)) {
    return refusal('fee_ratio_exceeded', `服务管理费 ${formatFen(feeFen)} 超过预算总额 ${formatFen(budgetFen)} 的 ${policy.feeRatioPercent}%`, 'budgetLines');
  }
  return null;
}
