import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call, getDirectory, getProposal } from '../../api';
import type { Answer } from '../../../types/api';
import { LoadMore } from '../../components/LoadMore';
import { ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { findCommunity } from '../../lib/community';
import { useAnswer, usePaged } from '../../lib/use-answer';
import { ComplaintForm } from './components/ComplaintForm';
import { ComplaintItem } from './components/ComplaintItem';
import './index.css';

/**
 * 投诉建议: with `communityId` (and `proposalId`) in the path, the form about that community or
 * project; below it, the caller's own complaints and suggestions with the street's answers.
 */
export default function ComplaintsPage() {
  const router = useRouter();
  const communityId = router?.params?.communityId ?? '';
  const proposalId = router?.params?.proposalId || undefined;
  const loadPage = useCallback((cursor?: string) => call('complaint.list', { cursor, limit: 20 }), []);
  const list = usePaged(loadPage);
  return (
    <PageShell>
      <View className='complaints'>
        {communityId ? (
          <Section title='填写投诉建议' testId='complaint-new'>
            <About communityId={communityId} proposalId={proposalId}>
              {(about) => <ComplaintForm communityId={communityId} proposalId={proposalId} about={about} onSent={(complaint) => list.prepend(complaint)} />}
            </About>
          </Section>
        ) : null}
        <Section title='我的投诉建议' testId='my-complaints'>
          {list.state.status === 'loading' && <Skeleton rows={2} />}
          {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
          {list.state.status === 'ready' &&
            (list.state.data.items.length === 0 ? (
              <Text className='complaint__empty'>您还没有提交过投诉建议</Text>
            ) : (
              <View>
                {list.state.data.items.map((complaint) => (
                  <ComplaintItem key={complaint.id} complaint={complaint} />
                ))}
                <LoadMore hasMore={Boolean(list.state.data.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} />
              </View>
            ))}
        </Section>
      </View>
    </PageShell>
  );
}

/** What the complaint is about, in words: the project's title, else the community's name. */
function About({ communityId, proposalId, children }: { communityId: string; proposalId?: string; children: (about: string) => JSX.Element }) {
  const load = useCallback(async (): Promise<Answer<string>> => {
    if (proposalId) {
      const proposal = await getProposal(proposalId);
      return proposal.ok ? { ok: true, data: `项目“${proposal.data.title}”` } : proposal;
    }
    const directory = await getDirectory();
    return directory.ok ? { ok: true, data: findCommunity(directory.data, communityId)?.name ?? '本社区' } : directory;
  }, [communityId, proposalId]);
  const { state, reload } = useAnswer(load);
  if (state.status === 'loading') return <Skeleton rows={2} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void reload()} />;
  return children(state.data);
}
