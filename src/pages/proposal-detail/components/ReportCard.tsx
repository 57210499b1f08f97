import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { Section } from '../../../components/Section';
import { approvedVsAsked } from '../../../lib/approved-vs-asked';
import { formatFen } from '../../../lib/money';

export function ReportCard({ proposal }: { proposal: ProposalView }) {
  const { report } = proposal;
  if (!report) return null;
  return (
    <Section title='申请报告' testId='report'>
      <View className='card'>
        <Text className='detail__label'>申请理由</Text>
        <Text className='block pre-wrap'>{report.reason}</Text>
        <Text className='detail__label'>项目概述</Text>
        <Text className='block pre-wrap'>{report.overview}</Text>
        <Text className='detail__label'>实施方案</Text>
        <Text className='block pre-wrap'>{report.plan}</Text>
        <Text className='detail__label'>经费预算</Text>
        <View className='budget'>
          {report.budgetLines.map((line, index) => (
            <View key={`${index}-${line.item}`} className='budget__line'>
              <Text className='budget__item'>
                {line.item}
                {line.fee ? <Text className='muted'>（服务管理费）</Text> : null}
              </Text>
              <Text className='budget__amount'>{formatFen(line.amountFen)}</Text>
            </View>
          ))}
          <View className='budget__line budget__line--total'>
            <Text className='budget__item'>合计</Text>
            <Text className='budget__amount'>{formatFen(report.budgetFen)}</Text>
          </View>
          {proposal.approvedBudgetFen !== undefined ? (
            <View className='budget__line budget__line--approved'>
              <Text className='budget__item'>街道批复预算</Text>
              <Text className='budget__amount'>{formatFen(proposal.approvedBudgetFen)}</Text>
              <Text className='muted small block' data-testid='approved-vs-asked'>{approvedVsAsked(proposal.approvedBudgetFen, report.budgetFen)}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </Section>
  );
}
