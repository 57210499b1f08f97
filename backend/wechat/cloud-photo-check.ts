import type { FileRemoval } from '../app/ports/file-storage.port';
import type { PhotoCheck, PhotoVerdict } from '../app/ports/photo-check.port';
import { MAX_UPLOAD_BYTES, sniffImageType } from '../local/uploads';
import { errCodeOf } from './wx-cloud';

/**
 * Issue 13: photos uploaded straight to cloud storage are checked before a proposal shows them.
 * The bytes are read back from storage (never trusted from the client): the type by its first
 * bytes, JPEG or PNG (what WeChat's image check takes); the size within the upload limit and
 * the image check's own 1 MB; then `security.imgSecCheck`. A refused photo is deleted from
 * storage by the caller (checkPhotos); a check that cannot answer refuses nothing and shows
 * nothing: the proposal is not submitted, and may be sent again.
 */

/** The calls that need WeChat's credentials: what wx-server-sdk's `cloud` does for us. */
export interface WxMediaApi {
  downloadFile(fileId: string): Promise<Buffer>;
  /** Resolves for an image that passed (errCode 0); rejects with `errCode` 87014 for risky content. */
  imgSecCheck(media: { contentType: string; value: Buffer }): Promise<{ errCode?: number }>;
  deleteFile(fileIds: string[]): Promise<void>;
}

/** WeChat's image check takes at most 1 MB; the mini-program compresses photos below it. */
export const IMAGE_CHECK_MAX_BYTES = 1024 * 1024;
/** imgSecCheck's "risky content". */
const RISKY = 87014;
/** Storage's "no such file". */
const NO_SUCH_FILE = -503003;

export class CloudPhotoCheck implements PhotoCheck, FileRemoval {
  constructor(private readonly media: WxMediaApi) {}

  async check(input: { openid: string; fileId: string }): Promise<PhotoVerdict> {
    let bytes: Buffer;
    try {
      bytes = await this.media.downloadFile(input.fileId);
    } catch (error) {
      if (errCodeOf(error) === NO_SUCH_FILE) return { ok: false, code: 'invalid_input', message: '照片不存在，请重新上传' };
      return { ok: false, code: 'internal', message: '照片暂时无法读取，请稍后再试' };
    }
    const type = sniffImageType(bytes);
    if (type !== 'image/jpeg' && type !== 'image/png') return { ok: false, code: 'invalid_input', message: '只能上传 JPEG 或 PNG 照片' };
    if (bytes.length > Math.min(MAX_UPLOAD_BYTES, IMAGE_CHECK_MAX_BYTES)) {
      return { ok: false, code: 'invalid_input', message: `照片不能超过 ${IMAGE_CHECK_MAX_BYTES / 1024 / 1024} MB，请裁剪后重新上传` };
    }
    try {
      const answer = await this.media.imgSecCheck({ contentType: type, value: bytes });
      const code = answer.errCode ?? 0;
      if (code === RISKY) return { ok: false, code: 'content_rejected', message: '照片未通过内容安全检查，请更换' };
      if (code !== 0) return { ok: false, code: 'internal', message: '照片安全检查暂时不可用，请稍后再试' };
    } catch (error) {
      if (errCodeOf(error) === RISKY) return { ok: false, code: 'content_rejected', message: '照片未通过内容安全检查，请更换' };
      return { ok: false, code: 'internal', message: '照片安全检查暂时不可用，请稍后再试' };
    }
    return { ok: true, contentType: type, bytes: bytes.length };
  }

  async remove(file: string | { id: string }): Promise<void> {
    const fileId = typeof file === 'string' ? file : file.id;
    try {
      await this.media.deleteFile([fileId]);
    } catch (error) {
      if (errCodeOf(error) !== NO_SUCH_FILE) throw error;
    }
  }
}

/** The media calls over wx-server-sdk's `cloud` (permissions: security.imgSecCheck in cloudfunctions/api/config.json). */
export function wxMediaApi(cloud: {
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(options: { fileList: string[] }): Promise<{ fileList?: { fileID: string; status: number; errMsg?: string }[] }>;
  openapi: { security: { imgSecCheck?(options: { media: { contentType: string; value: Buffer } }): Promise<{ errCode?: number }> } };
}): WxMediaApi {
  return {
    async downloadFile(fileId) {
      return (await cloud.downloadFile({ fileID: fileId })).fileContent;
    },
    async imgSecCheck(media) {
      const check = cloud.openapi.security.imgSecCheck;
      if (!check) throw new Error('security.imgSecCheck is not available: add it to the function\'s config.json permissions');
      return check.call(cloud.openapi.security, { media });
    },
    async deleteFile(fileIds) {
      const answer = await cloud.deleteFile({ fileList: fileIds });
      const failed = (answer.fileList ?? []).find((file) => file.status !== 0 && file.status !== NO_SUCH_FILE);
      if (failed) throw Object.assign(new Error(`deleteFile ${failed.fileID}: ${failed.errMsg ?? failed.status}`), { errCode: failed.status });
    },
  };
}
