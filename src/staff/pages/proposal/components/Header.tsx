import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, DEADLINE_LABELS, SOURCE_LABELS } from '../../../../../common/glossary';
import type { ProposalView } from '../../../../../types/api';
import { DeadlineTags } from '../../../../components/DeadlineTag';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate, shanghaiDateOf } from '../../../../lib/dates';
import { PublicPageLink } from '../../../workbench/proposal-page';

export function Header({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='staff__head'>
      <View className='staff__tags'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='tag tag--grey'>{SOURCE_LABELS[proposal.source]}</Text>
      </View>
      <Text className='staff__title'>{proposal.title}</Text>
      <Text className='staff__sub'>地点：{proposal.location}</Text>
      <Text className='staff__sub'>
        提议人 {proposal.proposer} · {formatDate(shanghaiDateOf(proposal.createdAt))}
      </Text>
      {proposal.overdue.length > 0 ? (
        <View className='form-error' role='alert'>
          已逾期：{proposal.overdue.map((name) => DEADLINE_LABELS[name]).join('、')}
        </View>
      ) : null}
      <DeadlineTags proposal={proposal} />
      {proposal.pendingChangeId ? <View className='warning-bar'>变更申请已提交，等待街道审核</View> : null}
      <PublicPageLink id={proposal.id} />
    </View>
  );
}
