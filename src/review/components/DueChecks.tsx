import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INSPECTION_KIND_LABELS } from '../../../common/glossary';
import { call, type AnswerOf } from '../../api';
import { useAnswer } from '../../lib/use-answer';
import { STAFF_PAGES } from '../../staff/workbench/proposal-info';

export type DueCheck = AnswerOf<'inspection.list'>['due'][number];

/**
 * What the reminder of May and November says, as the server counted it (R-INS-1). A district is
 * reminded of its streets' self-checks, which it follows rather than holds.
 */
export function dueText(due: DueCheck, unitName: string, unitKind: string): string {
  const what = INSPECTION_KIND_LABELS[due.kind];
  const followed = due.kind === 'self_check' && unitKind === 'district';
  if (due.done) return followed ? `${due.month} 月各街道${what}均已登记` : `${due.month} 月${what}已登记`;
  if (followed) return `本月（${due.month} 月）为${what}月：请督促各街道开展自查并登记检查结果`;
  return `本月（${due.month} 月）为${what}月：请${unitName}开展检查并登记检查结果`;
}

/** The due checks of this month, each a bar: amber until held, green once it is. */
export function DueBars({
  due,
  unitName,
  unitKind,
  onRecord,
}: {
  due: DueCheck[];
  unitName: string;
  unitKind: string;
  /** Offered for the due checks the caller may record (the server's `recordKinds`). */
  onRecord?: (due: DueCheck) => void;
}) {
  if (due.length === 0) return null;
  return (
    <View data-testid='due-checks'>
      {due.map((item) => {
        const go = onRecord && !item.done ? onRecord : undefined;
        return (
        <View
          key={item.kind}
          className={`notice-bar ${item.done ? 'notice-bar--success' : 'notice-bar--warning'} due-check`}
          role={go ? 'button' : 'status'}
          data-testid={`due-${item.kind}`}
          onClick={() => go?.(item)}
        >
          <Text>{dueText(item, unitName, unitKind)}</Text>
          {go ? <Text className='due-check__go'>去登记 ›</Text> : null}
        </View>
        );
      })}
    </View>
  );
}

/**
 * Issue 18 (due-check reminder): on the reviewers' home page, the checks the unit is due this
 * month (May and November) until they are recorded; a tap opens the inspections page.
 */
export function DueChecksReminder({ scopeId, unitName, unitKind, year }: { scopeId: string; unitName: string; unitKind: string; year: number }) {
  const load = useCallback(() => call('inspection.list', { scopeId, year }), [scopeId, year]);
  const { state } = useAnswer(load);
  if (state.status !== 'ready') return null;
  const open = state.data.due.filter((item) => !item.done);
  const mayRecord = (item: DueCheck) => state.data.recordKinds.includes(item.kind);
  return (
    <DueBars
      due={open}
      unitName={unitName}
      unitKind={unitKind}
      onRecord={open.some(mayRecord) ? () => void Taro.navigateTo({ url: STAFF_PAGES.inspections }) : undefined}
    />
  );
}
