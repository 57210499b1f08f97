/**
 * Subscribe messages (订阅消息) exist only in WeChat: on H5 there is nothing to ask for.
 * subscribe.weapp.ts asks for the grant there.
 */
export const canAskForNotices = false;

export async function askForNotices(): Promise<boolean> {
  return false;
}
