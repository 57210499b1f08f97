/**
 * R-PUB-3, R-CHG-1 (issue 18): after the publicity comments the community may redraft the plan
 * and the budget lines; the redraft goes to the street as a change of kind `revise`. An approved
 * revision replaces the report's plan and lines, and when the total changes it re-reserves the
 * budget exactly as an approved adjustment does (the approved budget becomes the new total).
 */
import type { BudgetLine, ChangeRecord, Policy, ProposalRecord, Report } from '../../types/domain';
import { checkBudgetLines } from './budget-lines';
import { requireText, type Check } from './lifecycle.checks';
import { reportTotals } from './money';
import { refusal } from './result';

export interface RevisionInput {
  plan?: string;
  budgetLines?: BudgetLine[];
}

/** What a revision must hold: a report to revise, and a new plan or new lines that are valid. */
export function checkRevision(record: ProposalRecord, input: RevisionInput, policy: Policy): Check {
  if (!record.report) return refusal('invalid_state', '项目没有申请报告，无法修改实施方案');
  if (input.plan === undefined && input.budgetLines === undefined) return refusal('invalid_input', '请填写修改后的实施方案或经费预算', 'plan');
  if (input.plan !== undefined) {
    const missing = requireText(input.plan, 'plan', '实施方案');
    if (missing) return missing;
  }
  return input.budgetLines === undefined ? null : checkBudgetLines(record.category, input.budgetLines, policy);
}

/** The revision as the change record keeps it: the new parts beside the report's as they were. */
export function revisionOf(record: ProposalRecord, input: RevisionInput): NonNullable<ChangeRecord['revision']> {
  const report = record.report!;
  return {
    ...(input.plan !== undefined ? { plan: input.plan } : {}),
    ...(input.budgetLines !== undefined ? { budgetLines: input.budgetLines.map((line) => ({ ...line })) } : {}),
    before: { plan: report.plan, budgetLines: report.budgetLines.map((line) => ({ ...line })) },
  };
}

/** The report with an approved revision applied, and the new approved budget when the total changed. */
export function applyRevision(record: ProposalRecord, change: ChangeRecord): { report: Report; approvedBudgetFen?: number } {
  const report = record.report!;
  const revision = change.revision!;
  const budgetLines = revision.budgetLines ?? report.budgetLines;
  const totals = reportTotals(budgetLines);
  const next: Report = { ...report, plan: revision.plan ?? report.plan, budgetLines: budgetLines.map((line) => ({ ...line })), ...totals };
  return totals.budgetFen === report.budgetFen ? { report: next } : { report: next, approvedBudgetFen: totals.budgetFen };
}
