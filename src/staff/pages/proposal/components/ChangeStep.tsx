import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CHANGE_KIND_LABELS } from '../../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import type { ChangeKind } from '../../../../../types/domain';
import { requestChange } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { Section } from '../../../../components/Section';
import { formatFen } from '../../../../lib/money';
import { parseYuan } from '../../../workbench/money-input';
import { useAction } from '../../../workbench/use-action';
import { FormError } from '../../../workbench/feedback';
import { Chips, TextBox, YuanInput } from '../../../workbench/fields';
import { RevisionFields, useRevisionDraft } from './RevisionFields';

// Revised plans (issue 18, R-PUB-3): a redraft of the plan and lines is offered once there is a report to redraft.
const CHANGE_KINDS: { value: ChangeKind; label: string }[] = (['adjust', 'withdraw', 'revise'] as const).map((value) => ({ value, label: CHANGE_KIND_LABELS[value] }));

/** R-CHG-1: a change of budget or a withdrawal, for the street to decide. */
export function ChangeStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChangeKind | null>(null);
  const [reason, setReason] = useState('');
  const [budget, setBudget] = useState('');
  const action = useAction<unknown>();
  const revision = useRevisionDraft(proposal);
  const send = () => {
    if (!kind) return action.refuse('kind', '请选择调整预算或撤销项目');
    if (kind === 'revise') {
      if (!reason.trim()) return action.refuse('reason', '请填写修改理由');
      const typed = revision.payload();
      if (!typed.ok) return action.refuse(typed.field, typed.message);
      return void action.run(() => requestChange({ id: proposal.id, kind, reason: reason.trim(), ...typed.value }), () => onChanged('修改后的实施方案已提交街道审核'));
    }
    if (!reason.trim()) return action.refuse('reason', '请填写变更理由');
    let newBudgetFen: number | undefined;
    if (kind === 'adjust') {
      const parsed = parseYuan(budget);
      if (!parsed.ok) return action.refuse('newBudgetFen', parsed.message);
      newBudgetFen = parsed.fen;
    }
    void action.run(
      () => requestChange({ id: proposal.id, kind, reason: reason.trim(), ...(newBudgetFen !== undefined ? { newBudgetFen } : {}) }),
      () => onChanged(kind === 'withdraw' ? '撤销申请已提交街道审核' : '预算调整申请已提交街道审核'),
    );
  };
  return (
    <Section title='变更或撤销' testId='step-change'>
      <View className='card'>
        {!open ? (
          <Action variant='plain' block onClick={() => setOpen(true)} testId='open-change'>
            申请变更或撤销
          </Action>
        ) : (
          <View>
            <Text className='info-line'>变更和撤销须经街道审核；撤销后项目预算退回社区额度。</Text>
            <Chips label='申请类型' options={CHANGE_KINDS} value={kind} onChange={setKind} />
            <View style={{ marginTop: '24px' }}>
              {kind === 'revise' ? <RevisionFields draft={revision} category={proposal.category} action={action} /> : null}
              {kind === 'adjust' ? (
                <YuanInput
                  label='调整后的预算'
                  name='newBudgetFen'
                  required
                  value={budget}
                  onChange={setBudget}
                  hint={proposal.approvedBudgetFen !== undefined ? `现批复 ${formatFen(proposal.approvedBudgetFen)}` : undefined}
                  error={action.fieldError('newBudgetFen')}
                />
              ) : null}
              <TextBox label='变更理由' name='reason' required short value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} placeholder='为什么需要变更或撤销' error={action.fieldError('reason')} />
            </View>
            <FormError message={action.formError(['reason', 'newBudgetFen', 'plan', 'budgetLines'])} />
            <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-change'>
              提交街道审核
            </Action>
          </View>
        )}
      </View>
    </Section>
  );
}
