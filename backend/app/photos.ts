import type { Failure } from '../domain/result';
import { fail } from './answers';
import type { UseCaseContext } from './action';
import { uploadQuotaRefusal } from './upload-quota';

/**
 * The photos of a new proposal, before anything is written: each must be the caller's own upload
 * (PhotoOwnership); where a PhotoCheck is plugged in (WeChat), each is checked once — type, size,
 * WeChat's media check — and a refused one is removed from storage. A photo that passes is
 * recorded as the caller's file, counted in the day's upload quota (L1) and kept from the sweep
 * once a proposal shows it. Answers the refusal naming the photo, or null.
 */
export async function checkPhotos(context: UseCaseContext, openid: string, photos: readonly string[]): Promise<Failure | null> {
  const { store, photos: ownership, photoCheck } = context.services;
  for (const [index, fileId] of photos.entries()) {
    const field = `photos.${index}`;
    if (!(await ownership.owns(openid, fileId))) return fail('invalid_input', '照片须由本人上传', field);
    if (!photoCheck || (await store.findFile(fileId))) continue;
    const verdict = await photoCheck.check({ openid, fileId });
    if (!verdict.ok) {
      if (verdict.code !== 'internal') await photoCheck.remove(fileId);
      return fail(verdict.code, verdict.message, field);
    }
    const overQuota = await uploadQuotaRefusal(store, openid, new Date(context.at), verdict.bytes);
    if (overQuota) return { ok: false, error: { ...overQuota, field } };
    await store.saveFile({ id: fileId, ownerOpenid: openid, contentType: verdict.contentType, bytes: verdict.bytes, path: fileId, createdAt: context.at });
  }
  return null;
}
