import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../common/glossary';
import type { ProposalView } from '../../types/api';
import { formatDate, shanghaiDateOf } from '../lib/dates';
import { openProposal } from '../lib/navigation';
import { DeadlineTags } from './DeadlineTag';
import { StateBadge } from './StateBadge';
import './ProposalCard.css';

/** A proposal in a list: state, title, place, its running deadlines; a tap opens its story. */
export function ProposalCard({ proposal, children }: { proposal: ProposalView; children?: ReactNode }) {
  return (
    <View
      className='card card--tappable proposal-card'
      role='link'
      data-testid={`proposal-${proposal.id}`}
      onClick={() => openProposal(proposal.id)}
    >
      <View className='proposal-card__top'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='proposal-card__date'>{formatDate(shanghaiDateOf(proposal.createdAt))}提交</Text>
      </View>
      <Text className='proposal-card__title'>{proposal.title}</Text>
      <Text className='proposal-card__location'>地点：{proposal.location}</Text>
      <DeadlineTags proposal={proposal} />
      {children}
      <View className='proposal-card__more'>
        <Text>查看详情</Text>
        <Text className='proposal-card__chevron'>›</Text>
      </View>
    </View>
  );
}
