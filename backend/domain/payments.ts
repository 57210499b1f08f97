/**
 * R-PAY-1..3: money actually paid on a project. The implementing side records advance, progress
 * and final payments from implementation on; their sum never passes the approved budget, and
 * nothing is paid after the final payment. The ledger's spent follows the payments until the
 * audit fixes the figure (R-FUN-4).
 */
import type { BudgetLine, Payment, ProposalRecord, ProposalState } from '../../types/domain';
import { firstRefusal, requireReportedDate, requireText } from './lifecycle.checks';
import { formatFen, isFen } from './money';
import { fail, refusal, succeed, type Refusal, type Result } from './result';

/** R-PAY-1: payments are recorded from implementation on (final accounts may settle later). */
export const PAYMENT_STATES: readonly ProposalState[] = ['implementing', 'completed', 'evaluated', 'audited'];

/** The sum of a project's payments. */
export function paidFen(record: Pick<ProposalRecord, 'payments'>): number {
  return (record.payments ?? []).reduce((sum, payment) => sum + payment.amountFen, 0);
}

/** R-FUN-4, R-PAY-2: what a project counts as spent: its audited figure once audited, else what was paid. */
export function spentFigureFen(record: Pick<ProposalRecord, 'payments' | 'audit'>): number {
  return record.audit ? record.audit.spentFen : paidFen(record);
}

/** R-PAY-2: how much the ledger's spent moves when a project goes from `before` to `after`. */
export function spentDeltaFen(before: Pick<ProposalRecord, 'payments' | 'audit'>, after: Pick<ProposalRecord, 'payments' | 'audit'>): number {
  return spentFigureFen(after) - spentFigureFen(before);
}

/** Whether a payment may be recorded on the record now, whatever its amount (allowedActions asks this). */
export function paymentReadiness(record: ProposalRecord): Refusal | null {
  if (!PAYMENT_STATES.includes(record.state)) return refusal('invalid_state', '项目进入实施阶段后方可登记支付');
  if ((record.payments ?? []).some((payment) => payment.kind === 'final')) {
    return refusal('invalid_state', '已登记尾款（最终支付），不能再登记支付');
  }
  return null;
}

/** The payment this caller already recorded with this request key, if any (a repeat returns it). */
export function repeatedPayment(record: ProposalRecord, recordedBy: string, requestId: string): Payment | null {
  return (record.payments ?? []).find((payment) => payment.recordedBy === recordedBy && payment.requestId === requestId) ?? null;
}

/**
 * R-PAY-1, R-PAY-3: records a payment: answers the next record, or why not — `invalid_state`
 * before implementation or after the final payment, `budget_exceeded` when the payments would
 * pass the approved budget, `invalid_input` for a bad date or an unknown budget line.
 */
export function recordPayment(record: ProposalRecord, payment: Payment, today: string): Result<ProposalRecord> {
  const notNow = paymentReadiness(record);
  if (notNow) return { ok: false, error: notNow };
  const lines = record.report?.budgetLines ?? [];
  const bad = firstRefusal(
    isFen(payment.amountFen) && payment.amountFen > 0 ? null : refusal('invalid_input', '支付金额须为以分计的正整数', 'amountFen'),
    requireReportedDate(payment.paidOn, record.implementation!.assignedOn, today, 'paidOn', '支付日期'),
    requireText(payment.payee, 'payee', '收款单位'),
    requireText(payment.voucherRef, 'voucherRef', '凭证号'),
    payment.budgetItem === undefined || lines.some((line) => line.item === payment.budgetItem)
      ? null
      : refusal('invalid_input', '预算明细中没有这一项', 'budgetItem'),
  );
  if (bad) return { ok: false, error: bad };
  const budgetFen = record.approvedBudgetFen ?? 0;
  const total = paidFen(record) + payment.amountFen;
  if (total > budgetFen) {
    return fail('budget_exceeded', `累计支付 ${formatFen(total)} 将超过批复预算 ${formatFen(budgetFen)}`, 'amountFen');
  }
  return succeed({ ...record, payments: [...(record.payments ?? []), payment] });
}

/** R-PAY-1: each budget line's plan against what was paid on it. */
export function budgetProgress(record: Pick<ProposalRecord, 'report' | 'payments'>): { item: string; plannedFen: number; paidFen: number }[] {
  const lines: BudgetLine[] = record.report?.budgetLines ?? [];
  return lines.map((line) => ({
    item: line.item,
    plannedFen: line.amountFen,
    paidFen: (record.payments ?? []).filter((payment) => payment.budgetItem === line.item).reduce((sum, payment) => sum + payment.amountFen, 0),
  }));
}

/** R-PAY-2: an audited project's payments are on file and add up to the audited figure. */
export function paymentsMatchAudit(record: Pick<ProposalRecord, 'payments' | 'audit'>): boolean {
  // A zero audit needs no payment; any other audited figure needs payments adding up to it.
  return !record.audit || paidFen(record) === record.audit.spentFen;
}
