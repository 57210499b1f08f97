import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import type { BudgetLine, Category } from '../../../../../types/domain';
import { messageOf } from '../../../../lib/labels';
import type { ActionRunner } from '../../../workbench/use-action';
import { TextBox } from '../../../workbench/fields';
import { BudgetLinesEditor, type LineDraft, draftOf, linesOf } from './BudgetLinesEditor';

export interface RevisionDraft {
  plan: string;
  setPlan: (plan: string) => void;
  lines: LineDraft[];
  setLines: (update: (current: LineDraft[]) => LineDraft[]) => void;
  /** What change.request takes for kind `revise`: only the parts that differ from the report. */
  payload: () => { ok: true; value: { plan?: string; budgetLines?: BudgetLine[] } } | { ok: false; field: string; message: string };
}

const sameLines = (a: BudgetLine[], b: BudgetLine[]) =>
  a.length === b.length && a.every((line, index) => line.item === b[index].item && line.amountFen === b[index].amountFen && Boolean(line.fee) === Boolean(b[index].fee));

/** R-PUB-3: the redraft starts from the report as it stands. */
export function useRevisionDraft(proposal: ProposalView): RevisionDraft {
  const report = proposal.report;
  const [plan, setPlan] = useState(report?.plan ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() => (report?.budgetLines.length ? report.budgetLines.map(draftOf) : [draftOf()]));
  const payload: RevisionDraft['payload'] = () => {
    const typed = linesOf(lines);
    if (!typed.ok) return typed;
    const newPlan = plan.trim() !== (report?.plan ?? '').trim() ? plan.trim() : undefined;
    const newLines = report && sameLines(typed.lines, report.budgetLines) ? undefined : typed.lines;
    if (newPlan === undefined && newLines === undefined) return { ok: false, field: 'plan', message: '实施方案和经费预算都没有改动' };
    return { ok: true, value: { ...(newPlan !== undefined ? { plan: newPlan } : {}), ...(newLines ? { budgetLines: newLines } : {}) } };
  };
  return { plan, setPlan, lines, setLines, payload };
}

/** 修改实施方案: the plan and the budget lines, redrafted after the publicity comments. */
export function RevisionFields({ draft, category, action }: { draft: RevisionDraft; category: Category; action: ActionRunner<unknown> }) {
  const linesError = action.error?.field === 'budgetLines' ? messageOf(action.error) : null;
  return (
    <View data-testid='revision-fields'>
      <Text className='info-line'>根据公示期间居民的意见修改实施方案或经费预算，街道对照修改前后的内容审核；预算合计变化时重新占用额度。</Text>
      <TextBox label='修改后的实施方案' name='plan' required value={draft.plan} onChange={draft.setPlan} maxlength={TEXT_LIMITS.plan} short error={action.fieldError('plan')} />
      <BudgetLinesEditor lines={draft.lines} onLines={draft.setLines} category={category} fieldError={action.fieldError} linesError={linesError} />
    </View>
  );
}
