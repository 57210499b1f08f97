/**
 * L1 (issue 14): uploads have limits. One person uploads at most `perDay` files and `bytesPerDay`
 * bytes a day (Asia/Shanghai); beyond either the upload is refused as `rate_limited`.
 */
import { UPLOAD_LIMITS } from '../../common/limits';
import { refusal, type Refusal } from './result';

export interface UploadLimits {
  perDay: number;
  bytesPerDay: number;
}

/** Null when one more upload of `bytes` fits the day's quota after `usage`; the refusal otherwise. */
export function checkUploadQuota(usage: { count: number; bytes: number }, bytes: number, limits: UploadLimits = UPLOAD_LIMITS): Refusal | null {
  if (usage.count + 1 > limits.perDay) return refusal('rate_limited', `今天已上传 ${usage.count} 张图片，每天最多 ${limits.perDay} 张，请明天再传`, 'file');
  if (usage.bytes + bytes > limits.bytesPerDay) {
    return refusal('rate_limited', `今天上传的图片已达 ${Math.floor(limits.bytesPerDay / 1024 / 1024)} MB 的上限，请明天再传`, 'file');
  }
  return null;
}

/** The instant a Shanghai day begins, as ISO 8601 (what the day's usage counts from). */
export function startOfShanghaiDay(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}
