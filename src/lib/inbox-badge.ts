import Taro from '@tarojs/taro';
import { listNotifications } from '../api';

/**
 * The tab bar's pages in the order of app.config.ts (test/ui/inbox.test.tsx holds the two
 * together): a badge is set by the tab's index, not its path.
 */
export const TAB_PAGES = ['pages/home/index', 'pages/projects/index', 'pages/notices/index', 'pages/inbox/index', 'pages/mine/index'] as const;

const INBOX_TAB = TAB_PAGES.indexOf('pages/inbox/index');

/** Shows the unread count on the 消息 tab (99+ beyond), or nothing at 0. The same call on weapp and H5. */
export async function showUnreadBadge(unread: number): Promise<void> {
  try {
    if (unread > 0) await Taro.setTabBarBadge({ index: INBOX_TAB, text: unread > 99 ? '99+' : String(unread) });
    else await Taro.removeTabBarBadge({ index: INBOX_TAB });
  } catch {
    // Not on a tab page right now (WeChat refuses then): the next showing sets it.
  }
}

/** Asks the server for the unread count and shows it; a caller who is not signed in sees none. */
export async function refreshUnreadBadge(): Promise<void> {
  const answer = await listNotifications().catch(() => null);
  if (answer?.ok) await showUnreadBadge(answer.data.unread);
}
