import { Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { BudgetLine, Category } from '../../../../../types/domain';
import { Action } from '../../../../components/Action';
import { Field } from '../../../../components/Field';
import { formatFen } from '../../../../lib/money';
import { fenToYuanText, parseYuan, shareText } from '../../../workbench/money-input';
import { FeeCeiling } from './FeeCeiling';
import { TextInput, Tick, YuanInput } from '../../../workbench/fields';

export interface LineDraft {
  key: number;
  item: string;
  yuan: string;
  fee: boolean;
}

let nextKey = 1;

export function draftOf(line?: BudgetLine): LineDraft {
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

/** The lines as the API takes them, or the first line's refusal (its field and message). */
export function linesOf(lines: LineDraft[]): { ok: true; lines: BudgetLine[] } | { ok: false; field: string; message: string } {
  const budgetLines: BudgetLine[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.item.trim()) return { ok: false, field: `budgetLines.${index}.item`, message: '请填写这一项的名称' };
    const parsed = parseYuan(line.yuan);
    if (!parsed.ok) return { ok: false, field: `budgetLines.${index}.amountFen`, message: parsed.message };
    budgetLines.push({ item: line.item.trim(), amountFen: parsed.fen, ...(line.fee ? { fee: true } : {}) });
  }
  return { ok: true, lines: budgetLines };
}

/** 经费预算 as lines in yuan, with the live total and the services fee share (the server judges both). */
export function BudgetLinesEditor({
  lines,
  onLines,
  category,
  districtId,
  fieldError,
  linesError,
}: {
  lines: LineDraft[];
  onLines: (update: (current: LineDraft[]) => LineDraft[]) => void;
  category: Category;
  /** The district whose policy's fee ceiling the services fee is shown against. */
  districtId?: string;
  fieldError: (name: string) => string | null;
  linesError: string | null;
}) {
  const totals = liveTotals(lines);
  const change = (key: number, patch: Partial<LineDraft>) => onLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  return (
    <Field label='经费预算' name='budgetLines' required hint={category === 'services' ? '服务管理费请勾选' : undefined}>
      {lines.map((line, index) => (
        <View key={line.key} className='budget-editor__line' data-testid={`budget-line-${index}`}>
          <View className='budget-editor__line-head'>
            <Text>第 {index + 1} 项</Text>
            {lines.length > 1 ? (
              <Action variant='link' onClick={() => onLines((current) => current.filter((other) => other.key !== line.key))}>
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
            error={fieldError(`budgetLines.${index}.item`)}
          />
          <YuanInput
            label='金额'
            name={`budgetLines.${index}.amountFen`}
            value={line.yuan}
            onChange={(yuan) => change(line.key, { yuan })}
            error={fieldError(`budgetLines.${index}.amountFen`)}
          />
          <Tick checked={line.fee} onChange={(fee) => change(line.key, { fee })} testId={`fee-${index}`}>
            这一项是服务管理费
          </Tick>
        </View>
      ))}
      <View className='form-actions'>
        <Action variant='secondary' block onClick={() => onLines((current) => [...current, draftOf()])} testId='add-line'>
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
        {category === 'services' && districtId ? <FeeCeiling districtId={districtId} totalFen={totals.totalFen} feeFen={totals.feeFen} /> : null}
        {totals.unreadable > 0 ? <Text className='info-line'>有 {totals.unreadable} 项金额填写有误，未计入合计</Text> : null}
      </View>
      {linesError ? (
        <View className='form-error' role='alert' data-testid='error-budgetLines'>
          {linesError}
        </View>
      ) : null}
    </Field>
  );
}
