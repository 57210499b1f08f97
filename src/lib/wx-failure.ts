/**
 * What to tell the user when a WeChat API refuses or fails. WeChat answers a failed call with
 * `{ errMsg: "<api>:fail <reason>", errno? }`; the privacy framework adds errno 104 (the user did
 * not agree to the privacy guide) and 112 (the API is not declared in the guide set in the
 * console). A cancel by the user is not a failure: it answers null, and nothing is shown.
 */

export interface WxError {
  errMsg?: string;
  errno?: number;
}

export const PRIVACY_REFUSED = 104;
export const PRIVACY_NOT_DECLARED = 112;

export const WX_FAILURE_MESSAGES = {
  privacyRefused: '您未同意《隐私保护指引》，无法使用此功能。同意后可再试一次',
  privacyNotDeclared: '此功能未在小程序的隐私保护指引中声明，暂时无法使用，请联系社区工作人员',
  authDenied: '您未授权使用此功能，可在右上角“…”→“设置”中打开后再试',
} as const;

function errorOf(error: unknown): WxError {
  return typeof error === 'object' && error !== null ? (error as WxError) : { errMsg: String(error) };
}

/** The message for a failed call (`fallback` when WeChat gives no known reason); null for a cancel. */
export function wxFailureMessage(error: unknown, fallback: string): string | null {
  const { errMsg = '', errno } = errorOf(error);
  if (errno === PRIVACY_REFUSED) return WX_FAILURE_MESSAGES.privacyRefused;
  if (errno === PRIVACY_NOT_DECLARED) return WX_FAILURE_MESSAGES.privacyNotDeclared;
  if (/cancel/i.test(errMsg)) return null;
  if (/auth (deny|denied)|authorize:fail|permission denied/i.test(errMsg)) return WX_FAILURE_MESSAGES.authDenied;
  return fallback;
}
