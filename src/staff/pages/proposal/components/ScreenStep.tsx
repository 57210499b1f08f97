import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EXCLUSION_LABELS } from '../../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import type { Exclusion } from '../../../../../types/domain';
import { screenProposal } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { useAction } from '../../../workbench/use-action';
import { FormError } from '../../../workbench/feedback';
import { Chips, TextBox } from '../../../workbench/fields';

const EXCLUSIONS: { value: Exclusion; label: string }[] = (Object.keys(EXCLUSION_LABELS) as Exclusion[]).map((value) => ({ value, label: EXCLUSION_LABELS[value] }));

/** R-COL-2: adopt, or not with an explanation to the proposer and the reason for excluding it. */
export function ScreenStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [choice, setChoice] = useState<'adopt' | 'reject' | null>(null);
  const [exclusion, setExclusion] = useState<Exclusion | null>(null);
  const [explanation, setExplanation] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (choice === 'adopt') {
      void action.run(() => screenProposal({ id: proposal.id, adopt: true }), () => onChanged('已采纳，请拟定申请报告'));
      return;
    }
    if (!explanation.trim()) return action.refuse('explanation', '请填写给提议人的解释说明');
    void action.run(
      () => screenProposal({ id: proposal.id, adopt: false, explanation: explanation.trim(), ...(exclusion ? { exclusion } : {}) }),
      () => onChanged('已记录为未采纳，提议人会看到您的解释说明'),
    );
  };
  return (
    <Section title='筛选提议' testId='step-screen'>
      <View className='card'>
        <Text className='field__label block'>提议内容</Text>
        <Text className='block pre-wrap'>{proposal.description}</Text>
        <Text className='field__label block' style={{ marginTop: '24px' }}>
          是否采纳
        </Text>
        <Chips
          label='是否采纳'
          options={[
            { value: 'adopt', label: '采纳' },
            { value: 'reject', label: '不采纳' },
          ]}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            action.reset();
          }}
        />
        {choice === 'reject' ? (
          <View style={{ marginTop: '24px' }}>
            <Text className='field__label block'>不采纳的原因</Text>
            <Chips label='不采纳的原因' options={EXCLUSIONS} value={exclusion} onChange={setExclusion} />
            <View style={{ marginTop: '24px' }}>
              <TextBox
                label='给提议人的解释说明'
                name='explanation'
                required
                short
                value={explanation}
                onChange={setExplanation}
                maxlength={TEXT_LIMITS.explanation}
                placeholder='请说明不采纳的原因和可以去哪里反映，提议人会看到'
                error={action.fieldError('explanation')}
              />
            </View>
          </View>
        ) : null}
        <FormError message={action.formError(['explanation'])} />
        {choice ? (
          <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-screen'>
            {choice === 'adopt' ? '确认采纳' : '确认不采纳'}
          </Action>
        ) : null}
      </View>
    </Section>
  );
}
