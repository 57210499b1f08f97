import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REPORT_WORDS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { SummaryRow } from '../../../../types/api';
import { call } from '../../../api';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { currentYear } from '../../../lib/community';
import { formatFen } from '../../../lib/money';
import { useAnswer } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { fenToYuanText, parseCount, parseYuan } from '../../../staff/workbench/money-input';
import { grantsOf, placeNames, type StaffContext } from '../../../staff/workbench/scope';
import { Done, FormError } from '../../../staff/workbench/feedback';
import { TextBox, TextInput, YuanInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import '../../../staff/workbench/staff.css';

/**
 * 年度计划 (R-PLN-1): a street's plan for the year — projects and money per community — which the
 * summary shows against what happened. Opened from the summary with `streetId` and `year`;
 * without them, for the caller's first street. Whether the caller may save is the server's
 * `allowedActions` on the street's summary.
 */
export default function PlanPage() {
  const params = useRouter().params;
  return (
    <StaffContextPage>
      {(context) => <Plan context={context} streetId={params.streetId} year={params.year ? Number(params.year) : currentYear()} />}
    </StaffContextPage>
  );
}

function Plan({ context, streetId, year }: { context: StaffContext; streetId?: string; year: number }) {
  const names = placeNames(context.directory);
  const street = streetId ?? grantsOf(context.me, ['street'])[0]?.scopeId;
  const load = useCallback(() => call('report.summary', { scopeId: street ?? '', year }), [street, year]);
  const { state, reload } = useAnswer(load);
  if (!street) return <NoRole message='您没有设置年度计划的权限' />;
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(report) =>
        report.allowedActions.includes('plan.set') ? (
          <View>
            <View className='staff__head'>
              <Text className='staff__title'>
                {names.street(street)} · {year} 年{REPORT_WORDS.plan}
              </Text>
              <Text className='staff__sub'>填写各社区本年度计划实施的项目数和金额；统计报表将计划与实际对照。再次保存会替换原计划。</Text>
            </View>
            <PlanForm streetId={street} year={year} rows={report.rows} />
          </View>
        ) : (
          <NoRole message='您没有设置年度计划的权限' />
        )
      }
    </Gate>
  );
}

interface Line {
  count: string;
  yuan: string;
}

function PlanForm({ streetId, year, rows }: { streetId: string; year: number; rows: SummaryRow[] }) {
  const [lines, setLines] = useState<Line[]>(rows.map((row) => ({ count: row.plannedCount > 0 ? String(row.plannedCount) : '', yuan: row.plannedFen > 0 ? fenToYuanText(row.plannedFen) : '' })));
  const [note, setNote] = useState('');
  const action = useAction<{ items: unknown[] }>();
  const change = (index: number, part: Partial<Line>) => {
    setLines((before) => before.map((line, at) => (at === index ? { ...line, ...part } : line)));
    action.reset();
  };
  const send = () => {
    const items: { communityId: string; plannedCount: number; plannedFen: number }[] = [];
    for (const [index, row] of rows.entries()) {
      const line = lines[index];
      const plannedCount = line.count.trim() ? parseCount(line.count) : 0;
      if (plannedCount === null) return action.refuse(`items.${index}.plannedCount`, '项目数请填写整数');
      const fen = line.yuan.trim() ? parseYuan(line.yuan) : { ok: true as const, fen: 0 };
      if (!fen.ok) return action.refuse(`items.${index}.plannedFen`, fen.message);
      items.push({ communityId: row.communityId, plannedCount, plannedFen: fen.fen });
    }
    void action.run(() => call('plan.set', { streetId, year, items, note: note.trim() }));
  };
  const totalFen = lines.reduce((sum, line) => {
    const parsed = line.yuan.trim() ? parseYuan(line.yuan) : null;
    return sum + (parsed?.ok ? parsed.fen : 0);
  }, 0);
  return (
    <View>
      {rows.map((row, index) => (
        <Section key={row.communityId} title={row.name} testId={`plan-${row.communityId}`}>
          <View className='card'>
            <TextInput
              label={`${REPORT_WORDS.planned}项目数`}
              name={`items.${index}.plannedCount`}
              type='number'
              value={lines[index].count}
              onChange={(value) => change(index, { count: value })}
              placeholder='0'
              maxlength={7}
              error={action.fieldError(`items.${index}.plannedCount`)}
            />
            <YuanInput
              label={`${REPORT_WORDS.planned}金额`}
              name={`items.${index}.plannedFen`}
              value={lines[index].yuan}
              onChange={(value) => change(index, { yuan: value })}
              error={action.fieldError(`items.${index}.plannedFen`)}
            />
          </View>
        </Section>
      ))}
      <Section title='说明' testId='plan-note'>
        <View className='card'>
          <TextBox label='计划说明' name='note' short value={note} onChange={setNote} placeholder='如：重点安排老旧小区适老化改造' maxlength={TEXT_LIMITS.reason} error={action.fieldError('note')} />
          <Text className='info-line' data-testid='plan-total'>
            计划金额合计 {formatFen(totalFen)}
          </Text>
          <FormError message={action.formError(['items', 'note'])} />
          {action.done ? <Done>{`${year} 年${REPORT_WORDS.plan}已保存`}</Done> : null}
          <View className='form-actions'>
            <Action block busy={action.busy} busyLabel='正在保存…' onClick={send} testId='save-plan'>
              保存{REPORT_WORDS.plan}
            </Action>
            {action.done ? (
              <Action variant='plain' block onClick={() => void Taro.navigateBack()} testId='back-to-summary'>
                返回{REPORT_WORDS.summary}
              </Action>
            ) : null}
          </View>
        </View>
      </Section>
    </View>
  );
}
