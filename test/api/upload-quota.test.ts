import Database from 'better-sqlite3';
import { multipart } from '../support/hostile-images';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d68a1d0000000049454e44ae426082',
  'hex',
);

describe('L1: upload quotas on POST /api/upload', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const upload = async (openid: string, now: string) => {
    const form = multipart([{ name: 'file', filename: 'a.png', type: 'image/png', bytes: PNG }]);
    const response = await fetch(`${server.url}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, 'x-dev-openid': openid, 'x-dev-now': now },
      body: new Uint8Array(form.body),
    });
    return { status: response.status, body: await response.json() };
  };

  function filesOf(openid: string): number {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM files WHERE owner_openid = ?').pluck().get(openid) as number;
    } finally {
      db.close();
    }
  }

  it('L1: 50 uploads a person a day are stored, the 51st is refused 429 rate_limited and stores nothing; the next day counts afresh; others are not held back', async () => {
    const day = '2026-08-03T10:00:00+08:00';
    for (let n = 0; n < 50; n += 1) expect((await upload('u-res-2', day)).status).toBe(200);
    const refused = await upload('u-res-2', day);
    expect(refused).toEqual({ status: 429, body: { ok: false, error: { code: 'rate_limited', message: expect.stringContaining('50'), field: 'file' } } });
    expect(filesOf('u-res-2')).toBe(50);
    expect((await upload('u-res-3', day)).status).toBe(200);
    // 00:00 Asia/Shanghai starts a new day.
    expect((await upload('u-res-2', '2026-08-04T00:00:00+08:00')).status).toBe(200);
  }, 60_000);
});
