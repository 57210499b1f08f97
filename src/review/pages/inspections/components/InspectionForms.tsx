import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { INSPECTION_KIND_LABELS, REPORT_WORDS } from '../../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { Inspection, InspectionKind } from '../../../../../types/domain';
import { call } from '../../../../api';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { addDays } from '../../../../lib/dates';
import { recentDays, todayOf } from '../../../../staff/workbench/days';
import { FormError } from '../../../../staff/workbench/feedback';
import { Chips, DateChoice, TextBox } from '../../../../staff/workbench/fields';
import type { ScopeOption } from '../../../../staff/workbench/scope';
import { useAction } from '../../../../staff/workbench/use-action';

interface FindingDraft {
  text: string;
  /** Days after the check to fix it by; '' for none. */
  within: string;
}

const WITHIN = [
  { value: '', label: '不设期限' },
  { value: '7', label: '7 天内' },
  { value: '15', label: '15 天内' },
  { value: '30', label: '30 天内' },
];

/** R-INS-1: records a check with its findings; the server judges the month, the unit and each finding. */
export function RecordForm({
  kinds,
  initialKind,
  scopeId,
  units,
  onCancel,
  onDone,
}: {
  kinds: InspectionKind[];
  initialKind: InspectionKind;
  scopeId: string;
  /** The units a sampling may look at. */
  units: ScopeOption[];
  onCancel: () => void;
  onDone: (saved: Inspection) => void;
}) {
  const today = todayOf();
  const [kind, setKind] = useState<InspectionKind>(initialKind);
  const [unit, setUnit] = useState(units.find((option) => option.id === scopeId)?.id ?? units[0]?.id ?? scopeId);
  const [heldOn, setHeldOn] = useState(today);
  const [findings, setFindings] = useState<FindingDraft[]>([]);
  const action = useAction<Inspection>();
  const edit = (index: number, part: Partial<FindingDraft>) => {
    setFindings((before) => before.map((finding, at) => (at === index ? { ...finding, ...part } : finding)));
    action.reset();
  };
  const send = () => {
    const empty = findings.findIndex((finding) => !finding.text.trim());
    if (empty >= 0) return action.refuse(`findings.${empty}.text`, '请填写发现的问题，或删除这一条');
    const payload = {
      scopeId: kind === 'sampling' ? unit : scopeId,
      kind,
      heldOn,
      findings: findings.map((finding) => ({ text: finding.text.trim(), ...(finding.within ? { fixBy: addDays(heldOn, Number(finding.within)) } : {}) })),
    };
    void action.run(() => call('inspection.record', payload), onDone);
  };
  return (
    <Section title='登记检查' testId='record-inspection'>
      <View className='card'>
        <Text className='report-scope__label'>检查种类</Text>
        <View className='inspection-choice'>
          <Chips label='检查种类' options={kinds.map((each) => ({ value: each, label: INSPECTION_KIND_LABELS[each] }))} value={kind} onChange={setKind} />
        </View>
        {kind === 'sampling' ? (
          <View className='inspection-choice'>
            <Text className='report-scope__label'>抽查对象</Text>
            <Chips label='抽查对象' options={units.map((option) => ({ value: option.id, label: option.name }))} value={unit} onChange={setUnit} />
          </View>
        ) : null}
        <DateChoice label='检查日期' name='heldOn' required value={heldOn} onChange={setHeldOn} days={recentDays(today)} today={today} error={action.fieldError('heldOn')} />
        {findings.map((finding, index) => (
          <View key={index} className='finding-editor' data-testid={`finding-editor-${index}`}>
            <TextBox
              label={`${REPORT_WORDS.finding} ${index + 1}`}
              name={`findings.${index}.text`}
              short
              value={finding.text}
              onChange={(value) => edit(index, { text: value })}
              placeholder='如：中英街社区路灯项目缺少议事会签到表'
              maxlength={TEXT_LIMITS.reason}
              error={action.fieldError(`findings.${index}.text`)}
            />
            <Text className='report-scope__label'>{REPORT_WORDS.fixBy}</Text>
            <Chips label={REPORT_WORDS.fixBy} options={WITHIN} value={finding.within} onChange={(value) => edit(index, { within: value })} />
            <Action variant='link' onClick={() => setFindings((before) => before.filter((_, at) => at !== index))} testId={`remove-finding-${index}`}>
              删除这一条
            </Action>
          </View>
        ))}
        <Action variant='secondary' block onClick={() => setFindings((before) => [...before, { text: '', within: '15' }])} testId='add-finding'>
          添加发现的问题
        </Action>
        <Text className='info-line'>{findings.length === 0 ? '未添加问题，将登记为“未发现问题”。' : `共 ${findings.length} 条问题`}</Text>
        <FormError message={action.formError(['heldOn', 'findings'])} />
        <View className='confirm__buttons'>
          <Action variant='plain' onClick={onCancel}>
            取消
          </Action>
          <Action busy={action.busy} busyLabel='正在登记…' onClick={send} testId='send-inspection'>
            登记检查结果
          </Action>
        </View>
      </View>
    </Section>
  );
}

/** R-INS-1: how one finding was fixed, with the day and a note. */
export function ResolveForm({ inspection, findingIndex, onDone }: { inspection: Inspection; findingIndex: number; onDone: () => void }) {
  const today = todayOf();
  const [open, setOpen] = useState(false);
  const [resolvedOn, setResolvedOn] = useState(today);
  const [note, setNote] = useState('');
  const action = useAction<Inspection>();
  if (!open) {
    return (
      <View className='step-action'>
        <Action variant='secondary' block onClick={() => setOpen(true)} testId={`open-resolve-${findingIndex}`}>
          登记整改
        </Action>
      </View>
    );
  }
  const send = () => {
    if (!note.trim()) return action.refuse('note', '请填写整改情况');
    void action.run(() => call('inspection.resolve', { id: inspection.id, findingIndex, resolvedOn, note: note.trim() }), onDone);
  };
  return (
    <View className='step-action' data-testid={`resolve-${findingIndex}`}>
      <DateChoice label='整改完成日期' name='resolvedOn' required value={resolvedOn} onChange={setResolvedOn} days={recentDays(today)} today={today} error={action.fieldError('resolvedOn')} />
      <TextBox label='整改情况' name='note' short required value={note} onChange={setNote} placeholder='如：已补齐签到表并归档' maxlength={TEXT_LIMITS.reason} error={action.fieldError('note')} />
      <FormError message={action.formError(['resolvedOn', 'note'])} />
      <View className='confirm__buttons'>
        <Action variant='plain' onClick={() => setOpen(false)}>
          取消
        </Action>
        <Action busy={action.busy} busyLabel='正在提交…' onClick={send} testId={`send-resolve-${findingIndex}`}>
          确认已整改
        </Action>
      </View>
    </View>
  );
}
