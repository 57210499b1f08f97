import Database from 'better-sqlite3';
import sharp from 'sharp';
import { greyPng, HTML_PAYLOAD, jpegWithGps, multipart, plainImage, pngWithText } from '../support/hostile-images';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';
import { request } from '../support/raw-http';

// A 1×1 PNG: the type is judged by content, never by name.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d68a1d0000000049454e44ae426082',
  'hex',
);

describe('photos in local mode: POST /api/upload and GET /files/:id', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  function storedFiles(): number {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  async function send(form: { body: Buffer; contentType: string }, headers: Record<string, string> = { 'x-dev-openid': 'u-res-1' }) {
    const response = await fetch(`${server.url}/api/upload`, { method: 'POST', headers: { 'content-type': form.contentType, ...headers }, body: new Uint8Array(form.body) }).catch(() => null);
    return response ? { status: response.status, body: await response.json() } : null;
  }

  const upload = (bytes: Buffer, filename: string, type: string, openid: string | null = 'u-res-1') =>
    send(multipart([{ name: 'file', filename, type, bytes }]), openid ? { 'x-dev-openid': openid } : {});

  async function served(fileId: string): Promise<{ type: string | null; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${server.url}/files/${fileId}`);
    expect(response.status).toBe(200);
    return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  it('stores a PNG and serves it back as a PNG of the same size; the file id goes into a proposal', async () => {
    const uploaded = await upload(PNG, 'photo.png', 'image/png');
    expect(uploaded?.status).toBe(200);
    const { fileId } = uploaded!.body.data;
    expect(fileId).toMatch(/^f-[0-9a-f]{32}\.png$/);
    const file = await served(fileId);
    expect(file.type).toBe('image/png');
    expect(await sharp(file.bytes).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });

    const submitted = await fetch(`${server.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'u-res-1' },
      body: JSON.stringify({
        action: 'proposal.submit',
        payload: { communityId: 'c-zhongying', title: '带照片的提议', category: 'goods', location: '中英街', description: '见照片。', source: 'resident', photos: [fileId], requestId: 'upload-test-0001' },
      }),
    });
    expect((await submitted.json()).data.photos).toEqual([fileId]);
  });

  it('I1: a stored photo is served with nosniff, a sandboxing CSP and a long cache (its id never changes)', async () => {
    const { fileId } = (await upload(PNG, 'photo.png', 'image/png'))!.body.data;
    const { headers } = await served(fileId);
    expect([headers.get('x-content-type-options'), headers.get('content-security-policy'), headers.get('cache-control')]).toEqual([
      'nosniff',
      "default-src 'none'; sandbox",
      'public, max-age=31536000, immutable',
    ]);
  });

  it('L3: a JPEG with GPS in its EXIF is stored without any EXIF, still a JPEG of its size', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { fileId } = (await upload(original, 'IMG_0001.jpg', 'image/jpeg'))!.body.data;
    const file = await served(fileId);
    const metadata = await sharp(file.bytes).metadata();
    expect([file.type, metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(['image/jpeg', 'jpeg', 64, 48, undefined]);
    expect(file.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(file.bytes.includes(Buffer.from('Zhang Xiaoming'))).toBe(false);
  });

  it('L3: a JPEG with an HTML page behind its end is stored without it', async () => {
    const hostile = Buffer.concat([await plainImage('jpeg'), Buffer.from(HTML_PAYLOAD)]);
    const { fileId } = (await upload(hostile, 'photo.jpg', 'image/jpeg'))!.body.data;
    const file = await served(fileId);
    expect(file.type).toBe('image/jpeg');
    expect(file.bytes.includes(Buffer.from('<script'))).toBe(false);
    expect(file.bytes.subarray(-2).toString('hex')).toBe('ffd9');
  });

  it('L3: a PNG with a script in a text chunk and HTML after IEND keeps neither', async () => {
    const hostile = Buffer.concat([await pngWithText(HTML_PAYLOAD), Buffer.from(HTML_PAYLOAD)]);
    const { fileId } = (await upload(hostile, 'photo.png', 'image/png'))!.body.data;
    const file = await served(fileId);
    expect(file.bytes.includes(Buffer.from('<script'))).toBe(false);
  });

  it('L3: the type is the one found in the bytes, whatever the name and the declared type say', async () => {
    const { fileId } = (await upload(await plainImage('webp'), 'photo.jpg', 'image/jpeg'))!.body.data;
    expect(fileId).toMatch(/\.webp$/);
    expect((await served(fileId)).type).toBe('image/webp');
  });

  it('L2: a PNG declaring 50,000 × 50,000 pixels is refused from its header (invalid_input on file), and nothing is stored', async () => {
    const before = storedFiles();
    const started = Date.now();
    const uploaded = await upload(greyPng(50_000, 50_000, 4), 'bomb.png', 'image/png');
    const elapsed = Date.now() - started;
    expect([uploaded?.status, uploaded?.body.error.code, uploaded?.body.error.field]).toEqual([400, 'invalid_input', 'file']);
    expect(uploaded?.body.error.message).toContain('尺寸过大');
    expect(storedFiles()).toBe(before);
    // Read from the header alone: decoding 2.5 gigapixels would take minutes, not this.
    expect(elapsed).toBeLessThan(5000);
  });

  it('L2: a decodable bomb of 8,000 × 6,000 (48 megapixels of zeros in 47 KB) is refused too', async () => {
    const bomb = greyPng(8000, 6000);
    expect(bomb.length).toBeLessThan(100_000);
    const uploaded = await upload(bomb, 'bomb.png', 'image/png');
    expect([uploaded?.status, uploaded?.body.error.code]).toEqual([400, 'invalid_input']);
  });

  it('a file with the magic bytes of a JPEG and nothing of a picture behind them is refused as unreadable', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML_PAYLOAD)]);
    const uploaded = await upload(fake, 'photo.jpg', 'image/jpeg');
    expect([uploaded?.status, uploaded?.body.error.code, uploaded?.body.error.field]).toEqual([400, 'invalid_input', 'file']);
  });

  it('takes the part named `file`, not a part whose filename is "file" (issue 12)', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const both = multipart([
      { name: 'note', filename: 'file', type: 'image/png', bytes: svg },
      { name: 'file', filename: 'photo.png', type: 'image/png', bytes: PNG },
    ]);
    const uploaded = await send(both);
    expect(uploaded?.status).toBe(200);
    expect((await served(uploaded!.body.data.fileId)).type).toBe('image/png');
    const onlyFilename = await send(multipart([{ name: 'other', filename: 'file', type: 'image/png', bytes: PNG }]));
    expect([onlyFilename?.status, onlyFilename?.body.error.field]).toEqual([400, 'file']);
  });

  it('refuses a file that is not an image, whatever it is called', async () => {
    const uploaded = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'photo.png', 'image/png');
    expect([uploaded?.status, uploaded?.body.error.code, uploaded?.body.error.field]).toEqual([400, 'invalid_input', 'file']);
  });

  it('refuses an image over 5 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const uploaded = await upload(big, 'big.png', 'image/png');
    // The server may close the connection before the body is sent: also a refusal.
    if (uploaded) expect(uploaded.status).toBe(413);
  });

  it('asks an anonymous caller to sign in', async () => {
    const uploaded = await upload(PNG, 'photo.png', 'image/png', null);
    expect(uploaded?.status).toBe(401);
  });

  it('M1: an upload through a foreign host name or from a foreign page is forbidden, and nothing is stored', async () => {
    const before = storedFiles();
    const form = multipart([{ name: 'file', filename: 'photo.png', type: 'image/png', bytes: PNG }]);
    const port = new URL(server.url).port;
    const forgeries: Record<string, string>[] = [{ host: `rebind.example:${port}` }, { host: `127.0.0.1:${port}`, origin: 'http://rebind.example' }];
    for (const forged of forgeries) {
      const answer = await request(server.url, {
        method: 'POST',
        path: '/api/upload',
        headers: { 'content-type': form.contentType, 'content-length': String(form.body.length), 'x-dev-openid': 'u-res-1', ...forged },
        body: form.body,
      });
      expect([answer.status, JSON.parse(answer.body.toString()).error.code]).toEqual([403, 'forbidden']);
    }
    expect(storedFiles()).toBe(before);
  });

  it('answers 404 for an unknown file, and L8: for a path that is not a file id, even one that is not valid percent-encoding', async () => {
    expect((await fetch(`${server.url}/files/f-00000000000000000000000000000000.png`)).status).toBe(404);
    for (const path of ['/files/%E0%A4%A', '/files/%', '/files/..%2f..%2fpackage.json', '/files/']) {
      expect([path, (await request(server.url, { path, headers: { host: new URL(server.url).host } })).status]).toEqual([path, 404]);
    }
  });
});
