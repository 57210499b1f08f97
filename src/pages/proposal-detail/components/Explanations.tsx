import { Text, View } from '@tarojs/components';
import { EXCLUSION_LABELS } from '../../../../common/glossary';
import type { ProposalView } from '../../../../types/api';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';

/** Why a proposal stopped: the not-adopted explanation, the rejection reason, the transfer. */
export function Explanations({ proposal }: { proposal: ProposalView }) {
  const { screening, review, pendingChange } = proposal;
  return (
    <>
      {pendingChange && pendingChange.state === 'pending' ? (
        <Section title='变更申请' testId='pending-change'>
          <View className='card'>
            <Text className='block detail__reason-kind'>
              {pendingChange.kind === 'withdraw' ? '申请撤销项目' : '申请调整项目'}（街道审核中）
            </Text>
            {pendingChange.newBudgetFen !== undefined ? <Text className='block'>调整后预算：{formatFen(pendingChange.newBudgetFen)}</Text> : null}
            <Text className='block pre-wrap'>{pendingChange.reason}</Text>
            <Text className='block muted small'>{formatDate(pendingChange.requestedOn)} 提出</Text>
          </View>
        </Section>
      ) : null}
      {screening && !screening.adopt ? (
        <Section title='未采纳说明' testId='not-adopted'>
          <View className='card'>
            {screening.exclusion ? <Text className='block detail__reason-kind'>{EXCLUSION_LABELS[screening.exclusion]}</Text> : null}
            <Text className='block pre-wrap'>{screening.explanation}</Text>
            <Text className='block muted small'>{formatDate(screening.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
      {review && review.outcome === 'rejected' ? (
        <Section title='未通过审核的原因' testId='rejected'>
          <View className='card'>
            <Text className='block pre-wrap'>{review.reason}</Text>
            <Text className='block muted small'>街道 {formatDate(review.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
      {review && review.outcome === 'transferred' ? (
        <Section title='已转交职能部门' testId='transferred'>
          <View className='card'>
            {review.department ? <Text className='block detail__reason-kind'>转交至：{review.department}</Text> : null}
            {review.reason ? <Text className='block pre-wrap'>{review.reason}</Text> : null}
            <Text className='block muted small'>{formatDate(review.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
    </>
  );
}
