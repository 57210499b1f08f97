import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { ACCEPT_PAGE } from '../appoint';

/**
 * H5: the code as text and as a QR image (qrcode-generator) of the invitation page's address,
 * which the new staff member scans with a phone camera.
 */
export function InviteCode({ code }: { code: string }) {
  const link = `${window.location.origin}${window.location.pathname}#${ACCEPT_PAGE}?code=${code}`;
  const qr = qrcode(0, 'M');
  qr.addData(link);
  qr.make();
  return (
    <View className='invite-code' data-testid='invite-code'>
      <Text className='invite-code__text'>{`${code.slice(0, 4)} ${code.slice(4)}`}</Text>
      <Image className='invite-code__qr' src={qr.createDataURL(6, 12)} mode='aspectFit' aria-label='邀请二维码' />
      <Text className='invite-code__hint'>请新同事扫描二维码，或在“我的”点“我是工作人员，有邀请码”输入邀请码。</Text>
    </View>
  );
}
