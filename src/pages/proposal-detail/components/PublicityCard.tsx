import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { DateRange } from '../../../components/DateRange';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';
import { daysLeftOf } from '../../../lib/proposal';

export function PublicityCard({ proposal }: { proposal: ProposalView }) {
  const { publicity } = proposal;
  if (!publicity) return null;
  // R-PUB-2: open through 24:00 of the last day — the server says so in `publicityOpen`; from the
  // next day the window shows as ended even while the state is still 公示中.
  const running = proposal.publicityOpen === false ? undefined : proposal.deadlines.publicityEndsOn;
  const budget = proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
  return (
    <Section title='公示' testId='publicity'>
      <View className='card detail__publicity'>
        {running ? (
          <View className='kv'>
            <Text className='kv__key'>公示开始</Text>
            <Text className='kv__value'>{formatDate(publicity.publishedOn)}</Text>
          </View>
        ) : (
          <View className='kv'>
            <Text className='kv__key'>公示期</Text>
            <View className='kv__value'>
              <DateRange from={publicity.publishedOn} to={publicity.endsOn.on} />
            </View>
          </View>
        )}
        {budget !== undefined ? (
          <View className='kv'>
            <Text className='kv__key'>预算</Text>
            <Text className='kv__value detail__money'>{formatFen(budget)}</Text>
          </View>
        ) : null}
        {running ? (
          <DeadlineTag
            name='publicityEndsOn'
            deadline={running}
            overdue={proposal.overdue.includes('publicityEndsOn')}
            daysLeft={daysLeftOf(proposal, 'publicityEndsOn')}
          />
        ) : (
          <Text className='block muted small'>公示期已结束，意见征集已关闭</Text>
        )}
      </View>
    </Section>
  );
}
