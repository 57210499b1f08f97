/**
 * Issue 13: a photo the mini-program uploaded straight to cloud storage is checked before any
 * proposal shows it — its type and size from its own bytes, and WeChat's media check — and
 * removed when refused. The calls that need WeChat's credentials (download, imgSecCheck, delete)
 * sit behind this port (backend/wechat/cloud-photo-check.ts); the local door needs none: its
 * uploads were checked and re-encoded as they came in.
 */
export type PhotoVerdict =
  | { ok: true; contentType: string; bytes: number }
  /** `invalid_input`: not an image of an accepted type or size; `content_rejected`: the media check refused it; `internal`: the check could not answer. */
  | { ok: false; code: 'invalid_input' | 'content_rejected' | 'internal'; message: string };

export interface PhotoCheck {
  check(input: { openid: string; fileId: string }): Promise<PhotoVerdict>;
  /** Removes a refused photo from storage (already gone is not an error). */
  remove(fileId: string): Promise<void>;
}
