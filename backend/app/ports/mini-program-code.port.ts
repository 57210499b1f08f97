/**
 * Mini-program codes (issue 16): a scannable code that opens a page of the mini-program with a
 * `scene` — in WeChat `wxacode.getUnlimited`, which needs the platform's credentials and so runs
 * in the cloud function only. Locally there is none (the H5 page draws a QR image itself).
 */
export interface MiniProgramCodes {
  /** The PNG bytes of a code opening `page` with `scene` (at most 32 visible characters). Rejects when WeChat refuses. */
  make(input: { scene: string; page: string }): Promise<Uint8Array>;
}
