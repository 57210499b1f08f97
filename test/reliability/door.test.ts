import { recordFigure, scaled } from '../support/reliability-figures';
import { greyPng, HTML_PAYLOAD, jpegWithGps, multipart, plainImage, pngWithText } from '../support/hostile-images';
import type { ServerProcess } from '../support/local-server-process';
import { startQuietServer } from '../support/reliability-quiet-server';
import { changedTables, inspect, snapshot, type Snapshot } from '../support/reliability-world';
import { request, sendRaw, type RawAnswer } from '../support/raw-http';

// Figure 10, the door (issue 14): what a caller from outside can do to the local server before
// any rule is asked. Malformed request targets, headers and bodies (H1, L5, L7, L8), requests
// through a rebinding host name or from a foreign page (M1), hostile images (L2/L3). The quiet
// server runs the code of `npm start` without its timers, so that the store file changes only
// when a request changes it: every refused request is checked to have changed nothing.

describe('Figure 10 — the door: malformed requests, rebinding, hostile images', () => {
  let server: ServerProcess;
  let host: string;
  let port: string;

  beforeAll(async () => {
    server = await startQuietServer();
    host = new URL(server.url).host;
    port = new URL(server.url).port;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const state = (): Snapshot => {
    const db = inspect(server.dbFile, { readonly: true });
    try {
      return snapshot(db);
    } finally {
      db.close();
    }
  };
  const alive = async () => server.child.exitCode === null && (await fetch(`${server.url}/healthz`).then((answer) => answer.status === 200, () => false));

  describe('H1: malformed targets, headers and bodies', () => {
    const tried = { targets: 0, headers: 0, bodies: 0 };
    const answered: Record<string, number> = {};
    const failures: string[] = [];
    let crashes = 0;

    afterAll(() => {
      recordFigure({
        number: 10,
        name: 'door: malformed requests',
        goal: 'crashes = 0; internal (500) answers = 0; no request left unanswered; the server serves /healthz after each',
        values: {
          'malformed targets tried': tried.targets,
          'malformed headers tried': tried.headers,
          'malformed bodies tried': tried.bodies,
          crashes,
          'internal answers': answered['500'] ?? 0,
          'unanswered (closed without a status)': answered.none ?? 0,
          'answers by status': Object.entries(answered)
            .map(([status, count]) => `${status}×${count}`)
            .join(' '),
        },
        pass: crashes === 0 && failures.length === 0 && tried.targets > 0,
        notes: failures,
      });
    });

    /** Sends one raw request and judges it: an answer that is not a 500, or a parser's 400, and the server still up. */
    async function knock(kind: keyof typeof tried, label: string, raw: string | Buffer): Promise<RawAnswer> {
      tried[kind] += 1;
      const answer = await sendRaw(server.url, raw);
      const key = answer.status === null ? 'none' : String(answer.status);
      answered[key] = (answered[key] ?? 0) + 1;
      if (answer.status === null || answer.status >= 500) failures.push(`${kind} ${label}: ${answer.status ?? 'no answer'}`);
      if (!(await alive())) {
        crashes += 1;
        failures.push(`${kind} ${label}: the server stopped serving`);
      }
      return answer;
    }

    const TARGETS = [
      '//', '///', '//@x', '//@', '//evil.example/api', '//127.0.0.1/api', '/\\evil.example', '/\\\\', '*', 'http://evil.example/', 'http://127.0.0.1/api',
      'https://[::1]/', '/%', '/%%', '/%zz', '/%E0%A4%A', '/%C0%AF', '/%ED%A0%80', '/%00', '/index.html%00.png', '/%uFFFF', '/files/%E0%A4%A', '/files/%',
      '/files/', '/files/..%2f..%2fpackage.json', '/files/../../package.json', '/files/f-00000000000000000000000000000000.png/..', '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd', '/js/..%2f..%2f..%2fpackage.json', '/api/..', '/api/', '/api/upload/', '/api?%', '/healthz?%', '/healthz#x', '/?a=%&b=%E0',
      `/${'a'.repeat(7000)}`, `/${'%'.repeat(3000)}`, `/files/${'%E0%A4%A'.repeat(500)}`, '/a b', '/\u00e9\u00e8', '/\u4e2d\u6587', '/\t', '/.', '/..', '/./index.html',
    ];
    const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'FOO'];

    it('H1: every malformed request target, with every method, is answered 4xx and the server keeps serving', async () => {
      const methods = scaled(['GET', 'POST', 'OPTIONS'], METHODS);
      for (const target of TARGETS) {
        for (const method of methods) {
          const body = method === 'POST' ? '{"action":"me.get","payload":{}}' : '';
          await knock('targets', `${method} ${target.slice(0, 40)}`, `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('H1, L7: malformed headers — missing or forged Host, broken lengths and chunks, dev headers out of range — are refused, never internal', async () => {
      const body = '{"action":"me.get","payload":{}}';
      const post = (headers: string, content = body) => `POST /api HTTP/1.1\r\n${headers}Connection: close\r\n\r\n${content}`;
      const cases: [string, string][] = [
        ['no Host (HTTP/1.1)', post(`Content-Length: ${body.length}\r\n`)],
        ['no Host (HTTP/1.0)', `POST /api HTTP/1.0\r\nContent-Length: ${body.length}\r\n\r\n${body}`],
        ['empty Host', post(`Host: \r\nContent-Length: ${body.length}\r\n`)],
        ['two Hosts', post(`Host: evil.example\r\nHost: ${host}\r\nContent-Length: ${body.length}\r\n`)],
        ['a 5 KB Host', post(`Host: ${'a'.repeat(5000)}\r\nContent-Length: ${body.length}\r\n`)],
        ['Content-Length abc', post(`Host: ${host}\r\nContent-Length: abc\r\n`)],
        ['Content-Length -1', post(`Host: ${host}\r\nContent-Length: -1\r\n`)],
        ['Content-Length 10^20', post(`Host: ${host}\r\nContent-Length: 100000000000000000000\r\n`)],
        ['two Content-Lengths', post(`Host: ${host}\r\nContent-Length: ${body.length}\r\nContent-Length: 5\r\n`)],
        ['Content-Length and chunked', post(`Host: ${host}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n`, `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`)],
        ['a chunk size zz', post(`Host: ${host}\r\nTransfer-Encoding: chunked\r\n`, 'zz\r\nxx\r\n0\r\n\r\n')],
        ['a chunk longer than said', post(`Host: ${host}\r\nTransfer-Encoding: chunked\r\n`, `2\r\n${body}\r\n0\r\n\r\n`)],
        ['Transfer-Encoding gzip', post(`Host: ${host}\r\nTransfer-Encoding: gzip\r\n`)],
        ['a body shorter than its length', post(`Host: ${host}\r\nContent-Length: 500\r\n`)],
        ['an obsolete folded header', post(`Host: ${host}\r\nX-Dev-Openid: u-res-1\r\n continued\r\nContent-Length: ${body.length}\r\n`)],
        ['a header without a colon', post(`Host: ${host}\r\nNo colon here\r\nContent-Length: ${body.length}\r\n`)],
        ['a NUL in a header', post(`Host: ${host}\r\nX-Dev-Openid: u-res\u00001\r\nContent-Length: ${body.length}\r\n`)],
        ['latin-1 bytes in x-dev-openid', post(`Host: ${host}\r\nX-Dev-Openid: \u00e9\u00e8\u00ff\r\nContent-Length: ${body.length}\r\n`)],
        ['a 10 KB x-dev-openid', post(`Host: ${host}\r\nX-Dev-Openid: ${'a'.repeat(10_000)}\r\nContent-Length: ${body.length}\r\n`)],
        ['200 x-dev-openid headers', post(`Host: ${host}\r\n${'X-Dev-Openid: u-res-1\r\n'.repeat(200)}Content-Length: ${body.length}\r\n`)],
        ['64 KB of headers', post(`Host: ${host}\r\n${'X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'.repeat(800)}Content-Length: ${body.length}\r\n`)],
        ['x-dev-now 9999', post(`Host: ${host}\r\nX-Dev-Now: 9999-12-31T10:00:00+08:00\r\nContent-Length: ${body.length}\r\n`)],
        ['x-dev-now 0001', post(`Host: ${host}\r\nX-Dev-Now: 0001-01-01T10:00:00+08:00\r\nContent-Length: ${body.length}\r\n`)],
        ['x-dev-now +275760', post(`Host: ${host}\r\nX-Dev-Now: +275760-09-13T00:00:00Z\r\nContent-Length: ${body.length}\r\n`)],
        ['x-dev-now hour 25', post(`Host: ${host}\r\nX-Dev-Now: 2026-06-01T25:00:00+08:00\r\nContent-Length: ${body.length}\r\n`)],
        ['x-dev-now offset +99:99', post(`Host: ${host}\r\nX-Dev-Now: 2026-06-01T10:00:00+99:99\r\nContent-Length: ${body.length}\r\n`)],
        ['x-dev-now epoch', post(`Host: ${host}\r\nX-Dev-Now: 1780000000000\r\nContent-Length: ${body.length}\r\n`)],
        ['Expect 100-continue', post(`Host: ${host}\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n`)],
        ['Expect something else', post(`Host: ${host}\r\nExpect: 42-nonsense\r\nContent-Length: ${body.length}\r\n`)],
        ['Accept-Encoding nonsense on /', `GET / HTTP/1.1\r\nHost: ${host}\r\nAccept-Encoding: br;q=abc;;, ,gzip;q=-1, *;q=NaN\r\nConnection: close\r\n\r\n`],
        ['If-None-Match of 2,000 tags', `GET / HTTP/1.1\r\nHost: ${host}\r\nIf-None-Match: ${'"x",'.repeat(2000)}\r\nConnection: close\r\n\r\n`],
        ['a multipart type without a boundary', `POST /api/upload HTTP/1.1\r\nHost: ${host}\r\nX-Dev-Openid: u-res-1\r\nContent-Type: multipart/form-data\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd`],
        ['a 5 KB boundary', `POST /api/upload HTTP/1.1\r\nHost: ${host}\r\nX-Dev-Openid: u-res-1\r\nContent-Type: multipart/form-data; boundary=${'b'.repeat(5000)}\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd`],
        ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
        ['HTTP/0.9', 'GET /\r\n'],
        ['HTTP/9.9', `GET / HTTP/9.9\r\nHost: ${host}\r\n\r\n`],
        ['binary garbage', Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 73 + 11) % 256)).toString('latin1')],
      ];
      const before = state();
      for (const [label, raw] of cases) await knock('headers', label, Buffer.from(raw, 'latin1'));
      expect(failures).toEqual([]);
      expect(changedTables(before, state())).toEqual([]);
    }, 120_000);

    it('H1, L5: malformed bodies — broken JSON, deep nesting, invalid UTF-8, prototype keys, a broken multipart — are refused, never internal', async () => {
      const depth = 524_000;
      const bodies: [string, Buffer][] = [
        ['1 MB of nested arrays', Buffer.from(`{"action":"me.get","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`)],
        ['1 MB of nested objects', Buffer.from(`{"action":"me.get","payload":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`)],
        ['1 MB of opening brackets', Buffer.from('['.repeat(1024 * 1024 - 10))],
        ['a string of 1 MB of backslashes', Buffer.from(`{"action":"me.get","payload":{"x":"${'\\\\'.repeat(500_000)}"}}`)],
        ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x7d])],
        ['a lone surrogate escaped', Buffer.from('{"action":"me.join","payload":{"communityId":"c-tianxin","name":"\\ud800"}}')],
        ['__proto__ keys', Buffer.from('{"action":"me.get","payload":{"__proto__":{"isAdmin":true}},"__proto__":{"openid":"u-city"}}')],
        ['constructor keys', Buffer.from('{"action":"constructor","payload":{"constructor":{"prototype":{"x":1}}}}')],
        ['an action that is an object', Buffer.from('{"action":{"toString":"me.get"},"payload":{}}')],
        ['a number of 1e400', Buffer.from('{"action":"me.get","payload":{"n":1e400}}')],
        ['null', Buffer.from('null')],
        ['an empty body', Buffer.alloc(0)],
        ['a BOM before the JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"action":"me.get","payload":{}}')])],
        ['JSON with NULs', Buffer.from('{"action":"me.get\u0000","payload":{}}')],
      ];
      const before = state();
      for (const [label, body] of bodies) {
        const head = `POST /api HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
        await knock('bodies', label, Buffer.concat([Buffer.from(head), body]));
      }
      const uploads: [string, Buffer, string][] = [
        ['a part that never ends', Buffer.from('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'), 'multipart/form-data; boundary=b'],
        ['only the closing delimiter', Buffer.from('--b--\r\n'), 'multipart/form-data; boundary=b'],
        ['10,000 empty parts', Buffer.from(`${'--b\r\n\r\n\r\n'.repeat(10_000)}--b--\r\n`), 'multipart/form-data; boundary=b'],
        ['a quoted boundary with escapes', Buffer.from('--a\\"b\r\nContent-Disposition: form-data; name="file"\r\n\r\nxyz\r\n--a\\"b--\r\n'), 'multipart/form-data; boundary="a\\\\\\"b"'],
        ['a header block without an end', Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"${'x'.repeat(100_000)}\r\n--b--\r\n`), 'multipart/form-data; boundary=b'],
      ];
      for (const [label, body, type] of uploads) {
        const head = `POST /api/upload HTTP/1.1\r\nHost: ${host}\r\nX-Dev-Openid: u-res-1\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
        await knock('bodies', label, Buffer.concat([Buffer.from(head), body]));
      }
      expect(failures).toEqual([]);
      expect(changedTables(before, state())).toEqual([]);
    }, 120_000);
  });

  describe('M1: rebinding host names and foreign pages', () => {
    let attempts = 0;
    let refused = 0;
    let controlsServed = 0;
    const wrong: string[] = [];

    afterAll(() => {
      recordFigure({
        number: 10,
        name: 'door: rebinding',
        goal: 'every API request through a foreign Host, or a write from a foreign Origin, refused 403 forbidden and changing nothing; requests from this server or without Origin served',
        values: { 'rebinding attempts': attempts, refused, 'controls served (own host or no Origin)': controlsServed, wrong: wrong.length },
        pass: wrong.length === 0 && attempts > 0 && refused === attempts,
        notes: wrong,
      });
    });

    const join = (openid: string) => JSON.stringify({ action: 'me.join', payload: { communityId: 'c-tianxin', name: '冒名者' } }) + ' '.repeat(openid.length % 2);

    async function attempt(label: string, headers: Record<string, string>, path = '/api'): Promise<void> {
      attempts += 1;
      const openid = `u-rebind-${attempts}`;
      const body = join(openid);
      const before = state();
      const answer = await request(server.url, { method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-dev-openid': openid, ...headers }, body });
      const code = (() => {
        try {
          return JSON.parse(answer.body.toString('utf8')).error?.code;
        } catch {
          return null;
        }
      })();
      const changed = changedTables(before, state());
      if (answer.status === 403 && code === 'forbidden' && changed.length === 0) refused += 1;
      else wrong.push(`${label}: ${answer.status} ${code ?? ''} changed [${changed.join(', ')}]`);
    }

    it('M1: API requests through a rebinding host name are refused 403 and change nothing', async () => {
      const hosts = [
        `rebind.attacker.example:${port}`,
        'rebind.attacker.example',
        `127.0.0.1.attacker.example:${port}`,
        `localhost.attacker.example:${port}`,
        `7f000001.rbndr.us:${port}`,
        `127.0.0.1:${Number(port) + 1}`,
        '127.0.0.1',
        'localhost',
        `0.0.0.0:${port}`,
        `[::ffff:127.0.0.1]:${port}`,
        `2130706433:${port}`,
        `0x7f.0.0.1:${port}`,
        `localhost.:${port}`,
        `127.0.0.1:${port}@attacker.example`,
        `attacker.example, 127.0.0.1:${port}`,
        '',
      ];
      for (const forged of hosts) await attempt(`Host ${JSON.stringify(forged)}`, { host: forged });
      for (const forged of hosts.slice(0, 3)) await attempt(`upload through Host ${JSON.stringify(forged)}`, { host: forged }, '/api/upload');
      expect(wrong).toEqual([]);
    });

    it('M1: writes from a foreign page (its Origin) are refused 403 and change nothing, also through the right Host', async () => {
      const origins = [
        'http://attacker.example',
        `http://attacker.example:${port}`,
        'null',
        `https://127.0.0.1:${port}`,
        `http://127.0.0.1:${Number(port) + 1}`,
        `http://localhost:${port}.attacker.example`,
        `http://127.0.0.1:${port}/`,
        `http://127.0.0.1:${port}@attacker.example`,
        'file://',
        'chrome-extension://abcdefghijklmnop',
        '',
      ];
      for (const origin of origins) await attempt(`Origin ${JSON.stringify(origin)}`, { host, origin });
      await attempt('upload from a foreign Origin', { host, origin: 'http://attacker.example' }, '/api/upload');
      expect(wrong).toEqual([]);
    });

    it('M1 (controls): the server’s own names and pages, and scripts without Origin, are served', async () => {
      const controls: Record<string, string>[] = [
        { host },
        { host: `localhost:${port}` },
        { host: `[::1]:${port}` },
        { host, origin: `http://127.0.0.1:${port}` },
        { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      ];
      for (const headers of controls) {
        const answer = await request(server.url, { method: 'POST', path: '/api', headers: { 'content-type': 'application/json', ...headers }, body: '{"action":"directory.get","payload":{}}' });
        if (answer.status === 200) controlsServed += 1;
        else wrong.push(`control ${JSON.stringify(headers)}: ${answer.status}`);
      }
      expect(controlsServed).toBe(controls.length);
    });
  });

  describe('L2/L3: hostile images', () => {
    let tried = 0;
    let refused = 0;
    let cleaned = 0;
    let bombMs = 0;
    const wrong: string[] = [];

    afterAll(() => {
      recordFigure({
        number: 10,
        name: 'door: hostile images',
        goal: 'bombs and non-images refused (400 invalid_input on file) and nothing stored; every accepted image served re-encoded: no EXIF, no payload, the type found',
        values: { 'hostile images tried': tried, refused, 'accepted and cleaned': cleaned, 'wrong outcomes': wrong.length, 'ms to refuse a 50,000 × 50,000 PNG': bombMs },
        pass: wrong.length === 0 && tried > 0 && refused + cleaned === tried,
        notes: wrong,
      });
    });

    async function upload(bytes: Buffer, filename: string, type: string) {
      const form = multipart([{ name: 'file', filename, type, bytes }]);
      const answer = await request(server.url, {
        method: 'POST',
        path: '/api/upload',
        headers: { host, 'x-dev-openid': 'u-res-1', 'content-type': form.contentType, 'content-length': String(form.body.length) },
        body: form.body,
      });
      return { status: answer.status, json: JSON.parse(answer.body.toString('utf8')) };
    }

    async function expectRefused(label: string, bytes: Buffer, filename = 'photo.png', type = 'image/png'): Promise<number> {
      tried += 1;
      const before = state();
      const started = performance.now();
      const answer = await upload(bytes, filename, type);
      const elapsed = performance.now() - started;
      const changed = changedTables(before, state());
      if (answer.status === 400 && answer.json.error?.code === 'invalid_input' && answer.json.error.field === 'file' && changed.length === 0) refused += 1;
      else wrong.push(`${label}: ${answer.status} ${JSON.stringify(answer.json.error ?? answer.json.data)} changed [${changed.join(', ')}]`);
      return elapsed;
    }

    async function expectCleaned(label: string, bytes: Buffer, expectedType: string, filename: string, declared: string, forbidden: string[]): Promise<void> {
      tried += 1;
      const answer = await upload(bytes, filename, declared);
      if (answer.status !== 200) {
        wrong.push(`${label}: ${answer.status} ${JSON.stringify(answer.json.error)}`);
        return;
      }
      const served = await fetch(`${server.url}/files/${answer.json.data.fileId}`);
      const body = Buffer.from(await served.arrayBuffer());
      const left = forbidden.filter((text) => body.includes(Buffer.from(text, 'latin1')));
      if (served.headers.get('content-type') === expectedType && left.length === 0) cleaned += 1;
      else wrong.push(`${label}: served ${served.headers.get('content-type')} still holding ${left.join(', ')}`);
    }

    it('L2: decompression bombs and oversized images are refused from their header, before any decoding', async () => {
      bombMs = Math.round(await expectRefused('PNG 50,000 × 50,000', greyPng(50_000, 50_000, 4)));
      await expectRefused('PNG 100,000 × 1', greyPng(100_000, 1, 1));
      await expectRefused('PNG 1 × 100,000', greyPng(1, 100_000, 1));
      await expectRefused('PNG 65,535 × 65,535', greyPng(65_535, 65_535, 2));
      await expectRefused('PNG 8,000 × 6,000 of zeros (decodable, 48 MP)', greyPng(8000, 6000));
      await expectRefused('PNG 0 × 0', greyPng(0, 0, 0));
      expect(wrong).toEqual([]);
      expect(bombMs).toBeLessThan(5000);
    }, 60_000);

    it('L2/L3: files that are not JPEG, PNG or WebP are refused, whatever their name or declared type', async () => {
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
      await expectRefused('an SVG with a script, as photo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
      await expectRefused('an HTML page as photo.jpg', Buffer.from(HTML_PAYLOAD), 'photo.jpg', 'image/jpeg');
      await expectRefused('a GIF', gif, 'photo.gif', 'image/gif');
      await expectRefused('JPEG magic and then HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML_PAYLOAD)]), 'photo.jpg', 'image/jpeg');
      await expectRefused('PNG magic and then HTML', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(HTML_PAYLOAD)]));
      await expectRefused('a RIFF/WEBP header and nothing else', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'photo.webp', 'image/webp');
      await expectRefused('an empty file', Buffer.alloc(0));
      expect(wrong).toEqual([]);
    });

    it('L3: images with EXIF, text chunks or a payload behind their end are stored re-encoded, with the type found in their bytes', async () => {
      const jpeg = await plainImage('jpeg');
      const png = await plainImage('png');
      const webp = await plainImage('webp');
      await expectCleaned('JPEG with GPS EXIF', await jpegWithGps(), 'image/jpeg', 'IMG_0001.jpg', 'image/jpeg', ['Exif\0\0', 'Zhang Xiaoming']);
      await expectCleaned('JPEG with an HTML tail', Buffer.concat([jpeg, Buffer.from(HTML_PAYLOAD)]), 'image/jpeg', 'photo.jpg', 'image/jpeg', ['<script']);
      await expectCleaned('PNG with a script text chunk and an HTML tail', Buffer.concat([await pngWithText(HTML_PAYLOAD), Buffer.from(HTML_PAYLOAD)]), 'image/png', 'photo.png', 'image/png', ['<script', 'tEXt']);
      await expectCleaned('WebP with an HTML tail', Buffer.concat([webp, Buffer.from(HTML_PAYLOAD)]), 'image/webp', 'photo.webp', 'image/webp', ['<script']);
      await expectCleaned('a PNG declared as image/jpeg, named .jpg', png, 'image/png', 'photo.jpg', 'image/jpeg', []);
      await expectCleaned('a JPEG declared as text/html, named .html', jpeg, 'image/jpeg', 'page.html', 'text/html', []);
      expect(wrong).toEqual([]);
    }, 60_000);
  });
});
