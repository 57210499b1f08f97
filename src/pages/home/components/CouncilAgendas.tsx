import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../../common/glossary';
import { call } from '../../../api';
import { ErrorState, Skeleton } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateWithWeekday } from '../../../lib/dates';
import { openProposal } from '../../../lib/navigation';
import { useAnswer } from '../../../lib/use-answer';

/** 议事日程: the community's coming council meetings and what they will discuss (published agendas only). */
export function CouncilAgendas({ communityId }: { communityId: string }) {
  const load = useCallback(() => call('council.list', { communityId, upcoming: true, limit: 5 }), [communityId]);
  const { state, reload } = useAnswer(load);
  return (
    <Section title='议事日程' extra={<Text>居民议事会</Text>} testId='home-council'>
      {state.status === 'loading' && <Skeleton rows={1} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <Text className='home__empty'>近期没有已公布的议事会</Text>
        ) : (
          // The nearest meeting first: the server lists the latest day first.
          [...state.data.items].reverse().map((meeting) => (
            <View key={meeting.id} className='card home__meeting' data-testid='council-meeting'>
              <Text className='home__meeting-day'>{formatDateWithWeekday(meeting.meetingOn)} 召开</Text>
              <Text className='home__meeting-note'>议事公示于 {formatDateWithWeekday(meeting.publishedOn)}，审议以下项目：</Text>
              {meeting.proposals.map((proposal) => (
                <View key={proposal.id} className='home__agenda-item' role='button' onClick={() => openProposal(proposal.id)}>
                  <Text className='home__agenda-title'>{proposal.title}</Text>
                  <View className='home__agenda-tags'>
                    <StateBadge state={proposal.state} />
                    <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
                  </View>
                </View>
              ))}
            </View>
          ))
        ))}
    </Section>
  );
}
