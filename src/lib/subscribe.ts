/**
 * Subscribe messages (订阅消息) exist only in WeChat: on H5 there is nothing to ask for.
 * subscribe.weapp.ts asks for the grant there.
 */

/** What a resident may be told about: their proposal's progress, the answer to their comment. */
export type NoticeTopic = 'proposal' | 'comment';

export function canAskForNotices(_topic: NoticeTopic): boolean {
  return false;
}

export async function askForNotices(_topic: NoticeTopic): Promise<boolean> {
  return false;
}
