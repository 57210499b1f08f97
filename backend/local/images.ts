import sharp from 'sharp';
import { sniffImageType, type ImageType } from './uploads';

// Uploaded photos are never stored as sent. Their size is read from the header before anything
// is decoded (a PNG of 50,000 × 50,000 pixels is a few kilobytes that would take gigabytes to
// decode), then the picture is decoded and encoded again in its own format by libvips (sharp).
// What comes out holds only pixels: no EXIF (GPS included), no comments, nothing after the end
// of the image (a JPEG with an HTML page behind it), and its type is the one found in its bytes.

/** The longest side accepted, in pixels. Phone cameras stay well under it. */
export const MAX_IMAGE_SIDE = 10_000;
/** Pixels accepted, 40 megapixels: about 160 MB while decoded, once. */
export const MAX_IMAGE_PIXELS = 40_000_000;

const FORMATS: Record<ImageType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

// libvips keeps recent images in a cache: an upload server gains nothing from it.
sharp.cache(false);

/** Images decoded at once: each may hold up to 160 MB while decoded, and the machine is small. */
const AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished turn hands its slot to the next in line, so `running` never passes AT_ONCE.
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export type CleanImage =
  | { ok: true; bytes: Buffer; type: ImageType; width: number; height: number }
  | { ok: false; reason: 'not_image' | 'too_large' | 'unreadable'; message: string };

const NOT_IMAGE = { ok: false, reason: 'not_image', message: '只能上传 JPEG、PNG 或 WebP 图片' } as const;
const UNREADABLE = { ok: false, reason: 'unreadable', message: '图片已损坏，无法读取' } as const;
const TOO_LARGE = {
  ok: false,
  reason: 'too_large',
  message: `图片尺寸过大：最长边不超过 ${MAX_IMAGE_SIDE} 像素，总像素不超过 ${MAX_IMAGE_PIXELS / 1_000_000} 百万`,
} as const;

/** The declared size of an image, from its header only; null when the header cannot be read. */
async function declaredSize(bytes: Buffer): Promise<{ format: string; width: number; height: number } | null> {
  try {
    // The header only: no pixel is decoded here, so no limit is needed yet (it is ours to apply).
    const { format, width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    return format && width && height ? { format, width, height } : null;
  } catch {
    return null;
  }
}

/**
 * The image `bytes` re-encoded in its own format (a JPEG stays a JPEG), turned upright by its
 * EXIF orientation before the EXIF is dropped; or why it is refused.
 */
export function cleanImage(bytes: Buffer): Promise<CleanImage> {
  return inTurn(() => reencode(bytes));
}

async function reencode(bytes: Buffer): Promise<CleanImage> {
  const type = sniffImageType(bytes);
  if (!type) return NOT_IMAGE;
  const size = await declaredSize(bytes);
  if (!size) return UNREADABLE;
  // The magic bytes and the decoder must agree on what this is.
  if (size.format !== FORMATS[type]) return NOT_IMAGE;
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) return TOO_LARGE;
  try {
    // `limitInputPixels` holds the same bound inside the decoder. A slightly damaged image (a bad
    // checksum, a cut-off end) is decoded as far as it goes, as browsers show it: what is stored
    // is new pixels either way. Only the first frame of an animation is kept.
    const decoded = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'none', animated: false }).rotate();
    const encoded =
      type === 'image/jpeg'
        ? decoded.jpeg({ quality: 85, chromaSubsampling: '4:2:0' })
        : type === 'image/png'
          ? decoded.png({ compressionLevel: 9, adaptiveFiltering: true })
          : decoded.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    if (sniffImageType(data) !== type) return UNREADABLE;
    return { ok: true, bytes: data, type, width: info.width, height: info.height };
  } catch {
    return UNREADABLE;
  }
}
