import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../../types/api';
import { submitToStreet } from '../../../../api/staff';
import { Section } from '../../../../components/Section';
import { useAction } from '../../../workbench/use-action';
import { ConfirmAction, FormError } from '../../../workbench/feedback';

export function SubmitStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const action = useAction<ProposalView>();
  return (
    <Section title='提交街道审核' testId='step-submit'>
      <View className='card'>
        {proposal.vote ? (
          <Text className='info-line'>
            议事会表决：出席 {proposal.vote.attendance} 人，赞成 {proposal.vote.for}，反对 {proposal.vote.against}，弃权 {proposal.vote.abstain}
          </Text>
        ) : null}
        <FormError message={action.formError([])} />
        <View className='step-action'>
        <ConfirmAction
          label='提交街道审核'
          question='提交后由街道在 15 个工作日内审核。确认提交？'
          busy={action.busy}
          onConfirm={() => void action.run(() => submitToStreet(proposal.id), () => onChanged('已提交街道审核'))}
          testId='submit-street'
        />
        </View>
      </View>
    </Section>
  );
}
