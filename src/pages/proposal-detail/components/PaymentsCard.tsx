import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { barPercent, formatFen } from '../../../lib/money';
import '../../../components/LedgerBar.css';

const KIND_LABELS = { advance: '预付款', progress: '进度款', final: '尾款' } as const;

/**
 * Issue 18 (payments): 资金支付 — what was paid against the approved budget as a bar, each budget
 * line's plan against what was paid on it, and the payments with their vouchers (R-PAY-1).
 */
export function PaymentsCard({ proposal }: { proposal: ProposalView }) {
  const payments = proposal.payments ?? [];
  const budgetFen = proposal.approvedBudgetFen;
  if (payments.length === 0 || budgetFen === undefined) return null;
  const paidFen = proposal.paidFen ?? 0;
  return (
    <Section title='资金支付' testId='payments'>
      <View className='card'>
        <View className='kv'>
          <Text className='kv__key'>已支付 / 批复预算</Text>
          <Text className='kv__value'>
            {formatFen(paidFen)} / {formatFen(budgetFen)}
          </Text>
        </View>
        <View className='ledger__bar' aria-label={`已支付 ${barPercent(paidFen, budgetFen)}%`} data-testid='payments-bar'>
          <View className='ledger__fill ledger__fill--spent' style={{ width: `${barPercent(paidFen, budgetFen)}%` }} />
        </View>
        {(proposal.budgetProgress ?? []).map((line) => (
          <View key={line.item} className='kv'>
            <Text className='kv__key'>{line.item}</Text>
            <Text className='kv__value'>
              {formatFen(line.paidFen)} / {formatFen(line.plannedFen)}
            </Text>
          </View>
        ))}
        {payments.map((payment) => (
          <View key={payment.id} className='kv'>
            <Text className='kv__key'>
              {formatDate(payment.paidOn)} {KIND_LABELS[payment.kind]}
            </Text>
            <Text className='kv__value'>
              {formatFen(payment.amountFen)} · {payment.payee} · 凭证 {payment.voucherRef}
            </Text>
          </View>
        ))}
      </View>
    </Section>
  );
}
