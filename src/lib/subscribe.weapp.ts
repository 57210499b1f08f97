import Taro from '@tarojs/taro';
import type { NoticeTopic } from './subscribe';

/**
 * weapp: after a proposal or a comment, the resident may allow the matching subscribe message.
 * WeChat accepts the request only inside a tap handler, so pages call `askForNotices` from a button
 * of its own. The template ids are the backend's (WX_TEMPLATE_PROPOSAL_STATE_CHANGED,
 * WX_TEMPLATE_COMMENT_ANSWERED), given to the build as TARO_APP_TEMPLATE_PROPOSAL_STATE_CHANGED and
 * TARO_APP_TEMPLATE_COMMENT_ANSWERED; without one the offer is not shown.
 */
function configured(read: () => string | undefined): string {
  try {
    // Replaced at build time when set; otherwise reading `process` may throw in the mini-program.
    return (read() ?? '').trim();
  } catch {
    return '';
  }
}

const TEMPLATES: Record<NoticeTopic, string> = {
  proposal: configured(() => process.env.TARO_APP_TEMPLATE_PROPOSAL_STATE_CHANGED),
  comment: configured(() => process.env.TARO_APP_TEMPLATE_COMMENT_ANSWERED),
};

export function canAskForNotices(topic: NoticeTopic): boolean {
  return TEMPLATES[topic] !== '';
}

export async function askForNotices(topic: NoticeTopic): Promise<boolean> {
  const templateId = TEMPLATES[topic];
  if (!templateId) return false;
  try {
    const result = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [templateId] });
    return (result as unknown as Record<string, unknown>)[templateId] === 'accept';
  } catch {
    return false;
  }
}
