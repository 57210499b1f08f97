import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import { call } from '../../../../api';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { formatDate } from '../../../../lib/dates';
import { recentDays, todayOf } from '../../../workbench/days';
import { FormError } from '../../../workbench/feedback';
import { DateChoice, TextInput, Tick } from '../../../workbench/fields';
import { useAction } from '../../../workbench/use-action';

const FIELDS = ['acceptedOn', 'participants', 'opinion'] as const;

/**
 * Issue 18 (acceptance redo): 验收 held on its own — after a failed one (R-ACC-1: it is held again
 * and the latest counts), or once completed without one. Shown when the server offers
 * `implementation.accept` and the completion form (which asks for it too) is not on the page.
 */
export function AcceptStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const latest = proposal.acceptances?.[proposal.acceptances.length - 1];
  const [acceptedOn, setAcceptedOn] = useState(today);
  const [participants, setParticipants] = useState('');
  const [opinion, setOpinion] = useState('');
  const [passed, setPassed] = useState(true);
  const action = useAction<ProposalView>();
  const send = () => {
    const names = participants.split(/[，,、\s]+/).map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) return action.refuse('participants', '请填写参加验收的人员');
    if (!opinion.trim()) return action.refuse('opinion', '请填写验收意见');
    void action.run(
      () => call('implementation.accept', { id: proposal.id, acceptedOn, participants: names, opinion: opinion.trim(), passed }),
      () => onChanged(passed ? '验收合格，已登记' : '已登记验收不合格，整改后可再次验收'),
    );
  };
  return (
    <Section title={latest && !latest.passed ? '再次验收' : '登记验收'} testId='step-accept'>
      <View className='card'>
        {latest && !latest.passed ? (
          <View className='notice-bar notice-bar--warning accept-failed' data-testid='acceptance-failed'>
            <Text>{`${formatDate(latest.acceptedOn)} 验收不合格：${latest.opinion}`}</Text>
          </View>
        ) : null}
        <DateChoice label='验收日期' name='acceptedOn' required value={acceptedOn} onChange={setAcceptedOn} days={recentDays(today)} today={today} error={action.fieldError('acceptedOn')} />
        <TextInput label='验收参加人员' name='participants' required value={participants} onChange={setParticipants} placeholder='多人用顿号分隔，如：社区工作站、居民代表' maxlength={TEXT_LIMITS.reason} error={action.fieldError('participants')} />
        <TextInput label='验收意见' name='opinion' required value={opinion} onChange={setOpinion} placeholder='如：整改后工程质量合格，同意验收' maxlength={TEXT_LIMITS.reason} error={action.fieldError('opinion')} />
        <Tick checked={passed} onChange={setPassed} testId='accept-passed'>
          验收合格
        </Tick>
        <FormError message={action.formError(FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-accept'>
          登记验收
        </Action>
      </View>
    </Section>
  );
}
