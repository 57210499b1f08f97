import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { STATE_LABELS } from '../../../../common/glossary';
import type { Answer, CommentView, ProposalView } from '../../../../types/api';
import type { ProposalState } from '../../../../types/domain';
import { listComments, listProposals } from '../../../api';
import { moderateComment } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { EmptyState } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { StaffNoticeOffer } from '../../../components/subscribe/StaffNoticeOffer';
import { formatInstant } from '../../../lib/dates';
import { messageOf } from '../../../lib/labels';
import { useAnswer } from '../../../lib/use-answer';
import { StaffContextPage, Gate, NoRole } from '../../workbench/gate';
import { STAFF_PAGES, allows, byNearestDeadline, nextStepOf, pageWithId } from '../../workbench/proposal-info';
import { grantsOf, placeNames, type StaffContext } from '../../workbench/scope';
import { NavTiles, StaffProposalCard } from '../../workbench/display';
import { SuccessNotice } from '../../workbench/feedback';
import { CommunityChips } from '../../workbench/grant-scope';
import '../../workbench/staff.css';

/** The states in which a community worker has work, or follows the street's, in lifecycle order. */
export const WORK_STATES: readonly ProposalState[] = [
  'submitted',
  'adopted',
  'drafted',
  'agenda_published',
  'council_passed',
  'street_review',
  'approved',
  'publicity',
  'implementing',
  'completed',
];

/** How many of a state are loaded for the inbox; more shows as "50+". */
const PER_STATE = 50;

interface StateBucket {
  state: ProposalState;
  items: ProposalView[];
  more: boolean;
}

/**
 * 社区工作台: the community's work by state with counts, nearest deadline first, and the
 * comments waiting for a worker to publish or hide.
 */
export default function StaffInboxPage() {
  return <StaffContextPage>{(context) => <Workbench context={context} />}</StaffContextPage>;
}

function Workbench({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, ['community']);
  const names = placeNames(context.directory);
  const [communityId, setCommunityId] = useState(grants[0]?.scopeId ?? '');
  if (grants.length === 0) return <NoRole message='您还不是社区工作人员，不能使用社区工作台' />;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.community(communityId)} · 社区工作台</Text>
        <Text className='staff__sub'>{context.me.name ? `${context.me.name}，您好` : '您好'}</Text>
        <CommunityChips grants={grants} names={names} value={communityId} onChange={setCommunityId} />
      </View>
      <StaffNoticeOffer />
      <NavTiles
        tiles={[
          { label: '居民议事会', hint: '发布议事公示、录入表决', url: STAFF_PAGES.council, testId: 'open-council' },
          // Issue 16: start a proposal from a proven project
          { label: '项目库', hint: '按成熟方案发起提议', url: STAFF_PAGES.library, testId: 'open-library' },
          // Offline proposals (issue 18)
          { label: '代录提议', hint: '纸质、电话、走访、意见箱', url: `${STAFF_PAGES.behalf}?communityId=${encodeURIComponent(communityId)}`, testId: 'open-behalf' },
          // The home page is a tab: only switchTab reaches it.
          { label: '公开页面', hint: '居民看到的首页', url: '/pages/home/index', tab: true },
        ]}
      />
      <Inbox key={communityId} communityId={communityId} />
    </View>
  );
}

async function loadBuckets(communityId: string): Promise<Answer<StateBucket[]>> {
  const answers = await Promise.all(WORK_STATES.map((state) => listProposals({ communityId, state, limit: PER_STATE })));
  const buckets: StateBucket[] = [];
  for (const [index, answer] of answers.entries()) {
    if (!answer.ok) return answer;
    buckets.push({ state: WORK_STATES[index], items: answer.data.items, more: answer.data.nextCursor !== null });
  }
  return { ok: true, data: buckets };
}

