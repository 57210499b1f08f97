import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { barPercent, formatFen } from '../../../lib/money';

export function AuditCard({ proposal }: { proposal: ProposalView }) {
  const { audit } = proposal;
  if (!audit) return null;
  const budget = proposal.approvedBudgetFen;
  return (
    <Section title='审计结果' testId='audit'>
      <View className='card'>
        <View className='kv'>
          <Text className='kv__key'>审计单位</Text>
          <Text className='kv__value'>{audit.auditor}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__key'>公布日期</Text>
          <Text className='kv__value'>{formatDate(audit.publishedOn)}</Text>
        </View>
        {budget !== undefined ? (
          <View className='spend' aria-label='支出与预算'>
            <View className='spend__row'>
              <Text className='spend__label'>批复预算</Text>
              <Text className='spend__amount'>{formatFen(budget)}</Text>
            </View>
            <View className='spend__track'>
              <View className='spend__fill spend__fill--budget' style={{ width: '100%' }} />
            </View>
            <View className='spend__row'>
              <Text className='spend__label'>实际支出</Text>
              <Text className='spend__amount'>{formatFen(audit.spentFen)}</Text>
            </View>
            <View className='spend__track'>
              <View
                className={`spend__fill${audit.spentFen > budget ? ' spend__fill--over' : ''}`}
                style={{ width: `${barPercent(audit.spentFen, budget)}%` }}
              />
            </View>
            <Text className='block small muted'>
              {audit.spentFen <= budget ? `节余 ${formatFen(budget - audit.spentFen)}` : `超出预算 ${formatFen(audit.spentFen - budget)}`}
            </Text>
          </View>
        ) : (
          <View className='kv'>
            <Text className='kv__key'>实际支出</Text>
            <Text className='kv__value'>{formatFen(audit.spentFen)}</Text>
          </View>
        )}
        <Text className='detail__label'>审计报告</Text>
        <Text className='block pre-wrap'>{audit.report}</Text>
      </View>
    </Section>
  );
}
