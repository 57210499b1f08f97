import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, CHANNEL_LABELS, DEADLINE_LABELS, SOURCE_LABELS } from '../../../../common/glossary';
import type { ProposalView } from '../../../../types/api';
import { Action } from '../../../components/Action';
import { StateBadge } from '../../../components/StateBadge';
import { formatDate, shanghaiDateOf } from '../../../lib/dates';
import { PAGES, openTab } from '../../../lib/navigation';
import { askForNotices, canAskForNotices } from '../../../lib/subscribe';

export function Header({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='detail__header'>
      <View className='detail__tags'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='tag tag--grey'>{SOURCE_LABELS[proposal.source]}</Text>
      </View>
      <Text className='detail__title'>{proposal.title}</Text>
      <Text className='detail__meta' data-testid='proposer'>
        提议人 {proposal.onBehalfOf ? proposal.onBehalfOf.name : proposal.proposer}
        {proposal.mine && !proposal.onBehalfOf ? '（我）' : ''} · <Text className='nowrap'>{formatDate(shanghaiDateOf(proposal.createdAt))}</Text>
      </Text>
      {/* Issue 18: keyed in by the community from paper, a call, a visit or the mailbox. */}
      {proposal.onBehalfOf ? (
        <Text className='detail__meta' data-testid='channel'>
          来源渠道：{CHANNEL_LABELS[proposal.onBehalfOf.channel]}（社区工作人员代录）
        </Text>
      ) : null}
      <Text className='detail__meta'>地点：{proposal.location}</Text>
      {proposal.overdue.length > 0 ? (
        <View className='detail__overdue' role='alert'>
          已逾期：{proposal.overdue.map((name) => DEADLINE_LABELS[name]).join('、')}
        </View>
      ) : null}
    </View>
  );
}

/** After submitting: confirmation, and on weapp the offer of progress notices (asked on a tap). */
export function SubmittedBanner() {
  const [asked, setAsked] = useState(false);
  return (
    <View className='notice-bar notice-bar--success' data-testid='submitted-banner'>
      <Text className='block'>提议已提交，社区会尽快处理。您可以在“我的”里随时查看进度。</Text>
      <View className='detail__subscribe'>
        {canAskForNotices('proposal') && !asked ? (
          <Action
            variant='secondary'
            onClick={() => {
              setAsked(true);
              void askForNotices('proposal');
            }}
          >
            接收进度通知
          </Action>
        ) : null}
        <Action variant='plain' onClick={() => openTab(PAGES.mine)} testId='go-mine'>
          查看我的提议
        </Action>
      </View>
    </View>
  );
}
