import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../../types/api';
import { publishPublicity } from '../../../../api/staff';
import { Section } from '../../../../components/Section';
import { formatDate } from '../../../../lib/dates';
import { formatFen } from '../../../../lib/money';
import { useAction } from '../../../workbench/use-action';
import { Row } from '../../../workbench/display';
import { ConfirmAction, FormError } from '../../../workbench/feedback';

export function PublicityStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const action = useAction<ProposalView>();
  const budget = proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
  return (
    <Section title='发布公示' testId='step-publicity'>
      <View className='card'>
        <Text className='block'>街道已审核通过。实施前须公示 3 个工作日，公示期内居民可以发表意见。</Text>
        <Row label='项目'>{proposal.title}</Row>
        <Row label='地点'>{proposal.location}</Row>
        {budget !== undefined ? <Row label='预算'>{formatFen(budget)}</Row> : null}
        <FormError message={action.formError([])} />
        <View className='step-action'>
          <ConfirmAction
            label='发布公示'
            question='公示发布后居民即可看到并发表意见。确认发布？'
            busy={action.busy}
            onConfirm={() => void action.run(() => publishPublicity(proposal.id), (view) => onChanged(`公示已发布，公示期至 ${formatDate(view.publicity?.endsOn.on ?? '')}`))}
            testId='publish-publicity'
          />
        </View>
      </View>
    </Section>
  );
}
