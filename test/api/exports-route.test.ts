import { callApi, startServerProcess, type ServerProcess } from '../support/local-server-process';

describe('the download route of exports on the local server', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 40_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('R-SUP-1: export.create answers a /exports/ URL that serves the workbook; an unknown or malformed name is a 404', async () => {
    const { status, body } = await callApi(server.url, 'export.create', { kind: 'proposals', scopeId: 's-shatoujiao', format: 'xlsx' }, { 'x-dev-openid': 'u-street-shatoujiao' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ fileName: expect.stringMatching(/^沙头角街道-\d{4}年项目清单-\d{4}-\d{2}-\d{2}\.xlsx$/), url: expect.stringMatching(/^\/exports\/x-[0-9a-f]{32}\.xlsx$/), rows: expect.any(Number) });
    const file = await fetch(`${server.url}${body.data.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await file.arrayBuffer());
    // An .xlsx is a zip: it starts with "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await fetch(`${server.url}/exports/x-${'0'.repeat(32)}.xlsx`)).status).toBe(404);
    expect((await fetch(`${server.url}/exports/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
