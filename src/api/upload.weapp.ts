import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';
import { wxFailureMessage } from '../lib/wx-failure';
import type { ChosenPhotos } from './upload';

// weapp: photos are chosen with chooseMedia (images only; chooseImage is deprecated), compressed
// on the phone, checked for size, then go to the cloud environment's storage, into the uploader's
// own folder `proposals/<openid>/<name>` (the server accepts no other file id for a proposal); the
// file id (cloud://…) is what the proposal keeps and what an Image shows directly.

/** The largest photo sent after compression: the size the local server accepts (backend/local/uploads.ts). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  tooLarge: `照片太大（压缩后仍超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB），请换一张或裁剪后再传`,
  unreadable: '无法读取这张照片，请重新选择',
  network: '照片上传失败：网络不通或云存储暂不可用，请稍后点一下重试',
  choose: '无法打开相册或相机，请稍后再试',
} as const;

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Lets the resident take or pick up to `count` photos; a cancel answers no photos and no message. */
export async function choosePhotos(count: number): Promise<ChosenPhotos> {
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return { paths: result.tempFiles.filter((file) => file.fileType !== 'video').map((file) => file.tempFilePath).slice(0, count), message: null };
  } catch (error) {
    return { paths: [], message: wxFailureMessage(error, UPLOAD_MESSAGES.choose) };
  }
}

async function compressed(localPath: string): Promise<string> {
  try {
    return (await Taro.compressImage({ src: localPath, quality: 80 })).tempFilePath;
  } catch {
    // Not every device compresses: the original goes, if it is small enough.
    return localPath;
  }
}

/**
 * Uploads one chosen photo (its temporary path from choosePhotos) for the user `openid` (from
 * me.get) and answers its file id, or a message saying what went wrong.
 */
export async function uploadPhoto(localPath: string, openid: string): Promise<Answer<{ fileId: string }>> {
  const path = await compressed(localPath);
  let size: number;
  try {
    size = ((await Taro.getFileInfo({ filePath: path })) as { size: number }).size;
  } catch (error) {
    return { ok: false, error: { code: 'invalid_input', field: 'photos', message: wxFailureMessage(error, UPLOAD_MESSAGES.unreadable) ?? UPLOAD_MESSAGES.unreadable } };
  }
  if (size > PHOTO_MAX_BYTES) return { ok: false, error: { code: 'invalid_input', field: 'photos', message: UPLOAD_MESSAGES.tooLarge } };
  try {
    const extension = /\.(jpe?g|png|webp)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
    const result = await Taro.cloud.uploadFile({ cloudPath: `proposals/${openid}/${randomName()}.${extension}`, filePath: path });
    return { ok: true, data: { fileId: result.fileID } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: wxFailureMessage(error, UPLOAD_MESSAGES.network) ?? UPLOAD_MESSAGES.network } };
  }
}

/** A cloud file id shows as it is in an Image. */
export function photoSrc(fileId: string): string {
  return fileId;
}
