import Database from 'better-sqlite3';
import { callApi, startServerProcess, type ServerProcess } from '../support/local-server-process';

describe('the local server (npm start) on a temp store', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 40_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz with 200 once ready', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('serves the H5 app at /', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('民生微实事');
  });

  it('does not serve files outside the H5 folder', async () => {
    const response = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });

  it('me.get as u-res-1 gives 张小明, a resident of c-zhongying', async () => {
    const { status, body } = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': 'u-res-1' });
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      data: { openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying', roles: [{ role: 'resident', scopeId: 'c-zhongying' }], consent: null },
    });
  });

  it('R-FUN-3: the subsidy application, made once and handed out again, is the same answer with its length each time', async () => {
    const ask = () =>
      fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': 'u-district-yantian' },
        body: JSON.stringify({ action: 'subsidy.application', payload: { year: new Date().getFullYear() } }),
      });
    const first = await ask();
    const second = await ask();
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toBe(a);
    expect(Number(second.headers.get('content-length'))).toBe(Buffer.byteLength(b));
    expect(JSON.parse(b)).toMatchObject({ ok: true, data: { districtId: 'd-yantian', projects: expect.any(Array), csv: expect.stringContaining('项目编号') } });
  });

  it('me.get without a caller is unauthenticated (401)', async () => {
    const { status, body } = await callApi(server.url, 'me.get', {});
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it('directory.get lists 盐田区 with its two streets and three communities, without sign-in', async () => {
    const { status, body } = await callApi(server.url, 'directory.get', {});
    expect(status).toBe(200);
    const [district] = body.data.districts;
    expect(district).toMatchObject({ id: 'd-yantian', name: '盐田区' });
    expect(district.streets.map((street: any) => [street.id, street.communities.map((c: any) => c.name)])).toEqual([
      ['s-shatoujiao', ['中英街社区', '桥园社区']],
      ['s-haishan', ['田心社区']],
    ]);
  });

  it('an unknown action is 400 invalid_input naming the action', async () => {
    const { status, body } = await callApi(server.url, 'proposal.explode', {});
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'action' } });
  });

  it('malformed JSON is 400 invalid_input', async () => {
    const response = await fetch(`${server.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action": "me.get", ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a body over 1 MB is refused with a 4xx and changes nothing', async () => {
    const before = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': 'u-res-2' });
    const hugeName = 'x'.repeat(1024 * 1024 + 10);
    const response = await fetch(`${server.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'u-res-2' },
      body: JSON.stringify({ action: 'me.join', payload: { communityId: 'c-tianxin', name: hugeName } }),
    }).catch(() => null);
    // The server may close the connection before the client finished sending: also a refusal.
    if (response) expect(response.status).toBe(413);
    const after = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': 'u-res-2' });
    expect(after.body).toEqual(before.body);
  });

  it('me.join makes a new openid a resident of the community it names', async () => {
    const joined = await callApi(server.url, 'me.join', { communityId: 'c-tianxin', name: '赵大妈' }, { 'x-dev-openid': 'u-new-1' });
    expect(joined.status).toBe(200);
    expect(joined.body.data).toEqual({
      openid: 'u-new-1',
      name: '赵大妈',
      communityId: 'c-tianxin',
      roles: [{ role: 'resident', scopeId: 'c-tianxin' }],
    });
  });

  it('me.join refuses an unknown community with not_found and a missing name with invalid_input', async () => {
    const unknown = await callApi(server.url, 'me.join', { communityId: 'c-nowhere', name: '赵' }, { 'x-dev-openid': 'u-new-2' });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([404, 'not_found', 'communityId']);
    const nameless = await callApi(server.url, 'me.join', { communityId: 'c-tianxin', name: { $ne: null } }, { 'x-dev-openid': 'u-new-2' });
    expect([nameless.status, nameless.body.error.code, nameless.body.error.field]).toEqual([400, 'invalid_input', 'name']);
    const me = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': 'u-new-2' });
    expect(me.body.data).toEqual({ openid: 'u-new-2', name: null, communityId: null, roles: [], consent: null });
  });

  it('an x-dev-now that is not an ISO instant is invalid_input', async () => {
    const { status, body } = await callApi(server.url, 'directory.get', {}, { 'x-dev-now': 'tomorrow' });
    expect([status, body.error.field]).toEqual([400, 'x-dev-now']);
  });

  it('SIGTERM closes the store cleanly: exit code 0 and the WAL folded into the file', async () => {
    const code = await server.stop();
    expect(code).toBe(0);
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare("SELECT name FROM users WHERE openid = 'u-new-1'").get() as { name: string }).name).toBe('赵大妈');
    } finally {
      db.close();
    }
  });
});

describe('the local server outside local mode', () => {
  it('refuses the dev headers with forbidden', async () => {
    const server = await startServerProcess({ env: { LOCAL_MODE: 'off' } });
    try {
      const { status, body } = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': 'u-res-1' });
      expect([status, body.error.code]).toEqual([403, 'forbidden']);
      const anonymous = await callApi(server.url, 'directory.get', {});
      expect(anonymous.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 40_000);
});
