import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../../common/limits';
import type { LibraryEntry } from '../../../../../types/api';
import type { BudgetLine, Category } from '../../../../../types/domain';
import { call } from '../../../../api';
import { Action } from '../../../../components/Action';
import { formatFen } from '../../../../lib/money';
import { fenToYuanText, parseYuan } from '../../../../staff/workbench/money-input';
import { FormError } from '../../../../staff/workbench/feedback';
import { Chips, TextBox, TextInput, Tick, YuanInput } from '../../../../staff/workbench/fields';
import { useAction } from '../../../../staff/workbench/use-action';

interface LineDraft {
  key: number;
  item: string;
  yuan: string;
  fee: boolean;
}

let nextKey = 1;
const draftOf = (line?: BudgetLine): LineDraft => ({ key: nextKey++, item: line?.item ?? '', yuan: line ? fenToYuanText(line.amountFen) : '', fee: Boolean(line?.fee) });

const FIELDS = ['title', 'category', 'plan', 'budgetLines'] as const;

/** 新增 / 编辑项目库条目 (R-SUP-3): title, category, standard plan and budget lines in yuan. */
export function EntryForm({ entry, onDone, onCancel }: { entry?: LibraryEntry; onDone: (saved: LibraryEntry, message: string) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(entry?.title ?? '');
  const [category, setCategory] = useState<Category | null>(entry?.category ?? null);
  const [plan, setPlan] = useState(entry?.plan ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() => (entry ? entry.budgetLines.map(draftOf) : [draftOf()]));
  const action = useAction<LibraryEntry>();
  const total = lines.reduce((sum, line) => {
    const parsed = parseYuan(line.yuan);
    return parsed.ok ? sum + parsed.fen : sum;
  }, 0);
  const change = (key: number, patch: Partial<LineDraft>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));

  const save = () => {
    if (!title.trim()) return action.refuse('title', '请填写项目名称');
    if (!category) return action.refuse('category', '请选择项目类别');
    if (!plan.trim()) return action.refuse('plan', '请填写标准实施方案');
    const budgetLines: BudgetLine[] = [];
    for (const [index, line] of lines.entries()) {
      if (!line.item.trim()) return action.refuse(`budgetLines.${index}.item`, '请填写这一项的名称');
      const parsed = parseYuan(line.yuan);
      if (!parsed.ok) return action.refuse(`budgetLines.${index}.amountFen`, parsed.message);
      budgetLines.push({ item: line.item.trim(), amountFen: parsed.fen, ...(line.fee ? { fee: true } : {}) });
    }
    const body = { title: title.trim(), category, plan: plan.trim(), budgetLines };
    void action.run(
      () => (entry ? call('library.update', { id: entry.id, ...body }) : call('library.add', body)),
      (saved) => onDone(saved, entry ? `已保存对「${saved.title}」的修改` : `已加入项目库：「${saved.title}」`),
    );
  };

  return (
    <View className='card library-form' data-testid='library-form'>
      <Text className='card__title'>{entry ? '编辑项目库条目' : '新增项目库条目'}</Text>
      <TextInput label='项目名称' name='title' required value={title} onChange={setTitle} maxlength={TEXT_LIMITS.libraryTitle} placeholder='如：长者助餐服务' error={action.fieldError('title')} />
      <Chips label='项目类别' options={CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))} value={category} onChange={setCategory} />
      {action.fieldError('category') ? <Text className='form-error'>{action.fieldError('category')}</Text> : null}
      <TextBox label='标准实施方案' name='plan' required short value={plan} onChange={setPlan} maxlength={TEXT_LIMITS.plan} placeholder='怎么做、谁来做、多长时间' error={action.fieldError('plan')} />
      {lines.map((line, index) => (
        <View key={line.key} className='budget-editor__line' data-testid={`library-line-${index}`}>
          <TextInput label={`预算第 ${index + 1} 项`} name={`budgetLines.${index}.item`} value={line.item} onChange={(item) => change(line.key, { item })} maxlength={TEXT_LIMITS.shortText} placeholder='如：助餐服务' error={action.fieldError(`budgetLines.${index}.item`)} />
          <YuanInput label='金额' name={`budgetLines.${index}.amountFen`} value={line.yuan} onChange={(yuan) => change(line.key, { yuan })} error={action.fieldError(`budgetLines.${index}.amountFen`)} />
          <Tick checked={line.fee} onChange={(fee) => change(line.key, { fee })}>
            这一项是服务管理费
          </Tick>
          {lines.length > 1 ? (
            <Action variant='link' onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}>
              删除这一项
            </Action>
          ) : null}
        </View>
      ))}
      <Action variant='secondary' block onClick={() => setLines((current) => [...current, draftOf()])}>
        ＋ 增加一项
      </Action>
      <Text className='block info-line'>预算合计 {formatFen(total)}</Text>
      <FormError message={action.formError(FIELDS)} />
      <View className='form-actions'>
        <Action variant='plain' onClick={onCancel}>
          取消
        </Action>
        <Action busy={action.busy} busyLabel='正在保存…' onClick={save} testId='save-library-entry'>
          {entry ? '保存修改' : '加入项目库'}
        </Action>
      </View>
    </View>
  );
}
