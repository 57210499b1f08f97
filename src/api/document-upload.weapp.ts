import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';
import { wxFailureMessage } from '../lib/wx-failure';
import { PHOTO_MAX_BYTES, choosePhotos, uploadPhoto } from './upload.weapp';
import type { ChosenPaper, PaperSource } from './document-upload';

// weapp: a paper of the archive (issue 18) is a photo from the camera or album (chooseMedia, the
// photo path) or a PDF forwarded into a chat (chooseMessageFile). Either goes to the uploader's
// own folder of cloud storage, the only file ids the server accepts.

export type { ChosenPaper, PaperSource } from './document-upload';

export const PAPER_SOURCES: readonly { value: PaperSource; label: string }[] = [
  { value: 'photo', label: '拍照或相册' },
  { value: 'file', label: '从聊天中选 PDF' },
];

const MESSAGES = {
  choose: '无法打开聊天文件，请稍后再试',
  tooLarge: `文件太大（超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB），请压缩后再传`,
  network: '文件上传失败：网络不通或云存储暂不可用，请稍后点一下重试',
} as const;

export async function choosePaper(source: PaperSource): Promise<ChosenPaper> {
  if (source === 'photo') {
    const photos = await choosePhotos(1);
    return { path: photos.paths[0] ?? null, isPdf: false, message: photos.message };
  }
  try {
    const result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    const file = result.tempFiles[0];
    if (!file) return { path: null, isPdf: false, message: null };
    if (file.size > PHOTO_MAX_BYTES) return { path: null, isPdf: false, message: MESSAGES.tooLarge };
    return { path: file.path, isPdf: true, message: null };
  } catch (error) {
    return { path: null, isPdf: false, message: wxFailureMessage(error, MESSAGES.choose) };
  }
}

function randomName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function uploadPaper(paper: ChosenPaper, openid: string): Promise<Answer<{ fileId: string }>> {
  if (!paper.isPdf) return uploadPhoto(paper.path ?? '', openid);
  try {
    const result = await Taro.cloud.uploadFile({ cloudPath: `proposals/${openid}/${randomName()}.pdf`, filePath: paper.path ?? '' });
    return { ok: true, data: { fileId: result.fileID } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: wxFailureMessage(error, MESSAGES.network) ?? MESSAGES.network } };
  }
}

/** Opens a stored paper: a photo in the viewer, a PDF downloaded from cloud storage into WeChat's reader. */
export async function openPaper(fileId: string, isPdf: boolean): Promise<void> {
  try {
    if (!isPdf) {
      await Taro.previewImage({ urls: [fileId], current: fileId });
      return;
    }
    const downloaded = await Taro.cloud.downloadFile({ fileID: fileId });
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'pdf' });
  } catch (error) {
    void Taro.showToast({ title: wxFailureMessage(error, '无法打开这份材料') ?? '无法打开这份材料', icon: 'none' });
  }
}
