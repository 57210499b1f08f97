import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../../common/glossary';
import type { Answer, ProposalView, RoleGrant } from '../../../../types/api';
import type { ProposalState } from '../../../../types/domain';
import { listProposals, type ProposalListRequest } from '../../../api';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { StaffNoticeOffer } from '../../../components/subscribe/StaffNoticeOffer';
import { useAnswer } from '../../../lib/use-answer';
import { STAFF_PAGE } from '../../../onboarding/appoint';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { STAFF_PAGES, allows, nextStepOf, pageWithId } from '../../../staff/workbench/proposal-info';
import { grantsOf, placeNames, type PlaceNames, type StaffContext } from '../../../staff/workbench/scope';
import { NavTiles, StaffProposalCard } from '../../../staff/workbench/display';
import { Chips } from '../../../staff/workbench/fields';
// Issue 18 (summary and inspection screens)
import { currentYear } from '../../../lib/community';
import { DueChecksReminder } from '../../components/DueChecks';
import '../../components/Bars.css';
import '../../../staff/workbench/staff.css';

/** The roles this subpackage is for. */
// Supervision (issue 18): the supervisor reads the same views and changes nothing.
export const REVIEW_ROLES = ['street', 'district', 'city', 'supervisor'] as const;

/**
 * 审核与监督: the street's queue — proposals in street review, the earliest review deadline first
 * with the overdue ones flagged — then the changes waiting for a decision, the projects the street
 * implements and those waiting for the audit.
 */
export default function ReviewQueuePage() {
  return <StaffContextPage>{(context) => <Workbench context={context} />}</StaffContextPage>;
}

function scopeLabel(grant: RoleGrant, names: PlaceNames): string {
  return `${ROLE_LABELS[grant.role]} · ${names.scope(grant.scopeId)}`;
}

function Workbench({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, REVIEW_ROLES);
  const names = placeNames(context.directory);
  const [index, setIndex] = useState(0);
  if (grants.length === 0) return <NoRole message='您没有街道、区或市的审核权限' />;
  const grant = grants[Math.min(index, grants.length - 1)];
  const tiles: { label: string; hint: string; url: string; testId: string }[] = [
    { label: '资金台账', hint: '额度与下达', url: STAFF_PAGES.ledger, testId: 'open-ledger' },
    { label: '监督检查', hint: '逾期与缺失材料', url: STAFF_PAGES.oversight, testId: 'open-oversight' },
    // Complaints and suggestions (issue 18)
    { label: '投诉建议', hint: '答复与处理结果', url: STAFF_PAGES.complaints, testId: 'open-complaints' },
  ];
  // Issue 18 (summary and inspection screens)
  tiles.push(
    { label: '统计报表', hint: '计划与实际、资金', url: STAFF_PAGES.summary, testId: 'open-summary' },
    { label: '检查记录', hint: '自查、检查、抽查', url: STAFF_PAGES.inspections, testId: 'open-inspections' },
  );
  if (grant.role === 'district' || grant.role === 'city') tiles.push({ label: '区级设置', hint: '政策、补助申请', url: STAFF_PAGES.district, testId: 'open-district' });
  // Staff are appointed by invitation and revoked on 人员管理 (issue 16); the supervisor appoints nobody.
  if (grant.role !== 'supervisor') tiles.push({ label: '人员管理', hint: '邀请、撤销工作人员', url: STAFF_PAGE, testId: 'open-staff' });
  // Issue 16: the project library for every reviewer; the working-day calendar for the city.
  tiles.push({ label: '项目库', hint: '成熟项目与评价', url: STAFF_PAGES.library, testId: 'open-library' });
  if (grant.role === 'city') tiles.push({ label: '工作日历', hint: '录入放假安排', url: STAFF_PAGES.calendar, testId: 'open-calendar' });
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.scope(grant.scopeId)} · 审核与监督</Text>
        <Text className='staff__sub'>{context.me.name ? `${context.me.name}（${ROLE_LABELS[grant.role]}）` : ROLE_LABELS[grant.role]}</Text>
        {grants.length > 1 ? (
          <Chips
            label='选择范围'
            options={grants.map((option, position) => ({ value: String(position), label: scopeLabel(option, names) }))}
            value={String(index)}
            onChange={(value) => setIndex(Number(value))}
          />
        ) : null}
      </View>
      {/* Notifications: the street is asked, as the community is, each time its workbench opens (deadlines, change requests). */}
      <StaffNoticeOffer />
      {/* Issue 18 (due-check reminder): the May and November checks, until recorded. */}
      <DueChecksReminder key={`due-${grant.scopeId}`} scopeId={grant.scopeId} unitName={names.scope(grant.scopeId)} unitKind={grant.role} year={currentYear()} />
      <NavTiles tiles={tiles} />
      <Queue key={`${grant.role}@${grant.scopeId}`} grant={grant} names={names} />
    </View>
  );
}

function scopeFilter(grant: RoleGrant): Pick<ProposalListRequest, 'streetId' | 'districtId' | 'communityId'> {
  if (grant.role === 'street') return { streetId: grant.scopeId };
  if (grant.role === 'district' || grant.role === 'supervisor') return { districtId: grant.scopeId };
  return {};
}

