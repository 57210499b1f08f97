import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { listProposals } from '../../api';
import { Action } from '../../components/Action';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { ProposalCard } from '../../components/ProposalCard';
import { type CommunityContext, loadCommunityContext } from '../../lib/community';
import {
  NO_FILTER,
  type ProjectFilter,
  communityFilter,
  describeFilter,
  listRequestOf,
  onHandOver,
  takeHandedOverFilter,
  totalText,
} from '../../lib/project-filters';
import { useAnswer, usePaged } from '../../lib/use-answer';
import { FilterPanel } from './components/FilterPanel';
import './index.css';

/**
 * 项目: every proposal of the city in every state, public (R-TRN-1) — narrowed by place, state
 * group, category and year, and searched by a few characters of its title, description or
 * location. Opens on the resident's own community; 全部 widens it to the whole city.
 */
export default function ProjectsPage() {
  const { state, reload } = useAnswer(loadCommunityContext);
  return (
    <PageShell>
      <View className='projects'>
        {state.status === 'loading' && <Skeleton rows={4} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' && <ProjectFinder context={state.data} />}
      </View>
    </PageShell>
  );
}

function startingFilter(context: CommunityContext): ProjectFilter {
  return takeHandedOverFilter() ?? (context.community ? communityFilter(context.directory, context.community.id) : NO_FILTER);
}

function ProjectFinder({ context }: { context: CommunityContext }) {
  const [filter, setFilter] = useState<ProjectFilter>(() => startingFilter(context));
  const [draft, setDraft] = useState(filter.q);
  const [panelOpen, setPanelOpen] = useState(false);

  // The home page's 查看全部 while this tab is already open: take its filter.
  useEffect(
    () =>
      onHandOver(() => {
        const handed = takeHandedOverFilter();
        if (!handed) return;
        setFilter(handed);
        setDraft(handed.q);
        setPanelOpen(false);
      }),
    [],
  );

  const search = (text: string) => setFilter((previous) => ({ ...previous, q: text.trim() }));
  const clear = () => {
    setFilter({ ...NO_FILTER });
    setDraft('');
  };

  return (
    <View>
      <View className='projects__search' role='search'>
        <Input
          className='field__input projects__input'
          value={draft}
          type='text'
          confirmType='search'
          maxlength={50}
          placeholder='搜索标题、内容或地点'
          aria-label='搜索项目'
          data-testid='projects-search'
          onInput={(event) => setDraft(event.detail.value)}
          onConfirm={(event) => search(event.detail.value)}
        />
        <Action className='projects__go' onClick={() => search(draft)} testId='projects-search-go'>
          搜索
        </Action>
      </View>
      <View className='projects__filter-line'>
        <Text className='projects__filter-text' data-testid='projects-filter-summary'>
          {describeFilter(filter, context.directory)}
          {filter.q ? ` · “${filter.q}”` : ''}
        </Text>
        <Action variant='link' onClick={() => setPanelOpen(!panelOpen)} testId='projects-filter-toggle'>
          {panelOpen ? '收起筛选 ▴' : '筛选 ▾'}
        </Action>
      </View>
      {panelOpen ? (
        <FilterPanel
          directory={context.directory}
          filter={filter}
          onChange={setFilter}
          onDone={() => setPanelOpen(false)}
          onClear={clear}
        />
      ) : null}
      <Results filter={filter} onClear={clear} />
    </View>
  );
}

function Results({ filter, onClear }: { filter: ProjectFilter; onClear: () => void }) {
  const [total, setTotal] = useState<number | null>(null);
  const loadPage = useCallback(
    async (cursor?: string) => {
      const answer = await listProposals(listRequestOf(filter, cursor));
      // The count belongs to the first page's answer; later pages repeat it.
      if (answer.ok && !cursor) setTotal(answer.data.total);
      return answer;
    },
    [filter],
  );
  const list = usePaged(loadPage);
  const narrowed = filter.q !== '' || filter.group !== null || filter.category !== null || filter.year !== null || filter.districtId !== null;
  return (
    <View className='projects__results' data-testid='projects-results'>
      {list.state.status === 'loading' && <Skeleton rows={3} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <EmptyState
            message={filter.q ? `没有找到包含“${filter.q}”的项目` : '没有符合条件的项目'}
            actionLabel={narrowed ? '清除筛选，查看全部' : undefined}
            onAction={narrowed ? onClear : undefined}
          />
        ) : (
          <View>
            <View className='projects__total' data-testid='projects-total' role='status'>
              共 {totalText(total ?? list.state.data.items.length)}项目
            </View>
            {list.state.data.items.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} />
            ))}
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
              endText='以上是全部符合条件的项目'
            />
          </View>
        ))}
    </View>
  );
}
