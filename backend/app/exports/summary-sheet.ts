import type { SummaryReport, SummarySums } from '../../../types/api';
import { stalledCountsOf } from '../stalls';
import { buildSummary } from '../summary';
import type { SheetBuilder } from './kinds';
import type { Cell, Sheet } from './sheet';

/** The summary's rows and its 合计 line as a sheet: counts as numbers, money in 元 (the writers convert fen). */
export function summarySheet(report: SummaryReport, title: string): Sheet {
  const line = (name: string, sums: SummarySums): Cell[] => [
    name,
    Object.values(sums.byState).reduce((a, b) => a + (b ?? 0), 0),
    sums.changes,
    sums.withdrawals,
    sums.approvedFen,
    sums.paidFen,
    sums.auditedFen,
    sums.plannedCount,
    sums.plannedFen,
    sums.overdue,
    sums.stalled,
    sums.meetingsHeld,
    // The average is a mark out of five, not a count: kept as text with its one decimal.
    sums.ratingAverage ? sums.ratingAverage.toFixed(1) : '',
  ];
  return {
    title,
    columns: [
      { header: '社区', kind: 'text', width: 14 },
      { header: '项目数', kind: 'count' },
      { header: '变更', kind: 'count' },
      { header: '撤销', kind: 'count' },
      { header: '批复金额（元）', kind: 'yuan', width: 16 },
      { header: '已支付（元）', kind: 'yuan', width: 16 },
      { header: '审计金额（元）', kind: 'yuan', width: 16 },
      { header: '计划项目数', kind: 'count' },
      { header: '计划金额（元）', kind: 'yuan', width: 16 },
      { header: '逾期', kind: 'count' },
      { header: '停滞', kind: 'count' },
      { header: '议事会召开次数', kind: 'count' },
      { header: '居民评价均分', kind: 'text' },
    ],
    rows: [...report.rows.map((row) => line(row.name, row)), line('合计', report.total)],
  };
}

/** R-RPT-1: `export.create` kind `summary` — the same report as `report.summary`, for the year or up to a quarter. */
export const summary: SheetBuilder = async ({ context, scope, scopeId, year, quarter }) => {
  const { store, calendar } = context.services;
  const report = await buildSummary(store, { scope, scopeId, year, quarter, today: context.today }, (filter) => stalledCountsOf(store, filter, context.today, calendar));
  return summarySheet(report, quarter ? `${year}年第${quarter}季度统计` : `${year}年度统计`);
};
