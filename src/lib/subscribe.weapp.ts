import Taro from '@tarojs/taro';
import type { NoticeTopic } from './subscribe';
import { wxFailureMessage } from './wx-failure';

/**
 * weapp: asks for the grant to send subscribe messages. WeChat accepts the request only inside a
 * tap handler, so pages call `askForNotices` from a button of their own: a resident after a
 * proposal or a comment, staff on the workbench. The template ids are the server's
 * WX_TEMPLATE_<KIND>, given to the build as TARO_APP_TEMPLATE_<KIND> (config/weapp-env.ts); a
 * topic without a configured template is not offered. A one-time template allows one message per
 * grant, so staff are asked each time they open the workbench (docs/subscribe-messages.md).
 */
function configured(read: () => string | undefined): string {
  try {
    // Replaced at build time when set; otherwise reading `process` may throw in the mini-program.
    return (read() ?? '').trim();
  } catch {
    return '';
  }
}

const TEMPLATES: Record<NoticeTopic, string[]> = {
  proposal: [configured(() => process.env.TARO_APP_TEMPLATE_PROPOSAL_STATE_CHANGED)],
  comment: [configured(() => process.env.TARO_APP_TEMPLATE_COMMENT_ANSWERED)],
  staff: [
    configured(() => process.env.TARO_APP_TEMPLATE_PROPOSAL_SUBMITTED),
    configured(() => process.env.TARO_APP_TEMPLATE_DEADLINE_NEAR),
    configured(() => process.env.TARO_APP_TEMPLATE_CHANGE_REQUESTED),
  ],
};

/** WeChat asks for at most three templates at once. */
const MOST_AT_ONCE = 3;

function templatesOf(topic: NoticeTopic): string[] {
  return TEMPLATES[topic].filter(Boolean).slice(0, MOST_AT_ONCE);
}

export function canAskForNotices(topic: NoticeTopic): boolean {
  return templatesOf(topic).length > 0;
}

/** Asks for the topic's templates; true when at least one was accepted. A failure is said in a toast. */
export async function askForNotices(topic: NoticeTopic): Promise<boolean> {
  const tmplIds = templatesOf(topic);
  if (tmplIds.length === 0) return false;
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, unknown>;
    return tmplIds.some((id) => result[id] === 'accept');
  } catch (error) {
    // 20004: the user turned subscribe messages off in the settings.
    const off = (error as { errCode?: number }).errCode === 20004;
    const message = off ? '您已关闭订阅消息，可在右上角“…”→“设置”中打开' : wxFailureMessage(error, '暂时无法订阅提醒，请稍后再试');
    if (message) await Taro.showToast({ title: message, icon: 'none', duration: 3000 }).catch(() => undefined);
    return false;
  }
}
