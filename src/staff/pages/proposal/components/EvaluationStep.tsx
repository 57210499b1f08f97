import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import { publishEvaluation } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { useAction } from '../../../workbench/use-action';
import { Row } from '../../../workbench/display';
import { FormError } from '../../../workbench/feedback';
import { TextBox } from '../../../workbench/fields';

export function EvaluationStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [summary, setSummary] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!summary.trim()) return action.refuse('summary', '请填写评价结果');
    void action.run(() => publishEvaluation({ id: proposal.id, summary: summary.trim() }), () => onChanged('评价结果已发布'));
  };
  return (
    <Section title='发布评价结果' testId='step-evaluation'>
      <View className='card'>
        <Row label='居民评价'>
          {proposal.ratingCount > 0 ? `${proposal.ratingCount} 位居民评价，平均 ${proposal.ratingAverage.toFixed(1)} 星` : '还没有居民评价'}
        </Row>
        <Text className='info-line'>发布后居民不能再评价。</Text>
        <TextBox label='评价结果' name='summary' required short value={summary} onChange={setSummary} maxlength={TEXT_LIMITS.reason} placeholder='居民满意度、意见汇总和整改情况' error={action.fieldError('summary')} />
        <FormError message={action.formError(['summary'])} />
        <Action block busy={action.busy} busyLabel='正在发布…' onClick={send} testId='send-evaluation'>
          发布评价结果
        </Action>
      </View>
    </Section>
  );
}
