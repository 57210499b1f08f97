import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { contentSecurityPolicy, createStaticSite, negotiateEncoding } from '../../backend/local/static-files';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';
import { request } from '../support/raw-http';

// I1: the H5 build as the local server sends it — compressed when the browser takes it, cached
// for a year when its name carries its hash, revalidated otherwise, and the page under a
// Content-Security-Policy that admits its own inline script by hash and nothing else inline.

const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const PAGE = `<!doctype html><html><head><title>民生微实事</title><script>${INLINE_SCRIPT}</script><script defer="defer" src="/js/app.1a2b3c4d.js"></script></head><body><div id="app"></div></body></html>`;
// Large enough to be worth compressing, and compressible.
const BUNDLE = `(function(){${Array.from({ length: 400 }, (_, index) => `var value${index} = "社区微实事 ${index}";`).join('\n')}})();`;

describe('I1: static files of the H5 build', () => {
  let server: ServerProcess;
  let host: string;

  beforeAll(async () => {
    const h5Dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'weishishi-h5-')), 'h5');
    mkdirSync(path.join(h5Dir, 'js'), { recursive: true });
    writeFileSync(path.join(h5Dir, 'index.html'), PAGE);
    writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), BUNDLE);
    writeFileSync(path.join(h5Dir, 'robots.txt'), 'User-agent: *\n');
    server = await startServerProcess({ h5Dir });
    host = new URL(server.url).host;
  }, 40_000);

  afterAll(async () => {
    await server?.stop();
  });

  const get = (pathName: string, headers: Record<string, string> = {}) => request(server.url, { path: pathName, headers: { host, ...headers } });

  it('I1: the page carries a Content-Security-Policy that admits its inline script by its hash, and is revalidated (no-cache)', async () => {
    const page = await get('/');
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain("'unsafe-eval'");
    expect([page.headers['cache-control'], page.headers['x-content-type-options']]).toEqual(['no-cache', 'nosniff']);
  });

  it('I1: a hashed bundle is sent with brotli to a browser that takes it, long-lived and immutable, and unpacks to the file', async () => {
    const bundle = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect([bundle.headers['content-encoding'], bundle.headers['cache-control'], bundle.headers.vary]).toEqual(['br', 'public, max-age=31536000, immutable', 'accept-encoding']);
    expect(bundle.body.length).toBeLessThan(Buffer.byteLength(BUNDLE) / 4);
    expect(zlib.brotliDecompressSync(bundle.body).toString('utf8')).toBe(BUNDLE);
  });

  it('I1: gzip when brotli is refused or not offered; the file as it is when neither is taken', async () => {
    const gzip = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString('utf8')).toBe(BUNDLE);
    const plain = await get('/js/app.1a2b3c4d.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(BUNDLE);
  });

  it('I1: an ETag per encoding: a repeated request with If-None-Match is a 304 without a body', async () => {
    const first = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br' });
    const again = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    const otherEncoding = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(otherEncoding.status).toBe(200);
  });

  it('I1: a small file without a hash in its name is sent as it is and revalidated', async () => {
    const robots = await get('/robots.txt', { 'accept-encoding': 'br' });
    expect([robots.status, robots.headers['content-encoding'], robots.headers['cache-control']]).toEqual([200, undefined, 'no-cache']);
  });

  it('HEAD answers the headers of GET without the body', async () => {
    const head = await request(server.url, { method: 'HEAD', path: '/js/app.1a2b3c4d.js', headers: { host, 'accept-encoding': 'br' } });
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);
  });

  it('I1: the server compresses the whole build once it listens, so that the first visitor does not wait for brotli', async () => {
    const deadline = Date.now() + 20_000;
    while (!/\[static\] 3 file\(s\)/.test(server.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.output()).toContain('[static] 3 file(s) of the H5 build compressed and kept in memory');
  });

  it('does not serve files outside the H5 folder', async () => {
    for (const pathName of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/js/..%2f..%2f..%2fpackage.json', '/index.html%00.png']) {
      expect([pathName, (await get(pathName)).status]).toEqual([pathName, 404]);
    }
  });
});

describe('I1: the negotiation and the policy, as functions', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['*', 'br'],
    ['gzip;q=abc, br;q=0', null],
    [undefined, null],
  ])('Accept-Encoding %j → %j', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('warm() prepares every file of the build, in sub-folders too, and a missing folder is nothing to do', async () => {
    const h5Dir = mkdtempSync(path.join(os.tmpdir(), 'weishishi-h5-warm-'));
    mkdirSync(path.join(h5Dir, 'js', 'chunks'), { recursive: true });
    writeFileSync(path.join(h5Dir, 'index.html'), PAGE);
    writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), BUNDLE);
    writeFileSync(path.join(h5Dir, 'js', 'chunks', 'home.5e6f7a8b.js'), BUNDLE);
    expect(await createStaticSite(h5Dir).warm()).toBe(3);
    expect(await createStaticSite(path.join(h5Dir, 'missing')).warm()).toBe(0);
  });

  it('a page without inline scripts gets script-src self alone; external scripts add no hash', () => {
    expect(contentSecurityPolicy('<script src="/a.js"></script>')).toContain("script-src 'self';");
  });
});
