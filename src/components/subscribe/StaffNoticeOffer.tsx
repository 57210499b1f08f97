import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { askForNotices, canAskForNotices } from '../../lib/subscribe';
import { Action } from '../Action';

/**
 * On the workbench: staff are asked to allow the reminders of their work (a new proposal to
 * screen, a deadline within 3 working days, a change request to decide). Without a grant WeChat
 * refuses every such message (43101). WeChat accepts the request only from a tap, so this is a
 * card with a button, shown each time the workbench opens (a one-time grant allows one message).
 * Hidden on H5 and in a build without the staff templates.
 */
export function StaffNoticeOffer() {
  const [answer, setAnswer] = useState<'open' | 'accepted' | 'declined'>('open');
  if (!canAskForNotices('staff')) return null;
  if (answer === 'accepted') return <Text className='info-line' data-testid='staff-notice-accepted'>已订阅办理提醒</Text>;
  if (answer === 'declined') return null;
  return (
    <View className='card' data-testid='staff-notice-offer'>
      <Text className='info-line'>订阅办理提醒：有新提议、期限在 3 个工作日内到期、有变更申请时，微信会提醒您。</Text>
      <Action variant='secondary' block onClick={() => void askForNotices('staff').then((accepted) => setAnswer(accepted ? 'accepted' : 'declined'))}>
        订阅办理提醒
      </Action>
    </View>
  );
}
