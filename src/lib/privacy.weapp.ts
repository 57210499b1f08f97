import Taro from '@tarojs/taro';
import type { PrivacyRequest } from './privacy';
import { wxFailureMessage } from './wx-failure';

/**
 * weapp: WeChat's privacy authorisation (app.json `__usePrivacyCheck__`). When a page calls an API
 * that collects personal information (chooseMedia, chooseLocation, setClipboardData …) before
 * the user agreed to the privacy guide, WeChat holds the call and asks the app through
 * onNeedPrivacyAuthorization; the open page then shows the consent sheet (PrivacySheet), whose
 * agree button has open-type="agreePrivacyAuthorization". Agreeing lets the held call go on;
 * declining makes it fail with errno 104, which the caller turns into a message (wx-failure.ts).
 */

/** The id of the sheet's agree button, given back to WeChat with the agreement. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

type Resolve = (result: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

let pending: { resolve: Resolve; request: PrivacyRequest } | null = null;
const listeners = new Set<(request: PrivacyRequest | null) => void>();

function tell(): void {
  for (const listener of listeners) listener(pending?.request ?? null);
}

export function listenForPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return; // base library < 2.32.3
  Taro.onNeedPrivacyAuthorization((resolve, event) => {
    // A second request while the sheet is open replaces the first: WeChat asks again anyway.
    pending = { resolve: resolve as unknown as Resolve, request: { referrer: event?.referrer ?? '' } };
    tell();
  });
}

export function onPrivacyRequest(listener: (request: PrivacyRequest | null) => void): () => void {
  listeners.add(listener);
  listener(pending?.request ?? null);
  return () => void listeners.delete(listener);
}

function settle(result: Parameters<Resolve>[0]): void {
  const current = pending;
  pending = null;
  current?.resolve(result);
  tell();
}

/** Called from the agree button's agreeprivacyauthorization event. */
export function agreePrivacy(): void {
  settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
}

export function declinePrivacy(): void {
  settle({ event: 'disagree' });
}

/** Opens the privacy guide set in the console; answers a message when it cannot be opened. */
export async function openPrivacyContract(): Promise<string | null> {
  try {
    await Taro.openPrivacyContract({});
    return null;
  } catch (error) {
    return wxFailureMessage(error, '暂时无法打开隐私保护指引，请稍后再试');
  }
}
