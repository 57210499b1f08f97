import { Text, View } from '@tarojs/components';
import { STATE_LABELS } from '../../../../common/glossary';
import type { ProposalView } from '../../../../types/api';
import { DeadlineTags } from '../../../components/DeadlineTag';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { Timeline, type TimelineStep } from '../../../components/Timeline';
import { formatDate, formatDateRange, shanghaiDateOf } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';

function stepsOf(proposal: ProposalView): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'submitted', title: '提交提议', when: formatDate(shanghaiDateOf(proposal.createdAt)) }];
  const { screening, vote, review, publicity, implementation, evaluation, audit } = proposal;
  if (screening) {
    steps.push({ key: 'screening', title: STATE_LABELS[screening.adopt ? 'adopted' : 'not_adopted'], when: formatDate(screening.decidedOn) });
  }
  // The report carries no date of its own (`Report` has none), so this step shows none.
  if (proposal.report) steps.push({ key: 'report', title: STATE_LABELS.drafted, when: '' });
  if (proposal.meetingOn) steps.push({ key: 'agenda', title: '居民议事会', when: `会议日期 ${formatDate(proposal.meetingOn)}` });
  if (vote) {
    steps.push({
      key: 'vote',
      // The outcome is the proposal's state (council_passed / council_rejected), never recounted here.
      title: '议事会表决',
      when: formatDate(vote.recordedOn),
      detail: (
        <Text>
          出席 {vote.attendance} 人：赞成 {vote.for}，反对 {vote.against}，弃权 {vote.abstain}
        </Text>
      ),
    });
  }
  if (proposal.submittedToStreetOn) steps.push({ key: 'street', title: '提交街道审核', when: formatDate(proposal.submittedToStreetOn) });
  if (review) {
    steps.push({
      key: 'review',
      title: STATE_LABELS[review.outcome],
      when: formatDate(review.decidedOn),
      detail:
        review.outcome === 'approved' && proposal.approvedBudgetFen !== undefined ? <Text>批复预算 {formatFen(proposal.approvedBudgetFen)}</Text> : undefined,
    });
  }
  if (publicity) {
    steps.push({ key: 'publicity', title: '公示', when: formatDateRange(publicity.publishedOn, publicity.endsOn.on) });
  }
  if (implementation) {
    steps.push({ key: 'assigned', title: '确定实施主体', when: formatDate(implementation.assignedOn), detail: <Text>{implementation.implementer}</Text> });
    if (implementation.startedOn) steps.push({ key: 'started', title: '开工', when: formatDate(implementation.startedOn) });
    if (implementation.completedOn) steps.push({ key: 'completed', title: STATE_LABELS.completed, when: formatDate(implementation.completedOn) });
  }
  if (evaluation) steps.push({ key: 'evaluated', title: '评价结果公布', when: formatDate(evaluation.publishedOn) });
  if (audit) steps.push({ key: 'audited', title: '审计结果公布', when: formatDate(audit.publishedOn) });
  if (proposal.state === 'withdrawn') steps.push({ key: 'withdrawn', title: STATE_LABELS.withdrawn, when: '' });
  steps[steps.length - 1].current = true;
  return steps;
}

/** 办理进度: where the proposal is now, its running deadlines, and every step so far. */
export function Progress({ proposal }: { proposal: ProposalView }) {
  return (
    <Section title='办理进度' testId='progress'>
      <View className='card'>
        <View className='detail__now'>
          <Text className='muted'>当前：</Text>
          <StateBadge state={proposal.state} />
        </View>
        <DeadlineTags proposal={proposal} />
        <View className='detail__timeline'>
          <Timeline steps={stepsOf(proposal)} />
        </View>
      </View>
    </Section>
  );
}
