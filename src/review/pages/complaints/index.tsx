import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { COMPLAINT_OUTCOME_LABELS, COMPLAINT_STATUS_LABELS } from '../../../../common/glossary';
import type { ComplaintView } from '../../../../types/api';
import type { ComplaintStatus } from '../../../../types/domain';
import { call } from '../../../api';
import { Action } from '../../../components/Action';
import { LoadMore } from '../../../components/LoadMore';
import { Section } from '../../../components/Section';
import { formatInstant } from '../../../lib/dates';
import { openPage } from '../../../lib/navigation';
import { usePaged } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { STAFF_PAGES, pageWithId } from '../../../staff/workbench/proposal-info';
import { useGrantScope } from '../../../staff/workbench/grant-scope';
import { OVERSIGHT_ROLES, type PlaceNames, type StaffContext } from '../../../staff/workbench/scope';
import { Chips } from '../../../staff/workbench/fields';
import { AnswerForm } from './components/AnswerForm';
import '../../../staff/workbench/staff.css';
import './index.css';

/**
 * 投诉建议 (supervision): the complaints and suggestions of a scope, newest first, for the street,
 * district, city and supervisors in scope; an answer form on each open one while the server lists
 * `complaint.answer` for it (the supervisor only reads).
 */
export default function ComplaintsReviewPage() {
  return <StaffContextPage>{(context) => <Complaints context={context} />}</StaffContextPage>;
}

type Filter = ComplaintStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: COMPLAINT_STATUS_LABELS.open },
  { value: 'answered', label: COMPLAINT_STATUS_LABELS.answered },
  { value: 'all', label: '全部' },
];

function Complaints({ context }: { context: StaffContext }) {
  // Complaints are read by street and above: the communities are not offered as a range.
  const picked = useGrantScope(context, OVERSIGHT_ROLES, (unit) => unit.kind !== 'community');
  const [filter, setFilter] = useState<Filter>('open');
  if (!picked) return <NoRole message='您没有查看投诉建议的权限' />;
  const { scopeId: scope, names } = picked;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>投诉建议</Text>
        <Text className='staff__sub'>居民的投诉建议不公开，只有本人和街道、区、市及监督员能看到；答复后会通知提出人。</Text>
        {picked.grantChips}
      </View>
      <Section title='范围'>
        <View style={{ padding: '0 24px' }}>
          <Chips label='范围' options={picked.units.map((unit) => ({ value: unit.id, label: unit.name }))} value={scope} onChange={picked.pick} />
          <Chips label='状态' options={FILTERS} value={filter} onChange={setFilter} />
        </View>
      </Section>
      <ComplaintList key={`${scope}-${filter}`} scopeId={scope} status={filter === 'all' ? undefined : filter} names={names} />
    </View>
  );
}

function ComplaintList({ scopeId, status, names }: { scopeId: string; status?: ComplaintStatus; names: PlaceNames }) {
  const loadPage = useCallback((cursor?: string) => call('complaint.list', { scopeId, status, cursor, limit: 20 }), [scopeId, status]);
  const list = usePaged<ComplaintView>(loadPage);
  const [answered, setAnswered] = useState<Record<string, ComplaintView>>({});
  return (
    <Section title='投诉建议列表' extra={<Text>新的在前</Text>} testId='complaints'>
      <Gate state={list.state} onRetry={() => void list.reload()} rows={2}>
        {(page) =>
          page.items.length === 0 ? (
            <View className='card'>
              <Text className='block'>没有{status ? COMPLAINT_STATUS_LABELS[status] : ''}的投诉建议</Text>
            </View>
          ) : (
            <View>
              {page.items.map((item) => {
                const complaint = answered[item.id] ?? item;
                return (
                  <View key={complaint.id} className='card' data-testid='complaint'>
                    <View className='review-complaint__head'>
                      <Text className='list-row__title'>{names.community(complaint.communityId)}</Text>
                      <Text className={`review-complaint__status review-complaint__status--${complaint.status}`}>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
                    </View>
                    <Text className='review-complaint__when'>{formatInstant(complaint.createdAt)}</Text>
                    <Text className='review-complaint__text'>{complaint.text}</Text>
                    {complaint.proposalId ? (
                      <Action variant='link' onClick={() => openPage(pageWithId(STAFF_PAGES.publicDetail, complaint.proposalId as string))}>
                        查看相关项目 ›
                      </Action>
                    ) : null}
                    {complaint.answer ? (
                      <View className='review-complaint__answer' data-testid='complaint-answer'>
                        <Text className='block'>处理结果：{COMPLAINT_OUTCOME_LABELS[complaint.answer.outcome]}</Text>
                        <Text className='block'>{complaint.answer.text}</Text>
                      </View>
                    ) : null}
                    {complaint.allowedActions.includes('complaint.answer') ? (
                      <AnswerForm complaint={complaint} onAnswered={(done) => setAnswered((before) => ({ ...before, [done.id]: done }))} />
                    ) : null}
                  </View>
                );
              })}
              <LoadMore hasMore={Boolean(page.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
            </View>
          )
        }
      </Gate>
    </Section>
  );
}
