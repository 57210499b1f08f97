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
import { DateChoice, TextInput } from '../../../workbench/fields';

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

const COMPLETE_FIELDS = ['completedOn', 'maintenanceUnit', 'maintenanceFunding'] as const;

export function CompleteStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [completedOn, setCompletedOn] = useState(today);
  const [maintenanceUnit, setMaintenanceUnit] = useState('');
  const [maintenanceFunding, setMaintenanceFunding] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!maintenanceUnit.trim()) return action.refuse('maintenanceUnit', '请填写后续管养单位');
    if (!maintenanceFunding.trim()) return action.refuse('maintenanceFunding', '请填写管养资金安排');
    void action.run(
      () => completeImplementation({ id: proposal.id, completedOn, maintenanceUnit: maintenanceUnit.trim(), maintenanceFunding: maintenanceFunding.trim() }),
      () => onChanged('已登记完工，居民现在可以评价'),
    );
  };
  return (
    <Section title='登记完工' testId='step-complete'>
      <View className='card'>
        <DateChoice label='完工日期' name='completedOn' required value={completedOn} onChange={setCompletedOn} days={recentDays(today)} today={today} error={action.fieldError('completedOn')} />
        <TextInput label='后续管养单位' name='maintenanceUnit' required value={maintenanceUnit} onChange={setMaintenanceUnit} placeholder='如：田心社区工作站' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('maintenanceUnit')} />
        <TextInput label='管养资金安排' name='maintenanceFunding' required value={maintenanceFunding} onChange={setMaintenanceFunding} placeholder='如：社区党群服务经费' maxlength={TEXT_LIMITS.maintenanceFunding} error={action.fieldError('maintenanceFunding')} />
        <FormError message={action.formError(COMPLETE_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-complete'>
          登记完工
        </Action>
      </View>
    </Section>
  );
}
