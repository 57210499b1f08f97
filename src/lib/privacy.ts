/**
 * WeChat's privacy authorisation (用户隐私保护指引) exists only in the mini-program: on H5 the
 * privacy notice of the 我的 page is all there is. privacy.weapp.ts holds the weapp side.
 */

export interface PrivacyRequest {
  /** Which API asked (the page shows the sheet whatever the API). */
  referrer: string;
}

/** Starts listening for WeChat's privacy requests (once, at launch). */
export function listenForPrivacyRequests(): void {}

/** Calls `listener` with the pending request (null when none); answers the unsubscribe. */
export function onPrivacyRequest(_listener: (request: PrivacyRequest | null) => void): () => void {
  return () => undefined;
}

export function agreePrivacy(): void {}

export function declinePrivacy(): void {}

export async function openPrivacyContract(): Promise<string | null> {
  return null;
}
