import zlib from 'node:zlib';
import sharp from 'sharp';

// Hostile image files, made in the test rather than checked in: a PNG that declares more pixels
// than any machine should decode, images with a payload behind their end, a JPEG carrying GPS.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A grey PNG of `width` × `height` whose pixel data is `rows` rows of zeros (all of them by
 * default, which compresses a thousandfold: the decompression bomb). With fewer rows it is only
 * a header that lies about its size.
 */
export function greyPng(width: number, height: number, rows = height): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Each row is a filter byte and `width` zero bytes.
  const pixels = zlib.deflateSync(Buffer.alloc(rows * (width + 1)), { level: 9 });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** A PNG with a text chunk holding `text`. */
export async function pngWithText(text: string): Promise<Buffer> {
  const plain = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#2a7' } }).png().toBuffer();
  const iend = plain.length - 12;
  return Buffer.concat([plain.subarray(0, iend), chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')), plain.subarray(iend)]);
}

/** A small JPEG carrying EXIF with a GPS position (Shenzhen) and a camera owner's name. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#36a' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Zhang Xiaoming', Copyright: 'owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 3/1 0/1' },
    })
    .toBuffer();
}

export function plainImage(format: 'jpeg' | 'png' | 'webp', width = 32, height = 24): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c63' } })
    .toFormat(format)
    .toBuffer();
}

export const HTML_PAYLOAD = '<html><body><script>alert(document.cookie)</script></body></html>';

/** A multipart/form-data body with the given parts, in order. */
export function multipart(parts: { name: string; filename?: string; type?: string; bytes: Buffer }[], boundary = '----weishishi-hostile'): { body: Buffer; contentType: string } {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`), part.bytes, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
