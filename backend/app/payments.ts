import type { BudgetLineProgress, PaymentView } from '../../types/api';
import type { Payment, ProposalRecord } from '../../types/domain';
import { budgetProgress, paidFen } from '../domain/payments';

/** A payment as the API shows it: who keyed it in and their request key stay inside. */
export function paymentView(proposalId: string, payment: Payment): PaymentView {
  const { recordedBy: _recordedBy, requestId: _requestId, ...shown } = payment;
  return { ...shown, proposalId };
}

/** R-PAY-1: the payments, their sum and each budget line's plan against what was paid on it. */
export function moneyViewOf(record: ProposalRecord): { payments: PaymentView[]; paidFen: number; budgetProgress: BudgetLineProgress[] } {
  return {
    payments: (record.payments ?? []).map((payment) => paymentView(record.id, payment)),
    paidFen: paidFen(record),
    budgetProgress: budgetProgress(record),
  };
}
