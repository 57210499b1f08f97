import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../common/glossary';
import type { Answer, Page, ProposalView } from '../../../types/api';
import type { ProposalState } from '../../../types/domain';
import { listProposals } from '../../api';
import { DateRange } from '../../components/DateRange';
import { DeadlineTag } from '../../components/DeadlineTag';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { StateBadge } from '../../components/StateBadge';
import { loadCommunityContext } from '../../lib/community';
import { formatFen } from '../../lib/money';
import { PAGES, openProposal, openTab } from '../../lib/navigation';
import { budgetOf, daysLeftOf, timeLimitOf } from '../../lib/proposal';
import { useAnswer, usePaged } from '../../lib/use-answer';
import './index.css';

/**
 * 公示: the publicity notices of my community (R-PUB-1), in two views — 公示中 (open now) and
 * 已结束 (past). Each shows content, location, time limit, budget and the end of its window.
 */
export default function NoticesPage() {
  const { state, reload } = useAnswer(loadCommunityContext);
  const [view, setView] = useState<NoticeView>('open');
  return (
    <PageShell>
      <View className='notices'>
        {state.status === 'loading' && <Skeleton rows={3} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' &&
          (state.data.community ? (
            <View>
              <View className='notices__intro'>
                <Text className='notices__community'>{state.data.community.name}</Text>
                <Text className='notices__explain'>项目实施前公示内容、地点、时限和预算，公示期内欢迎发表意见。</Text>
              </View>
              <ViewSwitch view={view} onSwitch={setView} />
              {view === 'open' ? <OpenNotices communityId={state.data.community.id} /> : <PastNotices communityId={state.data.community.id} />}
            </View>
          ) : (
            <EmptyState message='请先在首页选择您所在的社区' actionLabel='去选择社区' onAction={() => openTab(PAGES.home)} />
          ))}
      </View>
    </PageShell>
  );
}

type NoticeView = 'open' | 'past';
const VIEWS: { view: NoticeView; label: string }[] = [
  { view: 'open', label: '公示中' },
  { view: 'past', label: '已结束' },
];

/** issue 17: 公示中 | 已结束, one list at a time. */
function ViewSwitch({ view, onSwitch }: { view: NoticeView; onSwitch: (view: NoticeView) => void }) {
  return (
    <View className='notices__switch' role='tablist' aria-label='公示'>
      {VIEWS.map((entry) => (
        <View
          key={entry.view}
          className={`notices__view${entry.view === view ? ' notices__view--on' : ''}`}
          role='tab'
          aria-selected={entry.view === view}
          data-testid={`notices-view-${entry.view}`}
          onClick={() => onSwitch(entry.view)}
        >
          {entry.label}
        </View>
      ))}
    </View>
  );
}

/**
 * R-PUB-2: whether a notice is open is the server's answer (`publicityOpen`, judged on the
 * request's day through 24:00 of the last day); the page never counts days itself.
 */
const isOpen = (proposal: ProposalView) => proposal.state === 'publicity' && proposal.publicityOpen !== false;

/** The states a proposal may be in once its publicity began (ended notices are among them). */
const AFTER_PUBLICITY: ProposalState[] = ['publicity', 'implementing', 'completed', 'evaluated', 'audited', 'withdrawn'];

async function loadOpenNotices(communityId: string, cursor?: string): Promise<Answer<Page<ProposalView>>> {
  const answer = await listProposals({ communityId, state: 'publicity', cursor });
  return answer.ok ? { ok: true, data: { ...answer.data, items: answer.data.items.filter(isOpen) } } : answer;
}

function OpenNotices({ communityId }: { communityId: string }) {
  const loadPage = useCallback((cursor?: string) => loadOpenNotices(communityId, cursor), [communityId]);
  const list = usePaged(loadPage);
  return (
    <Section title='正在公示' testId='notices-open'>
      {list.state.status === 'loading' && <Skeleton rows={2} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <EmptyState message='目前没有正在公示的项目' />
        ) : (
          <View>
            {list.state.data.items.map((proposal) => (
              <NoticeCard key={proposal.id} proposal={proposal} open />
            ))}
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
              endText='以上是全部正在公示的项目'
            />
          </View>
        ))}
    </Section>
  );
}