const QUEUE_STATES: readonly ProposalState[] = ['street_review', 'approved', 'publicity', 'implementing', 'completed', 'evaluated'];

type Lists = Record<(typeof QUEUE_STATES)[number], { items: ProposalView[]; more: boolean }>;

async function loadQueue(grant: RoleGrant): Promise<Answer<Lists>> {
  const filter = scopeFilter(grant);
  const answers = await Promise.all(QUEUE_STATES.map((state) => listProposals({ ...filter, state, limit: 50 })));
  const lists = {} as Lists;
  for (const [position, answer] of answers.entries()) {
    if (!answer.ok) return answer;
    lists[QUEUE_STATES[position]] = { items: answer.data.items, more: answer.data.nextCursor !== null };
  }
  return { ok: true, data: lists };
}

/** `reviewDueOn` as text compares as dates; the server's date, never recounted here. */
function byReviewDue(a: ProposalView, b: ProposalView): number {
  const da = a.deadlines.reviewDueOn?.on ?? '9999-12-31';
  const db = b.deadlines.reviewDueOn?.on ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : 0;
}

function Queue({ grant, names }: { grant: RoleGrant; names: PlaceNames }) {
  const load = useCallback(() => loadQueue(grant), [grant]);
  const { state, reload } = useAnswer(load);
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(lists) => {
        const inReview = [...lists.street_review.items].sort(byReviewDue);
        const overdue = inReview.filter((proposal) => proposal.overdue.includes('reviewDueOn')).length;
        const afterApproval = [...lists.approved.items, ...lists.publicity.items, ...lists.implementing.items, ...lists.completed.items, ...lists.evaluated.items];
        const changes = afterApproval.filter((proposal) => proposal.pendingChangeId !== undefined);
        const implementing = afterApproval.filter((proposal) =>
          ['implementation.assign', 'implementation.start', 'implementation.complete'].some((action) => allows(proposal, action)),
        );
        const toAudit = lists.evaluated.items.filter((proposal) => allows(proposal, 'audit.publish') || grant.role !== 'street');
        return (
          <View>
            <Section
              title='待审核'
              extra={
                <Text>
                  {inReview.length}
                  {lists.street_review.more ? '+' : ''} 项{overdue > 0 ? `，${overdue} 项已逾期` : ''}
                </Text>
              }
              testId='review-queue'
            >
              {inReview.length === 0 ? (
                <Text className='info-line' style={{ padding: '0 32px' }}>
                  目前没有待审核的项目
                </Text>
              ) : (
                <View>
                  <Text className='info-line' style={{ padding: '0 32px' }}>
                    按审核截止日期排列，最早到期的在前。街道须在收到后 15 个工作日内作出决定。
                  </Text>
                  {inReview.map((proposal) => (
                    <StaffProposalCard
                      key={proposal.id}
                      proposal={proposal}
                      url={pageWithId(STAFF_PAGES.decide, proposal.id)}
                      place={names.community(proposal.communityId)}
                      next={nextStepOf(proposal)}
                    />
                  ))}
                </View>
              )}
            </Section>
            {changes.length > 0 ? (
              <Section title='变更与撤销申请' extra={<Text>{changes.length} 项</Text>} testId='change-queue'>
                {changes.map((proposal) => (
                  <StaffProposalCard
                    key={proposal.id}
                    proposal={proposal}
                    url={pageWithId(STAFF_PAGES.decide, proposal.id)}
                    place={names.community(proposal.communityId)}
                    next={allows(proposal, 'change.decide') ? '审核变更申请' : undefined}
                  />
                ))}
              </Section>
            ) : null}
            {implementing.length > 0 ? (
              <Section title='街道实施的项目' extra={<Text>{implementing.length} 项</Text>} testId='street-implementing'>
                {implementing.map((proposal) => (
                  <StaffProposalCard
                    key={proposal.id}
                    proposal={proposal}
                    url={pageWithId(STAFF_PAGES.proposal, proposal.id)}
                    place={names.community(proposal.communityId)}
                    next={nextStepOf(proposal)}
                  />
                ))}
              </Section>
            ) : null}
            <Section title='待审计' extra={<Text>{toAudit.length} 项</Text>} testId='audit-queue'>
              {toAudit.length === 0 ? (
                <Text className='info-line' style={{ padding: '0 32px' }}>
                  目前没有待发布审计结果的项目
                </Text>
              ) : (
                toAudit.map((proposal) => (
                  <StaffProposalCard
                    key={proposal.id}
                    proposal={proposal}
                    url={pageWithId(STAFF_PAGES.audit, proposal.id)}
                    place={names.community(proposal.communityId)}
                    next={nextStepOf(proposal)}
                  />
                ))
              )}
            </Section>
            <View style={{ padding: '24px' }}>
              <Action variant='plain' block onClick={() => void reload()}>
                刷新
              </Action>
            </View>
          </View>
        );
      }}
    </Gate>
  );
}
