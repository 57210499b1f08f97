import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.map', '.ico', '.ttf']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** Files kept in memory with their compressed copies; larger ones are streamed as they are. */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;
/** The build names its bundles `name.[contenthash:8].ext`: such a file never changes. */
const HASHED_NAME = /\.[0-9a-f]{8}\.[a-z0-9]+(\.[a-z0-9]+)*$/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The Content-Security-Policy of the H5 page. Scripts only from this server, plus the inline
 * scripts of the page itself by their hashes (the build writes one that sets the root font size);
 * styles may be inline because Taro's components set them at run time; photos chosen on the
 * phone are `blob:` URLs that the page reads (connect-src) and shows (img-src).
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((match) => match[1].length > 0)
    .map((match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.map((hash) => ` ${hash}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export type Encoding = 'br' | 'gzip';

/** The encoding to send for an `Accept-Encoding` header: brotli, then gzip, by their weights; null for none. */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const item of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...parameters] = item.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

interface CachedFile {
  version: string;
  body: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  csp: string | null;
}

async function prepare(file: string, version: string, extension: string): Promise<CachedFile> {
  const body = await fs.readFile(file);
  const compressible = COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESS_BYTES;
  // Compressed once, off the event loop (zlib runs on the thread pool), then served from memory.
  const [br, gz] = compressible
    ? await Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gzip(body, { level: 9 }),
      ])
    : [null, null];
  return {
    version,
    body,
    br: br && br.length < body.length ? br : null,
    gzip: gz && gz.length < body.length ? gz : null,
    csp: extension === '.html' ? contentSecurityPolicy(body.toString('utf8')) : null,
  };
}

function versionOf(stat: Stats): string {
  return `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
}

/** True when `If-None-Match` names `etag` (or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim().replace(/^W\//, '');
    return trimmed === '*' || trimmed === etag;
  });
}

function notModified(response: ServerResponse, etag: string, cacheControl: string): void {
  response.writeHead(304, { etag, 'cache-control': cacheControl, vary: 'accept-encoding' });
  response.end();
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end('not found');
}

export interface StaticSite {
  /** Answers a GET or HEAD for `urlPath` (still percent-encoded) from the H5 build. */
  serve(request: IncomingMessage, response: ServerResponse, urlPath: string): Promise<void>;
  /**
   * Reads and compresses every file of the build now, index.html and the smallest first, one at a
   * time: brotli at its best level takes a while on a big bundle, and the first visitor should
   * not wait for it. Resolves with the number of files prepared; never rejects.
   */
  warm(): Promise<number>;
}

/**
 * The H5 build at `root`. A URL path is resolved inside `root` and anything that would leave it
 * is a 404, as is a missing file. Hashed assets are cached for a year as immutable; index.html
 * and any other file are revalidated (`no-cache` with an ETag), so a new build is picked up at
 * once. Text is sent brotli- or gzip-compressed when the browser takes it, compressed on its
 * first request and kept in memory for as long as the file does not change.
 */
export function createStaticSite(root: string): StaticSite {
  const base = path.resolve(root);
  const cache = new Map<string, { version: string; entry: Promise<CachedFile> }>();

  function cached(file: string, stat: Stats, extension: string): Promise<CachedFile> {
    const version = versionOf(stat);
    const known = cache.get(file);
    if (known && known.version === version) return known.entry;
    const entry = prepare(file, version, extension);
    cache.set(file, { version, entry });
    // A failed read is not kept: the next request tries again.
    entry.catch(() => cache.get(file)?.entry === entry && cache.delete(file));
    return entry;
  }

  async function filesOf(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((entry) => (entry.isDirectory() ? filesOf(path.join(folder, entry.name)) : Promise.resolve(entry.isFile() ? [path.join(folder, entry.name)] : []))),
    );
    return nested.flat();
  }

  return {
    async warm() {
      const files = await Promise.all(
        (await filesOf(base)).map(async (file) => ({ file, stat: await fs.stat(file).catch(() => null) })),
      );
      const order = files
        .filter((entry): entry is { file: string; stat: Stats } => entry.stat !== null && entry.stat.size <= MAX_CACHED_BYTES)
        .sort((a, b) => Number(path.basename(b.file) === 'index.html') - Number(path.basename(a.file) === 'index.html') || a.stat.size - b.stat.size);
      let prepared = 0;
      for (const { file, stat } of order) {
        // A request that comes meanwhile shares the same work (see `cached`).
        const ok = await cached(file, stat, path.extname(file).toLowerCase()).then(
          () => true,
          () => false,
        );
        if (ok) prepared += 1;
      }
      return prepared;
    },

    async serve(request, response, urlPath) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(urlPath);
      } catch {
        notFound(response);
        return;
      }
      const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
      const file = path.resolve(base, relative);
      const inside = file.startsWith(base + path.sep) && !decoded.includes('\u0000');
      const stat = inside ? await fs.stat(file).catch(() => null) : null;
      if (!stat || !stat.isFile()) {
        notFound(response);
        return;
      }
      const extension = path.extname(file).toLowerCase();
      const cacheControl = extension !== '.html' && HASHED_NAME.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers: Record<string, string | number> = {
        'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'cache-control': cacheControl,
        vary: 'accept-encoding',
      };
      const ifNoneMatch = typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : undefined;

      if (stat.size > MAX_CACHED_BYTES) {
        const etag = `"${versionOf(stat)}"`;
        if (matches(ifNoneMatch, etag)) {
          notModified(response, etag, cacheControl);
          return;
        }
        response.writeHead(200, { ...headers, etag, 'content-length': stat.size });
        if (request.method === 'HEAD') response.end();
        else pipeline(createReadStream(file), response, () => undefined);
        return;
      }

      const entry = await cached(file, stat, extension);
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      const body = encoding === 'br' && entry.br ? entry.br : encoding === 'gzip' && entry.gzip ? entry.gzip : entry.body;
      const sent: Encoding | null = body === entry.body ? null : encoding;
      // Each encoding is its own representation, with its own tag.
      const etag = `"${entry.version}${sent ? `-${sent}` : ''}"`;
      if (entry.csp) headers['content-security-policy'] = entry.csp;
      if (matches(ifNoneMatch, etag)) {
        notModified(response, etag, cacheControl);
        return;
      }
      if (sent) headers['content-encoding'] = sent;
      response.writeHead(200, { ...headers, etag, 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
  };
}

/** Serves one stored file (an uploaded photo) with its checked type; null is a 404. */
export async function serveFile(file: { path: string; contentType: string } | null, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const stat = file ? await fs.stat(file.path).catch(() => null) : null;
  if (!file || !stat || !stat.isFile()) {
    notFound(response);
    return;
  }
  response.writeHead(200, {
    'content-type': file.contentType,
    'content-length': stat.size,
    // A file id names one upload for ever.
    'cache-control': 'public, max-age=31536000, immutable',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  if (request.method === 'HEAD') response.end();
  else pipeline(createReadStream(file.path), response, () => undefined);
}
