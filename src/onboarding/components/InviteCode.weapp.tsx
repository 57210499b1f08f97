import { Image, Text, View } from '@tarojs/components';
import { call } from '../../api';
import { useAnswer } from '../../lib/use-answer';

/**
 * WeChat: the code as text and as a mini-program code (scene = the code) that the cloud function
 * makes with wxacode.getUnlimited; scanning it opens the invitation page with the code filled in.
 */
export function InviteCode({ code }: { code: string }) {
  const { state } = useAnswer(() => call('invitation.wxacode', { code }));
  return (
    <View className='invite-code' data-testid='invite-code'>
      <Text className='invite-code__text'>{`${code.slice(0, 4)} ${code.slice(4)}`}</Text>
      {state.status === 'ready' ? <Image className='invite-code__qr' src={state.data.image} mode='aspectFit' /> : null}
      {state.status === 'error' ? <Text className='invite-code__hint'>小程序码暂时无法生成，请把邀请码告诉新同事。</Text> : null}
      <Text className='invite-code__hint'>请新同事用微信扫描小程序码，或在“我的”点“我是工作人员，有邀请码”输入邀请码。</Text>
    </View>
  );
}