/** How many list pages one "load more" of past notices reads at most while looking for some. */
const PAST_PAGES_PER_LOAD = 5;
const PAST_WANTED = 10;

/**
 * Past notices: the community's proposals whose publicity ended — moved on, or still in
 * `publicity` after the last day — picked from the states after publicity, a few pages per load.
 */
async function loadPastNotices(communityId: string, cursor?: string): Promise<Answer<Page<ProposalView>>> {
  const items: ProposalView[] = [];
  let next: string | null | undefined = cursor;
  for (let page = 0; page < PAST_PAGES_PER_LOAD && items.length < PAST_WANTED; page += 1) {
    const answer = await listProposals({ communityId, states: AFTER_PUBLICITY, cursor: next ?? undefined });
    if (!answer.ok) return answer;
    items.push(...answer.data.items.filter((proposal) => proposal.publicity && !isOpen(proposal)));
    next = answer.data.nextCursor;
    if (!next) break;
  }
  return { ok: true, data: { items, nextCursor: next ?? null } };
}

function PastNotices({ communityId }: { communityId: string }) {
  const loadPage = useCallback((cursor?: string) => loadPastNotices(communityId, cursor), [communityId]);
  const list = usePaged(loadPage);
  return (
    <Section title='已结束的公示' testId='notices-past'>
      {list.state.status === 'loading' && <Skeleton rows={2} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' && (
        <View>
          {list.state.data.items.length === 0 && !list.state.data.nextCursor ? <EmptyState message='还没有已结束的公示' /> : null}
          {list.state.data.items.map((proposal) => (
            <NoticeCard key={proposal.id} proposal={proposal} open={false} />
          ))}
          {list.state.data.items.length > 0 || list.state.data.nextCursor ? (
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
            />
          ) : null}
        </View>
      )}
    </Section>
  );
}

function NoticeCard({ proposal, open }: { proposal: ProposalView; open: boolean }) {
  const budget = budgetOf(proposal);
  const timeLimit = timeLimitOf(proposal);
  const endsOn = proposal.deadlines.publicityEndsOn ?? proposal.publicity?.endsOn;
  return (
    <View
      className={`card card--tappable notice${open ? ' notice--open' : ''}`}
      role='link'
      data-testid={`notice-${proposal.id}`}
      onClick={() => openProposal(proposal.id)}
    >
      <View className='notice__top'>
        {/* Still 公示中 by state after its last day: say that the window ended (R-PUB-2). */}
        {!open && proposal.state === 'publicity' ? <Text className='tag tag--grey'>公示期已结束</Text> : <StateBadge state={proposal.state} />}
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
      </View>
      <Text className='notice__title'>{proposal.title}</Text>
      <Text className='notice__content'>{proposal.report?.overview || proposal.description}</Text>
      <View className='kv'>
        <Text className='kv__key'>地点</Text>
        <Text className='kv__value'>{proposal.location}</Text>
      </View>
      {timeLimit ? (
        <View className='kv'>
          <Text className='kv__key'>实施时限</Text>
          <Text className='kv__value'>{timeLimit}</Text>
        </View>
      ) : null}
      {budget !== undefined ? (
        <View className='kv'>
          <Text className='kv__key'>预算</Text>
          <Text className='kv__value notice__budget'>{formatFen(budget)}</Text>
        </View>
      ) : null}
      {!open && proposal.publicity ? (
        <View className='kv'>
          <Text className='kv__key'>公示期</Text>
          <View className='kv__value'>
            <DateRange from={proposal.publicity.publishedOn} to={proposal.publicity.endsOn.on} />
          </View>
        </View>
      ) : null}
      {open && endsOn ? (
        <DeadlineTag
          name='publicityEndsOn'
          deadline={endsOn}
          overdue={proposal.overdue.includes('publicityEndsOn')}
          daysLeft={daysLeftOf(proposal, 'publicityEndsOn')}
          ended={proposal.ended?.includes('publicityEndsOn')}
        />
      ) : null}
      <View className='notice__foot'>
        <Text>意见 {proposal.commentCount} 条</Text>
        <Text className='notice__go'>{open ? '查看并发表意见 ›' : '查看详情 ›'}</Text>
      </View>
    </View>
  );
}
