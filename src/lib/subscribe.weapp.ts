import Taro from '@tarojs/taro';

/**
 * weapp: after a proposal or a comment, the resident may allow progress notices. WeChat accepts
 * the request only inside a tap handler, so pages call `askForNotices` from a button of its own.
 * The template ids come from the build environment (TARO_APP_SUBSCRIBE_TEMPLATE_IDS, comma
 * separated, at most three); without them the prompt is not shown.
 */
function configuredTemplateIds(): string[] {
  let configured = '';
  try {
    // Replaced at build time when set; otherwise reading `process` may throw in the mini-program.
    configured = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? '';
  } catch {
    configured = '';
  }
  return configured
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 3);
}

const TEMPLATE_IDS = configuredTemplateIds();

export const canAskForNotices = TEMPLATE_IDS.length > 0;

export async function askForNotices(): Promise<boolean> {
  if (!canAskForNotices) return false;
  try {
    const result = await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: TEMPLATE_IDS });
    return TEMPLATE_IDS.some((id) => result[id] === 'accept');
  } catch {
    return false;
  }
}
