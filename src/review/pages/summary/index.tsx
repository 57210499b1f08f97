import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PROPOSAL_STATES, REPORT_WORDS, STATE_LABELS } from '../../../../common/glossary';
import type { SummarySums } from '../../../../types/api';
import type { ProposalState } from '../../../../types/domain';
import { call } from '../../../api';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';
import { useAnswer } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { STAFF_PAGES } from '../../../staff/workbench/proposal-info';
import { type StaffContext } from '../../../staff/workbench/scope';
import { Chips } from '../../../staff/workbench/fields';
import { Bars } from '../../components/Bars';
import { ExcelExport } from '../../components/excel-export';
import { useReportScope, type ReportScope } from '../../components/ReportScope';
import '../../../staff/workbench/staff.css';

/** The states of a project the street approved (the plan's count is of these): 审核通过 and after. */
const APPROVED_ONWARD: readonly ProposalState[] = ['approved', 'publicity', 'implementing', 'completed', 'evaluated', 'audited'];

const PERIODS = [
  { value: 'year', label: '全年' },
  { value: '1', label: '至一季度末' },
  { value: '2', label: '至二季度末' },
  { value: '3', label: '至三季度末' },
] as const;

/**
 * 统计报表 (R-RPT-1, R-PLN-1): the report upward of a street, district or the city for a year or
 * the year to a quarter's end — the counts by state, the money planned, approved, paid and
 * audited per community, the plan against what was approved — as bars of plain Views. The street
 * sets its plan from here when the server offers `plan.set`.
 */
export default function SummaryPage() {
  return <StaffContextPage>{(context) => <Summary context={context} />}</StaffContextPage>;
}

function Summary({ context }: { context: StaffContext }) {
  const { scope, picker } = useReportScope(context);
  const [period, setPeriod] = useState<string>('year');
  if (!scope) return <NoRole message='您没有查看统计报表的权限' />;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>
          {scope.names.scope(scope.scopeId)} · {REPORT_WORDS.summary}
        </Text>
        <Text className='staff__sub'>按年度或截至季度末累计；项目数按提议提交的时间统计，金额按预算年度统计。</Text>
        {picker}
        <Text className='report-scope__label'>期间</Text>
        <Chips label='期间' options={PERIODS} value={period} onChange={setPeriod} />
      </View>
      <Report key={`${scope.scopeId}-${scope.year}-${period}`} scope={scope} quarter={period === 'year' ? undefined : Number(period)} />
    </View>
  );
}

const count = (sums: SummarySums) => PROPOSAL_STATES.reduce((sum, state) => sum + (sums.byState[state] ?? 0), 0);
const approvedCount = (sums: SummarySums) => APPROVED_ONWARD.reduce((sum, state) => sum + (sums.byState[state] ?? 0), 0);
const money = (fen: number) => ({ value: fen, text: formatFen(fen) });
const number = (value: number, unit = '个') => ({ value, text: `${value} ${unit}` });

