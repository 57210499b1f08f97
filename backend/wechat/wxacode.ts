import type { MiniProgramCodes } from '../app/ports/mini-program-code.port';
import type { WxCloud } from './wx-cloud';

/** The part of `cloud.openapi` that makes mini-program codes. */
export interface WxaCodeApi {
  getUnlimited(request: { scene: string; page: string; checkPath: boolean; width?: number }): Promise<{ buffer?: Uint8Array; contentType?: string; errCode?: number; errMsg?: string }>;
}

/**
 * `wxacode.getUnlimited` through the cloud function's openapi (no access token to keep): the
 * page must be published unless `checkPath` is false, which lets a trial version scan too.
 */
export class WeChatMiniProgramCodes implements MiniProgramCodes {
  constructor(private readonly cloud: Pick<WxCloud, 'openapi'> & { openapi: { wxacode?: WxaCodeApi } }) {}

  async make(input: { scene: string; page: string }): Promise<Uint8Array> {
    const api = this.cloud.openapi.wxacode;
    if (!api) throw new Error('wxacode is not available in this environment');
    const answer = await api.getUnlimited({ scene: input.scene, page: input.page, checkPath: false, width: 430 });
    if (!answer.buffer || (answer.errCode !== undefined && answer.errCode !== 0)) throw new Error(`wxacode.getUnlimited failed: ${answer.errCode} ${answer.errMsg ?? ''}`);
    return answer.buffer;
  }
}
