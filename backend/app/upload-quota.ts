import type { Refusal } from '../domain/result';
import { shanghaiDateOf } from '../domain/calendar';
import { checkUploadQuota, startOfShanghaiDay } from '../domain/uploads';
import type { Store } from './ports/store.port';

/** L1: the refusal of one more upload of `bytes` by `openid` at `now`, or null when it fits the day's quota. */
export async function uploadQuotaRefusal(store: Pick<Store, 'uploadUsage'>, openid: string, now: Date, bytes: number): Promise<Refusal | null> {
  const usage = await store.uploadUsage(openid, startOfShanghaiDay(shanghaiDateOf(now.getTime())));
  return checkUploadQuota(usage, bytes);
}
