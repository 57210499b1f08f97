import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';
import { devHeaders, readDevIdentity } from './dev-identity';
import { unreachable } from './transport.types';

// H5: photos go to the local server as multipart/form-data (`POST /api/upload`, field `file`),
// which answers `{ ok: true, data: { fileId } }`. upload.weapp.ts uses cloud storage instead.

/** Photos are shrunk to at most this many pixels on the long side before they leave the phone. */
const MAX_SIDE = 1600;
/** Photos already smaller than this are sent as they are. */
const SMALL_ENOUGH_BYTES = 300 * 1024;

async function compress(original: Blob): Promise<Blob> {
  if (original.size <= SMALL_ENOUGH_BYTES || typeof createImageBitmap !== 'function') return original;
  try {
    const bitmap = await createImageBitmap(original);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const smaller = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return smaller && smaller.size < original.size ? smaller : original;
  } catch {
    return original;
  }
}

/** Photos the user chose (temporary paths), or why none could be chosen (null: they cancelled). */
export interface ChosenPhotos {
  paths: string[];
  message: string | null;
}

/** Lets the user pick up to `count` photos (H5: the browser's file picker). */
export async function choosePhotos(count: number): Promise<ChosenPhotos> {
  try {
    const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return { paths: result.tempFilePaths.slice(0, count), message: null };
  } catch {
    return { paths: [], message: null };
  }
}

/**
 * Uploads one chosen photo (its temporary path from choosePhotos) and answers its file id.
 * `openid` names the uploader's folder on weapp; here the server knows the caller already.
 */
export async function uploadPhoto(localPath: string, _openid?: string): Promise<Answer<{ fileId: string }>> {
  try {
    const original = await (await fetch(localPath)).blob();
    const photo = await compress(original);
    const form = new FormData();
    form.append('file', photo, photo.type === 'image/png' ? 'photo.png' : 'photo.jpg');
    const response = await fetch('/api/upload', { method: 'POST', headers: devHeaders(readDevIdentity()), body: form });
    return (await response.json()) as Answer<{ fileId: string }>;
  } catch {
    return unreachable();
  }
}

/** Where a stored photo can be shown: a path or URL as it is, else the local server's file route. */
export function photoSrc(fileId: string): string {
  return /^(https?:|\/|blob:|data:)/.test(fileId) ? fileId : `/files/${encodeURIComponent(fileId)}`;
}
