import { multipart } from '../support/hostile-images';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';
import { minimalPdf } from '../support/pdf';

// Archive papers (issue 18): a PDF is judged by its content like an image, then attached with document.attach.

describe('PDF papers in local mode: POST /api/upload', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const upload = async (bytes: Buffer, filename: string, type: string, openid = 'u-com-zhongying') => {
    const form = multipart([{ name: 'file', filename, type, bytes }]);
    const response = await fetch(`${server.url}/api/upload`, { method: 'POST', headers: { 'content-type': form.contentType, 'x-dev-openid': openid }, body: new Uint8Array(form.body) });
    return { status: response.status, body: await response.json() };
  };

  const api = async (openid: string, action: string, payload: unknown) => {
    const response = await fetch(`${server.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify({ action, payload }) });
    return { status: response.status, body: await response.json() };
  };

  it('R-SUP-1: a PDF is stored as sent, served as a PDF, and attached to a project\'s archive', async () => {
    const pdf = minimalPdf();
    const uploaded = await upload(pdf, 'minutes.pdf', 'application/pdf');
    expect(uploaded.status).toBe(200);
    const { fileId } = uploaded.body.data;
    expect(fileId).toMatch(/^f-[0-9a-f]{32}\.pdf$/);
    const served = await fetch(`${server.url}/files/${fileId}`);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    const list = await api('u-com-zhongying', 'proposal.list', { communityId: 'c-zhongying', limit: 1 });
    const proposalId = list.body.data.items[0].id;
    const attached = await api('u-com-zhongying', 'document.attach', { proposalId, kind: 'minutes', fileId, title: '议事会会议记录', requestId: 'req-pdf-00001' });
    expect(attached.status).toBe(200);
    expect(attached.body.data).toMatchObject({ kind: 'minutes', fileId });
  });

  it.each([
    ['a file named .pdf that is text', Buffer.from('not a pdf at all'), 'invalid_input'],
    ['a PDF header without its end', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), 'invalid_input'],
    ['a PDF that runs a script', minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'invalid_input'],
  ])('refuses %s', async (_what, bytes, code) => {
    const uploaded = await upload(bytes, 'paper.pdf', 'application/pdf');
    expect(uploaded.status).toBe(400);
    expect(uploaded.body.error).toMatchObject({ code, field: 'file' });
  });
});
