import Taro from '@tarojs/taro';
import type { Answer } from '../../types/api';
import { devHeaders, readDevIdentity } from './dev-identity';
import { unreachable } from './transport.types';
import { photoSrc, uploadPhoto } from './upload';

// H5: a paper of the archive (issue 18) is a photo (camera or album, through the photo path) or a
// PDF picked with the browser's file input; both go to `POST /api/upload`, which judges the bytes
// (an image, or a PDF without active content). document-upload.weapp.ts picks from the chat too.

/** Where a paper comes from: the camera or album, or a file (a PDF). */
export type PaperSource = 'photo' | 'file';

/** A paper the user picked (a temporary path or a browser file), or none (they cancelled). */
export interface ChosenPaper {
  path: string | null;
  isPdf: boolean;
  file?: Blob;
  message: string | null;
}

export const PAPER_SOURCES: readonly { value: PaperSource; label: string }[] = [
  { value: 'photo', label: '拍照或相册' },
  { value: 'file', label: '选择 PDF 文件' },
];

function pickPdf(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf,.pdf';
    input.setAttribute('data-testid', 'paper-file-input');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

export async function choosePaper(source: PaperSource): Promise<ChosenPaper> {
  if (source === 'file') {
    const file = await pickPdf();
    return file ? { path: file.name, isPdf: true, file, message: null } : { path: null, isPdf: false, message: null };
  }
  try {
    const result = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return { path: result.tempFilePaths[0] ?? null, isPdf: false, message: null };
  } catch {
    return { path: null, isPdf: false, message: null };
  }
}

/** Uploads the chosen paper and answers its file id. */
export async function uploadPaper(paper: ChosenPaper, openid: string): Promise<Answer<{ fileId: string }>> {
  if (!paper.isPdf || !paper.file) return uploadPhoto(paper.path ?? '', openid);
  try {
    const form = new FormData();
    form.append('file', paper.file, 'paper.pdf');
    const response = await fetch('/api/upload', { method: 'POST', headers: devHeaders(readDevIdentity()), body: form });
    return (await response.json()) as Answer<{ fileId: string }>;
  } catch {
    return unreachable();
  }
}

/** Opens a stored paper: a photo in the viewer, a PDF in a new tab (the local server's file route). */
export async function openPaper(fileId: string, isPdf: boolean): Promise<void> {
  const src = photoSrc(fileId);
  if (!isPdf) {
    await Taro.previewImage({ urls: [src], current: src }).catch(() => undefined);
    return;
  }
  window.open(src, '_blank', 'noopener');
}
