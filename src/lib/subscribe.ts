/**
 * Subscribe messages (订阅消息) exist only in WeChat: on H5 there is nothing to ask for.
 * subscribe.weapp.ts asks for the grant there.
 */

/**
 * What someone may be told about: a resident, their proposal's progress and the answer to their
 * comment; staff, on the workbench, new proposals, deadlines within 3 working days and change
 * requests.
 */
export type NoticeTopic = 'proposal' | 'comment' | 'staff';

export function canAskForNotices(_topic: NoticeTopic): boolean {
  return false;
}

export async function askForNotices(_topic: NoticeTopic): Promise<boolean> {
  return false;
}
