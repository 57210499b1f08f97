import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { ProposalView } from '../../../../../types/api';
import type { BudgetLine } from '../../../../../types/domain';
import { draftReport } from '../../../../api/staff';
import { Action } from '../../../../components/Action';
import { Field } from '../../../../components/Field';
import { messageOf } from '../../../../lib/labels';
import { formatFen } from '../../../../lib/money';
import { fenToYuanText, parseYuan, shareText } from '../../../workbench/money-input';
import { useAction } from '../../../workbench/use-action';
import { FormError } from '../../../workbench/feedback';
import { TextBox, TextInput, Tick, YuanInput } from '../../../workbench/fields';
import { FeeCeiling } from './FeeCeiling';

interface LineDraft {
  key: number;
  item: string;
  yuan: string;
  fee: boolean;
}

let nextKey = 1;

function draftOf(line?: BudgetLine): LineDraft {
  return { key: nextKey++, item: line?.item ?? '', yuan: line ? fenToYuanText(line.amountFen) : '', fee: Boolean(line?.fee) };
}

/** The totals of what is typed so far: lines whose amount is not a valid yuan text are left out. */
function liveTotals(lines: LineDraft[]): { totalFen: number; feeFen: number; unreadable: number } {
  let totalFen = 0;
  let feeFen = 0;
  let unreadable = 0;
  for (const line of lines) {
    if (!line.yuan.trim()) continue;
    const parsed = parseYuan(line.yuan);
    if (!parsed.ok) {
      unreadable += 1;
      continue;
    }
    totalFen += parsed.fen;
    if (line.fee) feeFen += parsed.fen;
  }
  return { totalFen, feeFen, unreadable };
}

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
  const totals = liveTotals(lines);

  const change = (key: number, patch: Partial<LineDraft>) => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
    action.reset();
  };

  const save = () => {
    const budgetLines: BudgetLine[] = [];
    for (const [index, line] of lines.entries()) {
      if (!line.item.trim()) return action.refuse(`budgetLines.${index}.item`, '请填写这一项的名称');
      const parsed = parseYuan(line.yuan);
      if (!parsed.ok) return action.refuse(`budgetLines.${index}.amountFen`, parsed.message);
      budgetLines.push({ item: line.item.trim(), amountFen: parsed.fen, ...(line.fee ? { fee: true } : {}) });
    }
    void action.run(() => draftReport({ id: proposal.id, reason: reason.trim(), overview: overview.trim(), plan: plan.trim(), budgetLines }), onSaved);
  };

  const linesError = action.error?.field === 'budgetLines' ? messageOf(action.error) : null;

  return (
    <View className='report-editor' data-testid='report-editor'>
      <TextBox label='申请理由' name='reason' required value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} short placeholder='为什么要做这个项目？' error={action.fieldError('reason')} />
      <TextBox label='项目概述' name='overview' required value={overview} onChange={setOverview} maxlength={TEXT_LIMITS.reason} short placeholder='做什么、在哪里、惠及多少居民' error={action.fieldError('overview')} />
      <TextBox label='实施方案' name='plan' required value={plan} onChange={setPlan} maxlength={TEXT_LIMITS.plan} short placeholder='怎么做、谁来做、什么时候完成' error={action.fieldError('plan')} />

      <Field label='经费预算' name='budgetLines' required hint={proposal.category === 'services' ? '服务管理费请勾选' : undefined}>
        {lines.map((line, index) => (
          <View key={line.key} className='budget-editor__line' data-testid={`budget-line-${index}`}>
            <View className='budget-editor__line-head'>
              <Text>第 {index + 1} 项</Text>
              {lines.length > 1 ? (
                <Action variant='link' onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}>
                  删除
                </Action>
              ) : null}
            </View>
            <TextInput
              label='项目名称'
              name={`budgetLines.${index}.item`}
              value={line.item}
              onChange={(item) => change(line.key, { item })}
              placeholder='如：托管服务'
              maxlength={TEXT_LIMITS.shortText}
              error={action.fieldError(`budgetLines.${index}.item`)}
            />
            <YuanInput
              label='金额'
              name={`budgetLines.${index}.amountFen`}
              value={line.yuan}
              onChange={(yuan) => change(line.key, { yuan })}
              error={action.fieldError(`budgetLines.${index}.amountFen`)}
            />
            <Tick checked={line.fee} onChange={(fee) => change(line.key, { fee })} testId={`fee-${index}`}>
              这一项是服务管理费
            </Tick>
          </View>
        ))}
        <View className='form-actions'>
          <Action variant='secondary' block onClick={() => setLines((current) => [...current, draftOf()])} testId='add-line'>
            ＋ 增加一项
          </Action>
        </View>
        <View className='budget-editor__sum' data-testid='budget-sum'>
          <View className='budget-editor__sum-row'>
            <Text>预算合计</Text>
            <Text className='budget-editor__total' data-testid='budget-total'>
              {formatFen(totals.totalFen)}
            </Text>
          </View>
          <View className='budget-editor__sum-row'>
            <Text className='muted'>其中服务管理费</Text>
            <Text data-testid='fee-share'>
              {formatFen(totals.feeFen)}（占 {shareText(totals.feeFen, totals.totalFen)}）
            </Text>
          </View>
          {proposal.category === 'services' ? <FeeCeiling districtId={proposal.districtId} totalFen={totals.totalFen} feeFen={totals.feeFen} /> : null}
          {totals.unreadable > 0 ? <Text className='info-line'>有 {totals.unreadable} 项金额填写有误，未计入合计</Text> : null}
        </View>
        {linesError ? (
          <View className='form-error' role='alert' data-testid='error-budgetLines'>
            {linesError}
          </View>
        ) : null}
      </Field>
      <FormError message={action.formError(TEXT_FIELDS)} />
      <Action block busy={action.busy} busyLabel='正在保存…' onClick={save} testId='save-report'>
        {report ? '保存修改后的申请报告' : '保存申请报告'}
      </Action>
    </View>
  );
}
