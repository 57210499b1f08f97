import { useCallback } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ProposalView } from '../../../types/api';
import { getProposal } from '../../api';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { PAGES, openTab, proposalPath } from '../../lib/navigation';
import { allows } from '../../lib/proposal';
import { useAnswer } from '../../lib/use-answer';
import { Header, SubmittedBanner } from './components/Header';
import { Explanations } from './components/Explanations';
import { Progress } from './components/Progress';
import { Content } from './components/Content';
import { PublicityCard } from './components/PublicityCard';
import { ReportCard } from './components/ReportCard';
import { ImplementationCard } from './components/ImplementationCard';
import { AuditCard } from './components/AuditCard';
import { PaymentsCard } from './components/PaymentsCard';
import { Ratings } from './components/Ratings';
import { Comments } from './components/Comments';
import { ShareButton } from './components/ShareButton';
import { ProcessRecord } from '../../components/ProcessRecord';
import { ArchiveCard } from '../../components/archive/ArchiveCard';
import { ComplaintEntry } from '../../components/ComplaintEntry';
import './index.css';

/**
 * 项目详情: one proposal's story — its state, every step with its date and the running deadline,
 * the report and budget, the publicity notice, the residents' comments with the community's
 * answers, the ratings and the audit. A button is shown only when its action is in the proposal's
 * `allowedActions`.
 */
export default function ProposalDetailPage() {
  const router = useRouter();
  const id = router?.params?.id ?? '';
  const justSubmitted = router?.params?.submitted === '1';
  return (
    <PageShell>
      {id ? (
        <ProposalLoader id={id} justSubmitted={justSubmitted} />
      ) : (
        <EmptyState message='没有找到这个项目' actionLabel='回到首页' onAction={() => openTab(PAGES.home)} />
      )}
    </PageShell>
  );
}

function ProposalLoader({ id, justSubmitted }: { id: string; justSubmitted: boolean }) {
  const load = useCallback(() => getProposal(id), [id]);
  const { state, reload, refresh } = useAnswer(load);

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.data.title : '民生微实事',
    path: proposalPath(id),
  }));

  return (
    <View className='detail'>
      {state.status === 'loading' && <Skeleton rows={5} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' && <ProposalStory proposal={state.data} justSubmitted={justSubmitted} onChanged={() => void refresh()} />}
    </View>
  );
}

function ProposalStory({ proposal, justSubmitted, onChanged }: { proposal: ProposalView; justSubmitted: boolean; onChanged: () => void }) {
  const canComment = allows(proposal, 'comment.add');
  const canRate = allows(proposal, 'rating.set');
  const showComments = canComment || proposal.commentCount > 0 || Boolean(proposal.publicity);
  const showRatings = canRate || proposal.ratingCount > 0 || Boolean(proposal.evaluation);
  return (
    <View>
      <Header proposal={proposal} />
      {justSubmitted ? <SubmittedBanner /> : null}
      <Explanations proposal={proposal} />
      {canComment ? (
        <>
          <PublicityCard proposal={proposal} />
          <Comments proposal={proposal} onChanged={onChanged} />
        </>
      ) : null}
      {canRate ? <Ratings proposal={proposal} onChanged={onChanged} /> : null}
      {/* A finished project leads with its results. */}
      <AuditCard proposal={proposal} />
      {!canRate && showRatings ? <Ratings proposal={proposal} onChanged={onChanged} /> : null}
      <Progress proposal={proposal} />
      <Content proposal={proposal} />
      {!canComment ? <PublicityCard proposal={proposal} /> : null}
      <ReportCard proposal={proposal} />
      <ImplementationCard proposal={proposal} />
      {/* Issue 18 (payments): paid against planned, per budget line. */}
      <PaymentsCard proposal={proposal} />
      {!canComment && showComments ? <Comments proposal={proposal} onChanged={onChanged} /> : null}
      <ProcessRecord proposal={proposal} />
      {/* Issue 18: the archive's papers, and the private complaint channel at any stage. */}
      <ArchiveCard proposal={proposal} />
      {allows(proposal, 'complaint.submit') ? <ComplaintEntry communityId={proposal.communityId} proposalId={proposal.id} /> : null}
      <ShareButton />
    </View>
  );
}
