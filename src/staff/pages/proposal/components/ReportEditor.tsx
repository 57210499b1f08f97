import { useState } from 'react';
import { View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import { draftReport } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { messageOf } from '../../../../lib/labels';
import { useAction } from '../../../workbench/use-action';
import { FormError } from '../../../workbench/feedback';
import { TextBox } from '../../../workbench/fields';
import { BudgetLinesEditor, type LineDraft, draftOf, linesOf } from './BudgetLinesEditor';

const TEXT_FIELDS = ['reason', 'overview', 'plan', 'budgetLines'] as const;

/**
 * 申请报告 (R-REP-1): reason, overview, plan and the budget as lines in yuan, with the live total
 * and the services fee share. Whether the fee share is allowed is the server's answer
 * (fee_ratio_exceeded), shown right below the lines.
 */
export function ReportEditor({ proposal, onSaved }: { proposal: ProposalView; onSaved: (view: ProposalView) => void }) {
  const report = proposal.report;
  const [reason, setReason] = useState(report?.reason ?? '');
  const [overview, setOverview] = useState(report?.overview ?? '');
  const [plan, setPlan] = useState(report?.plan ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() => (report?.budgetLines.length ? report.budgetLines.map(draftOf) : [draftOf()]));
  const action = useAction<ProposalView>();

  const save = () => {
    const typed = linesOf(lines);
    if (!typed.ok) return action.refuse(typed.field, typed.message);
    const budgetLines = typed.lines;
    void action.run(() => draftReport({ id: proposal.id, reason: reason.trim(), overview: overview.trim(), plan: plan.trim(), budgetLines }), onSaved);
  };

  const linesError = action.error?.field === 'budgetLines' ? messageOf(action.error) : null;

  return (
    <View className='report-editor' data-testid='report-editor'>
      <TextBox label='申请理由' name='reason' required value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} short placeholder='为什么要做这个项目？' error={action.fieldError('reason')} />
      <TextBox label='项目概述' name='overview' required value={overview} onChange={setOverview} maxlength={TEXT_LIMITS.reason} short placeholder='做什么、在哪里、惠及多少居民' error={action.fieldError('overview')} />
      <TextBox label='实施方案' name='plan' required value={plan} onChange={setPlan} maxlength={TEXT_LIMITS.plan} short placeholder='怎么做、谁来做、什么时候完成' error={action.fieldError('plan')} />

      <BudgetLinesEditor
        lines={lines}
        onLines={(update) => {
          setLines(update);
          action.reset();
        }}
        category={proposal.category}
        districtId={proposal.districtId}
        fieldError={action.fieldError}
        linesError={linesError}
      />
      <FormError message={action.formError(TEXT_FIELDS)} />
      <Action block busy={action.busy} busyLabel='正在保存…' onClick={save} testId='save-report'>
        {report ? '保存修改后的申请报告' : '保存申请报告'}
      </Action>
    </View>
  );
}
