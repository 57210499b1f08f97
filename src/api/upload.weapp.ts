import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';

// weapp: photos go to the cloud environment's storage, into the uploader's own folder
// `proposals/<openid>/<name>` (the server accepts no other file id for a proposal); the file id
// (cloud://…) is what the proposal keeps and what an Image shows directly.

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Uploads one chosen photo (its temporary path from Taro.chooseImage) for the user `openid`
 * (from me.get) and answers its file id.
 */
export async function uploadPhoto(localPath: string, openid: string): Promise<Answer<{ fileId: string }>> {
  try {
    let path = localPath;
    try {
      path = (await Taro.compressImage({ src: localPath, quality: 80 })).tempFilePath;
    } catch {
      // Not every device compresses: the original goes.
    }
    const extension = /\.(jpe?g|png|webp)$/i.exec(path)?.[1]?.toLowerCase() ?? 'jpg';
    const result = await Taro.cloud.uploadFile({ cloudPath: `proposals/${openid}/${randomName()}.${extension}`, filePath: path });
    return { ok: true, data: { fileId: result.fileID } };
  } catch {
    return { ok: false, error: { code: 'internal', message: '照片上传失败，请检查网络后重试' } };
  }
}

/** A cloud file id shows as it is in an Image. */
export function photoSrc(fileId: string): string {
  return fileId;
}