function Inbox({ communityId }: { communityId: string }) {
  const load = useCallback(() => loadBuckets(communityId), [communityId]);
  const { state, reload, refresh } = useAnswer(load);
  const [picked, setPicked] = useState<ProposalState | null>(null);
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(buckets) => {
        const total = buckets.reduce((sum, bucket) => sum + bucket.items.length, 0);
        if (total === 0) {
          return (
            <EmptyState
              message='目前没有需要办理的项目。居民提交提议后会出现在这里。'
              actionLabel='刷新'
              onAction={() => void reload()}
            />
          );
        }
        const shown = buckets
          .filter((bucket) => picked === null || bucket.state === picked)
          .flatMap((bucket) => bucket.items)
          .sort(byNearestDeadline);
        const inPublicity = buckets
          .filter((bucket) => bucket.state === 'publicity' || bucket.state === 'implementing')
          .flatMap((bucket) => bucket.items)
          .filter((proposal) => allows(proposal, 'comment.moderate'));
        return (
          <View>
            <PendingComments proposals={inPublicity} onChanged={() => void refresh()} />
            <Section title='按状态' extra={<Text>点选查看</Text>}>
              <View className='count-tiles' data-testid='state-counts'>
                {buckets.filter((bucket) => bucket.items.length > 0).map((bucket) => (
                  <View
                    key={bucket.state}
                    className={`count-tile${picked === bucket.state ? ' count-tile--on' : ''}`}
                    role='button'
                    aria-pressed={picked === bucket.state}
                    aria-label={`${STATE_LABELS[bucket.state]} ${bucket.items.length} 项`}
                    data-testid={`count-${bucket.state}`}
                    onClick={() => setPicked(picked === bucket.state ? null : bucket.state)}
                  >
                    <Text className='count-tile__count'>
                      {bucket.items.length}
                      {bucket.more ? '+' : ''}
                    </Text>
                    <Text className='count-tile__label'>{STATE_LABELS[bucket.state]}</Text>
                  </View>
                ))}
              </View>
            </Section>
            <Section
              title={picked ? STATE_LABELS[picked] : '全部事项'}
              extra={picked ? <Action variant='link' onClick={() => setPicked(null)}>看全部</Action> : <Text>截止日期近的在前</Text>}
              testId='work-list'
            >
              {shown.length === 0 ? (
                <Text className='info-line' style={{ padding: '0 32px' }}>
                  这一状态下没有项目
                </Text>
              ) : (
                shown.map((proposal) => (
                  <StaffProposalCard
                    key={proposal.id}
                    proposal={proposal}
                    url={pageWithId(STAFF_PAGES.proposal, proposal.id)}
                    next={nextStepOf(proposal)}
                  />
                ))
              )}
            </Section>
          </View>
        );
      }}
    </Gate>
  );
}

interface PendingComment {
  comment: CommentView;
  proposal: ProposalView;
}

async function loadPending(proposals: ProposalView[]): Promise<Answer<PendingComment[]>> {
  const answers = await Promise.all(proposals.map((proposal) => listComments({ proposalId: proposal.id, limit: 50 })));
  const pending: PendingComment[] = [];
  for (const [index, answer] of answers.entries()) {
    if (!answer.ok) return answer;
    for (const comment of answer.data.items) {
      if (comment.status === 'pending') pending.push({ comment, proposal: proposals[index] });
    }
  }
  return { ok: true, data: pending };
}

/** 待审核的意见: comments the content check was unsure of, to publish or hide (R-PUB-2). */
function PendingComments({ proposals, onChanged }: { proposals: ProposalView[]; onChanged: () => void }) {
  const ids = proposals.map((proposal) => proposal.id).join(',');
  // Reloads when the set of proposals changes, not on every render.
  const load = useCallback(() => loadPending(proposals), [ids]);
  const { state, reload, refresh } = useAnswer(load);
  const [decided, setDecided] = useState<string | null>(null);
  const decidedNotice = <SuccessNotice message={decided} testId='moderated' />;
  // Shown only when there is something to decide (or the list failed to load).
  if (proposals.length === 0 || state.status === 'loading' || (state.status === 'ready' && state.data.length === 0)) return decidedNotice;
  return (
    <Section title='待审核的意见' extra={state.status === 'ready' ? <Text>{state.data.length} 条</Text> : undefined} testId='pending-comments'>
      {decidedNotice}
      <Gate state={state} onRetry={() => void reload()} rows={1}>
        {(pending) =>
          pending.map((entry) => (
              <ModerateCard
                key={entry.comment.id}
                entry={entry}
                onDone={(published) => {
                  setDecided(published ? '意见已公开，居民现在可以看到' : '意见已设为不公开');
                  void refresh();
                  onChanged();
                }}
              />
            ))
        }
      </Gate>
    </Section>
  );
}

function ModerateCard({ entry, onDone }: { entry: PendingComment; onDone: (published: boolean) => void }) {
  const [busy, setBusy] = useState<'publish' | 'hide' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const decide = async (publish: boolean) => {
    setBusy(publish ? 'publish' : 'hide');
    setError(null);
    const answer = await moderateComment({ commentId: entry.comment.id, publish });
    setBusy(null);
    if (!answer.ok) {
      setError(messageOf(answer.error));
      return;
    }
    onDone(publish);
  };
  return (
    <View className='comment-staff comment-staff--pending' data-testid='pending-comment'>
      <Text className='comment-staff__for'>项目：{entry.proposal.title}</Text>
      <View className='comment-staff__head'>
        <Text className='comment-staff__author'>{entry.comment.author}</Text>
        <Text className='comment-staff__time'>{formatInstant(entry.comment.createdAt)}</Text>
      </View>
      <Text className='comment-staff__text'>{entry.comment.text}</Text>
      {error ? (
        <View className='form-error' role='alert'>
          {error}
        </View>
      ) : null}
      <View className='comment-staff__buttons'>
        <Action busy={busy === 'publish'} busyLabel='处理中…' disabled={busy !== null} onClick={() => void decide(true)}>
          公开
        </Action>
        <Action variant='plain' busy={busy === 'hide'} busyLabel='处理中…' disabled={busy !== null} onClick={() => void decide(false)}>
          不公开
        </Action>
      </View>
    </View>
  );
}
