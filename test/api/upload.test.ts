import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// A 1×1 PNG, and a JPEG / WebP header: the type is judged by content, never by name.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d68a1d0000000049454e44ae426082',
  'hex',
);

function form(bytes: Buffer, filename: string, type: string): { body: Buffer; contentType: string } {
  const boundary = '----weishishi-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('photos in local mode: POST /api/upload and GET /files/:id', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function upload(bytes: Buffer, filename: string, type: string, openid: string | null = 'u-res-1') {
    const { body, contentType } = form(bytes, filename, type);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (openid) headers['x-dev-openid'] = openid;
    const response = await fetch(`${server.url}/api/upload`, { method: 'POST', headers, body: new Uint8Array(body) }).catch(() => null);
    return response ? { status: response.status, body: await response.json() } : null;
  }

  it('stores a PNG and serves it back with its checked type; the file id goes into a proposal', async () => {
    const uploaded = await upload(PNG, 'photo.png', 'image/png');
    expect(uploaded?.status).toBe(200);
    const { fileId } = uploaded!.body.data;
    expect(fileId).toMatch(/^f-[0-9a-f]{32}\.png$/);
    const served = await fetch(`${server.url}/files/${fileId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

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

  it('answers 404 for an unknown file', async () => {
    expect((await fetch(`${server.url}/files/f-00000000000000000000000000000000.png`)).status).toBe(404);
  });
});
