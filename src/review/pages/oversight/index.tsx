import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ApiError, ChecklistEntry, CouncilOverdueItem, OverdueItem } from '../../../../types/api';
import { listChecklist, listOverdue } from '../../../api/staff';
import { LoadMore } from '../../../components/LoadMore';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateWithWeekday } from '../../../lib/dates';
import { useAnswer, usePaged } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { STAFF_PAGES, pageWithId } from '../../../staff/workbench/proposal-info';
import { useGrantScope } from '../../../staff/workbench/grant-scope';
import { OVERSIGHT_ROLES, type PlaceNames, type StaffContext } from '../../../staff/workbench/scope';
import { Chips } from '../../../staff/workbench/fields';
import { ExcelExport } from '../../components/excel-export';
import '../../../staff/workbench/staff.css';

/**
 * 监督检查 (R-SUP-1): for a scope, the records past a deadline (a flag, never a block) and the
 * records with documents missing for their state, with the checklist as CSV.
 */
export default function OversightPage() {
  return <StaffContextPage>{(context) => <Oversight context={context} />}</StaffContextPage>;
}

function Oversight({ context }: { context: StaffContext }) {
  const picked = useGrantScope(context, OVERSIGHT_ROLES);
  if (!picked) return <NoRole message='您没有监督检查的权限' />;
  const { scopeId: scope, names } = picked;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>监督检查</Text>
        <Text className='staff__sub'>逾期只作提示，不影响办理；材料缺失清单供街道自查和区级检查使用。</Text>
        {picked.grantChips}
      </View>
      <Section title='检查范围'>
        <View style={{ padding: '0 24px' }}>
          <Chips label='检查范围' options={picked.units.map((unit) => ({ value: unit.id, label: unit.name }))} value={scope} onChange={picked.pick} />
        </View>
      </Section>
      <OverdueList key={`overdue-${scope}`} scopeId={scope} names={names} />
      <Checklist key={`checklist-${scope}`} scopeId={scope} names={names} />
    </View>
  );
}

function OverdueList({ scopeId, names }: { scopeId: string; names: PlaceNames }) {
  const loadPage = useCallback((cursor?: string) => listOverdue({ scopeId, cursor, limit: 20 }), [scopeId]);
  const list = usePaged<OverdueItem | CouncilOverdueItem>(loadPage);
  return (
    <Section title='逾期事项' extra={<Text>截止日期早的在前</Text>} testId='overdue'>
      <View className='card'>
        <Gate state={list.state} onRetry={() => void list.reload()} rows={2}>
          {(page) =>
            page.items.length === 0 ? (
              <Text className='block muted'>没有逾期的项目</Text>
            ) : (
              <View>
                {page.items.map((item) =>
                  'lastMeetingOn' in item ? (
                    // R-COU-1: a council that has not met within two months.
                    <View key={`council-${item.communityId}`} className='list-row' data-testid='council-overdue'>
                      <View className='staff__tags'>
                        <Text className='muted small'>{names.community(item.communityId)}</Text>
                      </View>
                      <Text className='list-row__title'>居民议事会逾期未召开</Text>
                      <Text className='list-row__flag'>
                        议事会逾期：上次会议 {formatDateWithWeekday(item.lastMeetingOn)}，应于 {formatDateWithWeekday(item.nextDueOn)} 前召开
                      </Text>
                    </View>
                  ) : (
                  <View
                    key={item.id}
                    className='list-row'
                    role='link'
                    aria-label={item.title}
                    onClick={() => void Taro.navigateTo({ url: pageWithId(item.state === 'street_review' ? STAFF_PAGES.decide : STAFF_PAGES.publicDetail, item.id) })}
                  >
                    <View className='staff__tags'>
                      <StateBadge state={item.state} />
                      <Text className='muted small'>{names.community(item.communityId)}</Text>
                    </View>
                    <Text className='list-row__title'>{item.title} ›</Text>
                    {item.overdue.map((flag) => (
                      <Text key={flag.deadline} className='list-row__flag' data-testid={flag.deadline === item.reason ? 'stalled' : undefined}>
                        {/* A stalled project (issue 18) waits since a day; a deadline falls on one. */}
                        {flag.deadline === item.reason && item.since
                          ? `${flag.label}：自 ${formatDateWithWeekday(item.since)} 起未推进，${formatDateWithWeekday(flag.on)} 起停滞`
                          : `${flag.label}：截止 ${formatDateWithWeekday(flag.on)}`}
                      </Text>
                    ))}
                  </View>
                  ),
                )}
                <LoadMore hasMore={Boolean(page.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} endText='以上是全部逾期事项' />
                <ExcelExport request={{ kind: 'overdue', scopeId }} label='导出逾期清单 Excel' />
              </View>
            )
          }
        </Gate>
      </View>
    </Section>
  );
}

interface ChecklistState {
  items: ChecklistEntry[];
  /** The CSV of every page loaded: the first page's header once, then each page's rows. */
  csv: string;
  nextCursor: string | null;
}

function withoutHeader(csv: string): string {
  const end = csv.indexOf('\r\n');
  return end === -1 ? '' : csv.slice(end + 2);
}

function Checklist({ scopeId, names }: { scopeId: string; names: PlaceNames }) {
  const load = useCallback(() => listChecklist({ scopeId, limit: 50 }), [scopeId]);
  const { state, reload } = useAnswer(load);
  const [more, setMore] = useState<{ items: ChecklistEntry[]; csv: string; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // A new first page (a refresh) forgets the pages appended to the old one.
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [state]);

  let shown: ChecklistState | null = null;
  if (state.status === 'ready') {
    shown = {
      items: [...state.data.items, ...(more?.items ?? [])],
      csv: state.data.csv + (more?.csv ?? ''),
      nextCursor: more ? more.nextCursor : state.data.nextCursor,
    };
  }

  const loadMore = async () => {
    if (!shown?.nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    const answer = await listChecklist({ scopeId, cursor: shown.nextCursor, limit: 50 });
    setLoadingMore(false);
    if (!answer.ok) {
      setMoreError(answer.error);
      return;
    }
    setMore((previous) => ({
      items: [...(previous?.items ?? []), ...answer.data.items],
      csv: (previous?.csv ?? '') + withoutHeader(answer.data.csv),
      nextCursor: answer.data.nextCursor,
    }));
  };

  return (
    <Section title='材料缺失清单' testId='checklist'>
      <View className='card'>
        <Gate
          state={state}
          onRetry={() => {
            setMore(null);
            void reload();
          }}
          rows={2}
        >
          {() =>
            shown && shown.items.length === 0 ? (
              <Text className='block muted'>各项目材料齐全</Text>
            ) : shown ? (
              <View>
                {shown.items.map((item) => (
                  <View key={item.id} className='list-row'>
                    <View className='staff__tags'>
                      <StateBadge state={item.state} />
                      <Text className='muted small'>{names.community(item.communityId)}</Text>
                    </View>
                    <Text className='list-row__title'>{item.title}</Text>
                    <Text className='list-row__flag'>缺少：{item.missing.map((missing) => missing.label).join('、')}</Text>
                  </View>
                ))}
                <LoadMore hasMore={Boolean(shown.nextCursor)} loading={loadingMore} error={moreError} onMore={() => void loadMore()} endText='以上是全部缺失材料的项目' />
                <ExcelExport request={{ kind: 'checklist', scopeId }} label='导出材料缺失清单 Excel' />
              </View>
            ) : null
          }
        </Gate>
      </View>
    </Section>
  );
}
