import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

// Photos in local mode: POST /api/upload stores an image under the data folder and answers a
// file id usable in a proposal's `photos`; GET /files/:id serves it. In WeChat the mini-program
// uploads to cloud storage instead.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by its first bytes, never by the name or the declared type. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * The first file part of a multipart/form-data body (field `file`), or the raw body when the
 * request is an image sent as is. Null when there is none.
 */
export function fileOfBody(request: IncomingMessage, body: Buffer): Buffer | null {
  const type = request.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) return body.length > 0 ? body : null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      if (/name="file"/i.test(headers)) return part.subarray(headerEnd + 4, part.length - 2);
    }
    start = next;
  }
  return null;
}

export async function writeUpload(folder: string, bytes: Buffer, type: ImageType): Promise<{ id: string; file: string }> {
  const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[type];
  const id = `f-${randomUUID().replace(/-/g, '')}.${extension}`;
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, id);
  await fs.writeFile(file, bytes, { flag: 'wx' });
  return { id, file };
}