function Report({ scope, quarter }: { scope: ReportScope; quarter?: number }) {
  const load = useCallback(
    () => call('report.summary', { scopeId: scope.scopeId, year: scope.year, ...(quarter ? { quarter } : {}) }),
    [scope.scopeId, scope.year, quarter],
  );
  const { state, reload } = useAnswer(load);
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(report) => {
        const { total, rows } = report;
        const states = PROPOSAL_STATES.filter((each) => (total.byState[each] ?? 0) > 0);
        return (
          <View data-testid='summary'>
            <Section title='合计' extra={<Text>{`${formatDate(report.from)} 至 ${formatDate(report.through)}`}</Text>} testId='summary-total'>
              <View className='card'>
                <Figure label='项目数' value={`${count(total)} 个`} testId='total-count' />
                <Figure label={`${REPORT_WORDS.planned}项目数`} value={`${total.plannedCount} 个`} />
                <Figure label={`${REPORT_WORDS.planned}金额`} value={formatFen(total.plannedFen)} />
                <Figure label='已批复' value={formatFen(total.approvedFen)} testId='total-approved' />
                <Figure label={REPORT_WORDS.paid} value={formatFen(total.paidFen)} testId='total-paid' />
                <Figure label={REPORT_WORDS.audited} value={formatFen(total.auditedFen)} testId='total-audited' />
                <Figure label='变更 / 撤销' value={`${total.changes} / ${total.withdrawals}`} />
                <Figure label='逾期 / 停滞' value={`${total.overdue} / ${total.stalled}`} />
                <Figure label='议事会召开' value={`${total.meetingsHeld} 次`} />
                <Figure label='居民评价均分' value={total.ratingAverage > 0 ? `${total.ratingAverage} 星` : '暂无评价'} />
                {/* Overdue and stalled are what the records show today, even for a past quarter: the store keeps no past states to count. */}
                <Text className='block muted' data-testid='summary-as-of-today'>
                  逾期、停滞为截至今日的数量
                </Text>
              </View>
            </Section>
            {report.allowedActions.includes('plan.set') ? (
              <View className='form-actions report-plan'>
                <Action
                  variant='secondary'
                  block
                  testId='open-plan'
                  onClick={() => void Taro.navigateTo({ url: `${STAFF_PAGES.plan}?streetId=${encodeURIComponent(scope.scopeId)}&year=${scope.year}` })}
                >
                  {total.plannedCount > 0 || total.plannedFen > 0 ? `修改 ${scope.year} 年${REPORT_WORDS.plan}` : `设置 ${scope.year} 年${REPORT_WORDS.plan}`}
                </Action>
              </View>
            ) : null}
            {report.allowedActions.includes('export.create') ? (
              <View className='card'>
                <ExcelExport request={{ kind: 'summary', scopeId: scope.scopeId, year: scope.year, ...(quarter ? { quarter } : {}) }} label='导出统计报表 Excel' />
              </View>
            ) : null}
            <Section title='各状态项目数' testId='chart-states'>
              <View className='card'>
                {states.length === 0 ? (
                  <Text className='block muted'>本期没有提议</Text>
                ) : (
                  <Bars testId='states' series={[{ key: 'n', label: '项目数' }]} groups={states.map((each) => ({ key: each, label: STATE_LABELS[each], values: { n: number(total.byState[each] ?? 0) } }))} />
                )}
              </View>
            </Section>
            <Section title='各社区资金' testId='chart-money'>
              <View className='card'>
                <Bars
                  testId='money'
                  series={[
                    { key: 'planned', label: REPORT_WORDS.planned },
                    { key: 'approved', label: '已批复' },
                    { key: 'paid', label: REPORT_WORDS.paid },
                    { key: 'audited', label: REPORT_WORDS.audited },
                  ]}
                  groups={rows.map((row) => ({
                    key: row.communityId,
                    label: row.name,
                    values: { planned: money(row.plannedFen), approved: money(row.approvedFen), paid: money(row.paidFen), audited: money(row.auditedFen) },
                  }))}
                />
              </View>
            </Section>
            <Section title='计划与实际项目数' extra={<Text>实际：审核通过及以后</Text>} testId='chart-plan'>
              <View className='card'>
                <Bars
                  testId='plan'
                  series={[
                    { key: 'planned', label: REPORT_WORDS.planned },
                    { key: 'actual', label: '实际' },
                  ]}
                  groups={rows.map((row) => ({ key: row.communityId, label: row.name, values: { planned: number(row.plannedCount), actual: number(approvedCount(row)) } }))}
                />
              </View>
            </Section>
            <Section title='各社区情况' testId='summary-rows'>
              {rows.map((row) => (
                <View key={row.communityId} className='card' data-testid={`row-${row.communityId}`}>
                  <Text className='card__title'>{row.name}</Text>
                  <Figure label='项目数' value={`${count(row)} 个`} />
                  <Figure label='变更 / 撤销' value={`${row.changes} / ${row.withdrawals}`} />
                  <Figure label='逾期 / 停滞' value={`${row.overdue} / ${row.stalled}`} />
                  <Figure label='议事会召开' value={`${row.meetingsHeld} 次`} />
                  <Figure label='居民评价均分' value={row.ratingAverage > 0 ? `${row.ratingAverage} 星` : '暂无评价'} />
                </View>
              ))}
            </Section>
          </View>
        );
      }}
    </Gate>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='staff-kv'>
      <Text className='staff-kv__key'>{label}</Text>
      <Text className='staff-kv__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}
