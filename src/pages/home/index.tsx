import { Text, View } from '@tarojs/components';
import type { StateGroup } from '../../../common/glossary';
import type { Directory, HomeBoard, LedgerAnswer, Page, ProposalView } from '../../../types/api';
import { Action } from '../../components/Action';
import { LedgerBar } from '../../components/LedgerBar';
import { AuditHead } from '../../components/AuditHead';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { ProposalCard } from '../../components/ProposalCard';
import { Section } from '../../components/Section';
import { type HomeContext, loadHomeContext, pickCommunity } from '../../lib/community';
import { ComplaintEntry } from '../../components/ComplaintEntry';
import { CouncilAgendas } from './components/CouncilAgendas';
import { PAGES, openPage, openTab } from '../../lib/navigation';
import { communityFilter, handOverFilter } from '../../lib/project-filters';
import { useAnswer } from '../../lib/use-answer';
import './index.css';

/**
 * 首页: my community at a glance — the notices in publicity now, the proposals being collected,
 * the finished projects waiting for ratings and this year's ledger. All public (R-TRN-1): a visitor
 * who has not joined picks a community from the directory to look at.
 */
export default function HomePage() {
  // One request for the whole first screen (issue 17); pull-down and coming back reload it all.
  const { state, reload } = useAnswer(loadHomeContext);

  return (
    <PageShell>
      <View className='home'>
        <View className='home__banner'>
          <Text className='home__title'>民生微实事</Text>
          {state.status === 'ready' && state.data.community ? (
            <View className='home__place' data-testid='home-community'>
              <Text className='home__community-name'>{state.data.community.name}</Text>
              {state.data.joined ? <Text className='home__mine-tag'>我的社区</Text> : null}
              <Text className='home__street-name'>
                {state.data.community.districtName} · {state.data.community.streetName}
              </Text>
            </View>
          ) : (
            <Text className='home__subtitle'>居民提议 · 社区议事 · 公开透明</Text>
          )}
        </View>
        {state.status === 'loading' && <Skeleton rows={4} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' && <HomeContent context={state.data} onChanged={() => void reload()} />}
      </View>
    </PageShell>
  );
}

function HomeContent({ context, onChanged }: { context: HomeContext; onChanged: () => void }) {
  const { me, community, joined, directory, board } = context;
  return (
    <View>
      {me?.name ? (
        <View className='home__greeting' data-testid='greeting'>
          <Text>你好，{me.name}</Text>
        </View>
      ) : null}
      {community ? (
        <View>
          {joined ? (
            <View className='home__cta'>
              <Action block onClick={() => openPage(PAGES.proposalNew)} testId='propose'>
                我要提议
              </Action>
              <Text className='home__cta-hint'>小区里有需要改善的地方？说出您的想法</Text>
            </View>
          ) : (
            <View className='card home__visitor'>
              <Text className='block'>您正在浏览{community.name}。加入社区后，就可以提议、发表意见和评价。</Text>
              <View className='home__visitor-actions'>
                <Action onClick={() => openTab(PAGES.mine)}>加入社区</Action>
                <Action
                  variant='plain'
                  onClick={() => {
                    pickCommunity(null);
                    onChanged();
                  }}
                >
                  换一个社区
                </Action>
              </View>
            </View>
          )}
          {board ? <CommunityBoard board={board} directory={directory} /> : null}
        </View>
      ) : (
        <CommunityPicker directory={directory} onPicked={onChanged} />
      )}
    </View>
  );
}

/** The directory, to pick the community to look at (before joining one). */
function CommunityPicker({ directory, onPicked }: { directory: Directory; onPicked: () => void }) {
  const communityCount = directory.districts.reduce(
    (total, district) => total + district.streets.reduce((sum, street) => sum + street.communities.length, 0),
    0,
  );
  return (
    <Section title='社区名录' extra={<Text>请选择要查看的社区</Text>}>
      {communityCount === 0 ? (
        <EmptyState message='暂无社区' />
      ) : (
        directory.districts.map((district) => (
          <View key={district.id} className='card'>
            <Text className='card__title'>{district.name}</Text>
            {district.streets.map((street) => (
              <View key={street.id} className='home__street'>
                <Text className='home__street-label'>{street.name}</Text>
                <View className='home__communities'>
                  {street.communities.map((community) => (
                    <View
                      key={community.id}
                      className='home__community'
                      role='button'
                      hoverClass='btn--pressed'
                      onClick={() => {
                        pickCommunity(community.id);
                        onPicked();
                      }}
                    >
                      <Text>{community.name}</Text>
                    </View>
                  ))}
                </View>
              </View>
            ))}
          </View>
        ))
      )}
    </Section>
  );
}

/** The community's public board, as home.get answered it: each section its first few, 查看全部 for the rest. */
function CommunityBoard({ board, directory }: { board: HomeBoard; directory: Directory }) {
  const communityId = board.communityId;
  // issue 17: a section shows its first few; 查看全部 opens the 项目 tab on the same community and state group.
  const showAll = (group: StateGroup) => {
    handOverFilter({ ...communityFilter(directory, communityId), group });
    openTab(PAGES.projects);
  };
  return (
    <View>
      <ProposalSection
        first={board.publicity}
        onShowAll={() => showAll('publicity')}
        title='正在公示'
        empty='目前没有正在公示的项目'
        testId='home-publicity'
      />
      <ProposalSection
        first={board.submitted}
        onShowAll={() => showAll('submitted')}
        title='正在征集的提议'
        empty='还没有新的提议，欢迎您提出第一个'
        testId='home-submitted'
      />
      <ProposalSection
        first={board.completed}
        onShowAll={() => showAll('completed')}
        title='已完工，等您评价'
        empty='目前没有等待评价的项目'
        testId='home-completed'
        footer={(proposal) =>
          proposal.myRating ? (
            <Text className='home__rate-hint'>★ 我的评价 {proposal.myRating.stars} 星</Text>
          ) : proposal.allowedActions.includes('rating.set') ? (
            <Text className='home__rate-hint'>★ 欢迎为这个项目打分</Text>
          ) : null
        }
      />
      <LedgerSection ledger={board.ledger} />
      {/* Issue 18: the coming council agendas, and the private complaint channel. */}
      <CouncilAgendas communityId={communityId} />
      <ComplaintEntry communityId={communityId} />
    </View>
  );
}

function ProposalSection({
  first,
  title,
  empty,
  testId,
  footer,
  onShowAll,
}: {
  first: Page<ProposalView>;
  title: string;
  empty: string;
  testId: string;
  footer?: (proposal: ProposalView) => JSX.Element | null;
  onShowAll: () => void;
}) {
  return (
    <Section title={title} testId={testId}>
      {first.items.length === 0 ? (
        <Text className='home__empty'>{empty}</Text>
      ) : (
        <View>
          {first.items.map((proposal) => (
            <ProposalCard key={proposal.id} proposal={proposal}>
              {footer?.(proposal)}
            </ProposalCard>
          ))}
          {first.nextCursor !== null ? (
            <View className='home__all'>
              <Action variant='plain' block onClick={onShowAll} testId={`${testId}-all`}>
                查看全部
              </Action>
            </View>
          ) : null}
        </View>
      )}
    </Section>
  );
}

function LedgerSection({ ledger }: { ledger: LedgerAnswer }) {
  return (
    <Section title={`${ledger.year} 年资金台账`} testId='home-ledger'>
      <View className='card'>
        <LedgerBar ledger={ledger} />
        {/* Issue 14: the audit trail's daily head, public for anyone to keep. */}
        <AuditHead />
      </View>
    </Section>
  );
}
