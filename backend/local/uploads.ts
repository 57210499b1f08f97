import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

// Photos in local mode: POST /api/upload stores an image under the data folder and answers a
// file id usable in a proposal's `photos`; GET /files/:id serves it. In WeChat the mini-program
// uploads to cloud storage instead.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
/** What an upload may be stored as: an image, or a PDF for the archive (issue 18, pdf.ts). */
export type UploadType = ImageType | 'application/pdf';

/** The image type by its first bytes, never by the name or the declared type. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The parameters of a header value (`form-data; name="file"; filename="a.png"`), names lowercased. */
function parametersOf(value: string): Map<string, string> {
  const parameters = new Map<string, string>();
  // `;` starts each parameter; a quoted value may hold `;` and escaped quotes.
  for (const match of value.matchAll(/;\s*([A-Za-z0-9!#$&+.^_`|~*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const name = match[1].toLowerCase();
    if (!parameters.has(name)) parameters.set(name, match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]);
  }
  return parameters;
}

/** True when a part's headers name it the form field `file` (its `name` parameter, not its `filename`). */
function isFileField(headers: string): boolean {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1 || line.slice(0, colon).trim().toLowerCase() !== 'content-disposition') continue;
    const value = line.slice(colon + 1);
    return /^\s*form-data\s*(;|$)/i.test(value) && parametersOf(value).get('name') === 'file';
  }
  return false;
}

/**
 * The first part of a multipart/form-data body that is the form field `file`, or the raw body
 * when the request is an image sent as is. Null when there is none. Parts are split on
 * CRLF `--boundary` as RFC 7578 says, so an image that happens to hold the boundary text
 * without the line break before it is not cut.
 */
export function fileOfBody(request: IncomingMessage, body: Buffer): Buffer | null {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(type)) return body.length > 0 ? body : null;
  const boundary = parametersOf(type).get('boundary');
  if (!boundary || boundary.length > 70) return null;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may open the body without the line break before it.
  const opening = Buffer.from(`--${boundary}`);
  let start = body.subarray(0, opening.length).equals(opening) ? opening.length : body.indexOf(delimiter);
  if (start === -1) return null;
  if (start !== opening.length) start += delimiter.length;
  while (start < body.length) {
    const next = body.indexOf(delimiter, start);
    if (next === -1) return null;
    // After the delimiter: `--` closes the body, CRLF opens a part.
    if (body.subarray(start, start + 2).toString('latin1') === '--') return null;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1 && isFileField(part.subarray(0, headerEnd).toString('utf8'))) return part.subarray(headerEnd + 4);
    start = next + delimiter.length;
  }
  return null;
}

export async function writeUpload(folder: string, bytes: Buffer, type: UploadType): Promise<{ id: string; file: string }> {
  const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[type];
  const id = `f-${randomUUID().replace(/-/g, '')}.${extension}`;
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, id);
  await fs.writeFile(file, bytes, { flag: 'wx' });
  return { id, file };
}
