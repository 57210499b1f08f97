import { useState } from 'react';
import { View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import { assignImplementation, completeImplementation, startImplementation } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { formatFen } from '../../../../lib/money';
import { recentDays, todayOf } from '../../../workbench/days';
import { useAction } from '../../../workbench/use-action';
import { Row } from '../../../workbench/display';
import { FormError } from '../../../workbench/feedback';
import { DateChoice, TextInput, Tick } from '../../../workbench/fields';

const ASSIGN_FIELDS = ['implementer', 'assignedOn', 'tenderRef'] as const;

export function AssignStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [implementer, setImplementer] = useState('');
  const [assignedOn, setAssignedOn] = useState(today);
  const [tenderRef, setTenderRef] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!implementer.trim()) return action.refuse('implementer', '请填写实施主体');
    void action.run(
      () => assignImplementation({ id: proposal.id, implementer: implementer.trim(), assignedOn, ...(tenderRef.trim() ? { tenderRef: tenderRef.trim() } : {}) }),
      () => onChanged('实施主体已确定'),
    );
  };
  return (
    <Section title='确定实施主体' testId='step-assign'>
      <View className='card'>
        {proposal.approvedBudgetFen !== undefined ? <Row label='批复预算'>{formatFen(proposal.approvedBudgetFen)}</Row> : null}
        <TextInput label='实施主体' name='implementer' required value={implementer} onChange={setImplementer} placeholder='如：田心社工服务社' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('implementer')} />
        <DateChoice label='确定日期' name='assignedOn' required value={assignedOn} onChange={setAssignedOn} days={recentDays(today)} today={today} error={action.fieldError('assignedOn')} />
        <TextInput
          label='招标记录编号'
          name='tenderRef'
          value={tenderRef}
          onChange={setTenderRef}
          placeholder='预算达到招标限额时必填'
          hint='按规定需要招标时填写'
          maxlength={TEXT_LIMITS.shortText}
          error={action.fieldError('tenderRef')}
        />
        <FormError message={action.formError(ASSIGN_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-assign'>
          确定实施主体
        </Action>
      </View>
    </Section>
  );
}

export function StartStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [startedOn, setStartedOn] = useState(today);
  const action = useAction<ProposalView>();
  return (
    <Section title='登记开始实施' testId='step-start'>
      <View className='card'>
        {proposal.implementation ? <Row label='实施主体'>{proposal.implementation.implementer}</Row> : null}
        <DateChoice label='开始实施日期' name='startedOn' required value={startedOn} onChange={setStartedOn} days={recentDays(today)} today={today} error={action.fieldError('startedOn')} />
        <FormError message={action.formError(['startedOn'])} />
        <Action
          block
          busy={action.busy}
          busyLabel='正在提交…'
          onClick={() => void action.run(() => startImplementation({ id: proposal.id, startedOn }), () => onChanged('已登记开始实施'))}
          testId='send-start'
        >
          登记开始实施
        </Action>
      </View>
    </Section>
  );
}

const COMPLETE_FIELDS = [
  'completedOn',
  'maintenanceUnit',
  'maintenanceFunding',
  // Issue 18 (acceptance)
  'acceptance.acceptedOn',
  'acceptance.participants',
  'acceptance.opinion',
] as const;

export function CompleteStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [completedOn, setCompletedOn] = useState(today);
  const [maintenanceUnit, setMaintenanceUnit] = useState('');
  const [maintenanceFunding, setMaintenanceFunding] = useState('');
  // Issue 18 (acceptance): R-ACC-1, the acceptance is asked with the completion (unless one already passed).
  const accepted = proposal.acceptances?.[proposal.acceptances.length - 1]?.passed === true;
  const [participants, setParticipants] = useState('');
  const [opinion, setOpinion] = useState('');
  const [passed, setPassed] = useState(true);
  const action = useAction<ProposalView>();
  const send = () => {
    if (!maintenanceUnit.trim()) return action.refuse('maintenanceUnit', '请填写后续管养单位');
    if (!maintenanceFunding.trim()) return action.refuse('maintenanceFunding', '请填写管养资金安排');
    const names = participants.split(/[，,、\s]+/).map((name) => name.trim()).filter(Boolean);
    // The acceptance may also be recorded on its own later: sent when either field is filled in.
    const giving = !accepted && (names.length > 0 || opinion.trim() !== '');
    if (giving && names.length === 0) return action.refuse('acceptance.participants', '请填写参加验收的人员');
    if (giving && !opinion.trim()) return action.refuse('acceptance.opinion', '请填写验收意见');
    const acceptance = giving ? { acceptance: { acceptedOn: completedOn, participants: names, opinion: opinion.trim(), passed } } : {};
    void action.run(
      () => completeImplementation({ id: proposal.id, completedOn, maintenanceUnit: maintenanceUnit.trim(), maintenanceFunding: maintenanceFunding.trim(), ...acceptance }),
      () => onChanged('已登记完工，居民现在可以评价'),
    );
  };
  return (
    <Section title='登记完工' testId='step-complete'>
      <View className='card'>
        <DateChoice label='完工日期' name='completedOn' required value={completedOn} onChange={setCompletedOn} days={recentDays(today)} today={today} error={action.fieldError('completedOn')} />
        <TextInput label='后续管养单位' name='maintenanceUnit' required value={maintenanceUnit} onChange={setMaintenanceUnit} placeholder='如：田心社区工作站' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('maintenanceUnit')} />
        <TextInput label='管养资金安排' name='maintenanceFunding' required value={maintenanceFunding} onChange={setMaintenanceFunding} placeholder='如：社区党群服务经费' maxlength={TEXT_LIMITS.maintenanceFunding} error={action.fieldError('maintenanceFunding')} />
        {accepted ? null : (
          <>
            <TextInput label='验收参加人员' name='participants' value={participants} onChange={setParticipants} placeholder='多人用顿号分隔，如：社区工作站、居民代表' maxlength={TEXT_LIMITS.reason} error={action.fieldError('acceptance.participants')} />
            <TextInput label='验收意见' name='opinion' value={opinion} onChange={setOpinion} placeholder='如：工程质量合格，同意验收' maxlength={TEXT_LIMITS.reason} error={action.fieldError('acceptance.opinion')} />
            <Tick checked={passed} onChange={setPassed} testId='acceptance-passed'>
              验收合格
            </Tick>
          </>
        )}
        <FormError message={action.formError(COMPLETE_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-complete'>
          登记完工
        </Action>
      </View>
    </Section>
  );
}
