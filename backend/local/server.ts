import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Answer } from '../../types/api';
import { fail, statusOf } from '../app/answers';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../app/action';
import { createDispatch } from '../app/dispatch';
import { deliverOutbox } from '../app/jobs/deliver-outbox';
import { runJobs } from '../app/jobs/run-jobs';
import { uploadQuotaRefusal } from '../app/upload-quota';
import type { Clock } from '../app/ports/clock.port';
import { defaultCalendar, shanghaiDateOf } from '../domain/calendar';
import { seedDemoData } from '../store/sqlite/sqlite.seed';
import { openSqliteStore } from '../store/sqlite/sqlite.store';
import { seedDemoProposals } from '../seed/demo-proposals';
import { seedShenzhen, type FirstAdministrator } from '../seed/real-directory'; // SEED=shenzhen (issue 16)
import { LocalContentCheck } from '../wechat/local/local.content-check';
import { StoredPhotos } from '../wechat/local/stored-photos';
import { identityOf } from './dev-identity';
import { DiskFileStorage } from './disk.file-storage';
import { cleanImage } from './images';
import { checkPdf, looksLikePdf } from './pdf';
import { LogNotifier } from './log.notifier';
import { localHostNames, nestsDeeperThan, pathOfTarget, printableTarget, refuseForeignRequest } from './request-guard';
import { createStaticSite, serveFile } from './static-files';
import { fileOfBody, MAX_UPLOAD_BYTES } from './uploads';
// Issue 16: exported workbooks
import { DiskExportStorage } from './disk.export-storage';

export const MAX_BODY_BYTES = 1024 * 1024;
/** How deep arrays and objects may nest in an API body; the deepest action payload needs 4. */
export const MAX_JSON_DEPTH = 32;
/** What the disk file storage (`writeUpload`) names a stored file; any other `/files/…` path is a 404 without a lookup. */
const FILE_ID = /^f-[0-9a-f]{32}\.(jpg|png|webp|pdf)$/;

export interface LocalServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dbFile: string;
  /** The H5 build served at `/`. */
  h5Dir: string;
  /** Local mode honours the dev identity headers (spec/api.md). */
  localMode: boolean;
  /** Where uploaded photos are kept. */
  uploadDir: string;
  /** How often the outbox is delivered, in ms (0: never). */
  outboxIntervalMs?: number;
  /** How often all the jobs run (sweep, reminders, comment recheck, outbox, housekeeping), in ms (0: never). */
  jobsIntervalMs?: number;
  limits?: RateLimits;
  /** What an empty store is seeded with: the demo (default), or Shenzhen's real directory and its first city administrator (issue 16). */
  seed?: { kind: 'demo' } | ({ kind: 'shenzhen' } & FirstAdministrator);
  clock?: () => Date;
  log?: (line: string) => void;
  /** Issue 17 (first paint): compress the whole H5 build once listening, before anyone asks for it. */
  warmStaticFiles?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting requests, waits for those under way, then closes the store. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The encoded JSON of answers' data that cannot change (a use case freezes what it hands out
 * again and again, like a district's subsidy list): encoded once, not on every request. A
 * frozen object is never another answer's, so its bytes stay true while it lives.
 */
const encodedData = new WeakMap<object, Buffer>();

function bodyOf(answer: Answer<unknown>): Buffer {
  if (!answer.ok || typeof answer.data !== 'object' || answer.data === null || !Object.isFrozen(answer.data)) return Buffer.from(JSON.stringify(answer));
  let data = encodedData.get(answer.data);
  if (!data) encodedData.set(answer.data, (data = Buffer.from(JSON.stringify(answer.data))));
  return Buffer.concat([Buffer.from('{"ok":true,"data":'), data, Buffer.from('}')]);
}

function sendAnswer(response: http.ServerResponse, answer: Answer<unknown>, status = statusOf(answer)): void {
  // Encoded once: for a large answer, counting its bytes and writing it are each a pass over it.
  const body = bodyOf(answer);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

export async function startLocalServer(options: LocalServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const store = openSqliteStore({ file: options.dbFile });
  const startedAt = clock();
  const jobClock: Clock = { now: clock };
  const notifier = new LogNotifier(log);
  const contentCheck = new LocalContentCheck();
  const files = new DiskFileStorage(options.uploadDir, store);
  const exportFiles = new DiskExportStorage(path.join(options.uploadDir, 'exports')); // issue 16
  const dispatch = createDispatch({
    store,
    exports: exportFiles,
    calendar: defaultCalendar,
    contentCheck,
    photos: new StoredPhotos(store),
    limits: options.limits ?? DEFAULT_RATE_LIMITS,
    logError: (error, action) => log(`[api] ${action} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const seed = options.seed ?? { kind: 'demo' };
  if (seed.kind === 'shenzhen') {
    if (await seedShenzhen(store, { at: startedAt.toISOString(), adminOpenid: seed.adminOpenid, ...(seed.adminName !== undefined ? { adminName: seed.adminName } : {}) })) {
      log(`[store] seeded Shenzhen's directory into ${options.dbFile}; city administrator ${seed.adminOpenid}`);
    }
  } else if (seedDemoData(store, { at: startedAt.toISOString(), year: Number(shanghaiDateOf(startedAt.getTime()).slice(0, 4)) })) {
    await seedDemoProposals(dispatch, startedAt);
    // The seed's messages tell of days that have passed: nobody is to be told now.
    for (let batch = await store.takeUndelivered(500); batch.length > 0; batch = await store.takeUndelivered(500)) {
      await store.settleOutbox({ ids: batch.map((message) => message.id), at: startedAt.toISOString(), outcome: 'skipped', detail: 'demo seed' });
    }
    log(`[store] seeded demo data into ${options.dbFile}`);
  }

  // The jobs of backend/app/jobs, as the cron function runs them in WeChat: the outbox every
  // second (delivered by logging it), everything else every minute. Another server process on the
  // same store runs them too: the outbox's leases keep every message to one delivery.
  const deliver = () => deliverOutbox({ store, notifier, clock: jobClock }).catch((error) => log(`[outbox] failed: ${String(error)}`));
  const outboxTimer = (options.outboxIntervalMs ?? 1000) > 0 ? setInterval(() => void deliver(), options.outboxIntervalMs ?? 1000) : null;
  outboxTimer?.unref();
  const jobs = () =>
    void runJobs({ store, calendar: defaultCalendar, contentCheck, notifier, clock: jobClock, files }, { log }).then(
      (report) => {
        if (report.overdue + report.near > 0) log(`[jobs] ${report.overdue} deadline(s) newly overdue, ${report.near} near`);
      },
      (error) => log(`[jobs] failed: ${String(error)}`),
    );
  const jobsTimer = (options.jobsIntervalMs ?? 60_000) > 0 ? setInterval(jobs, options.jobsIntervalMs ?? 60_000) : null;
  jobsTimer?.unref();
  if (jobsTimer) jobs();

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // Refuse without reading the rest; closing the connection drops what is still coming.
        response.setHeader('connection', 'close');
        sendAnswer(response, fail('invalid_input', '请求内容过大', 'body'), 413);
        request.resume();
        return;
      }
      throw error;
    }
    const text = raw.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      sendAnswer(response, fail('invalid_input', '请求内容嵌套过深', 'body'));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      sendAnswer(response, fail('invalid_input', '请求不是有效的 JSON', 'body'));
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendAnswer(response, fail('invalid_input', '请求格式不正确', 'body'));
      return;
    }
    const identity = identityOf(request.headers, { localMode: options.localMode, clock });
    if (!identity.ok) {
      sendAnswer(response, identity.answer);
      return;
    }
    const { action, payload } = body as { action?: unknown; payload?: unknown };
    const result = await dispatch(action, payload, identity.identity.caller, identity.identity.now);
    sendAnswer(response, result.answer, result.status);
  }

  async function handleUpload(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const identity = identityOf(request.headers, { localMode: options.localMode, clock });
    if (!identity.ok) {
      request.resume();
      sendAnswer(response, identity.answer);
      return;
    }
    const openid = identity.identity.caller.openid;
    if (!openid) {
      request.resume();
      sendAnswer(response, fail('unauthenticated', '请先登录'));
      return;
    }
    let raw: Buffer;
    try {
      // The multipart envelope adds a little to the 5 MB image.
      raw = await readBody(request, MAX_UPLOAD_BYTES + 64 * 1024);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      response.setHeader('connection', 'close');
      sendAnswer(response, fail('invalid_input', '图片不能超过 5 MB', 'file'), 413);
      request.resume();
      return;
    }
    const bytes = fileOfBody(request, raw);
    if (!bytes) {
      sendAnswer(response, fail('invalid_input', '只能上传 JPEG、PNG 或 WebP 图片', 'file'));
      return;
    }
    if (bytes.length > MAX_UPLOAD_BYTES) {
      sendAnswer(response, fail('invalid_input', '图片不能超过 5 MB', 'file'), 413);
      return;
    }
    // Archive papers (issue 18): a PDF judged by its content (pdf.ts), stored as sent.
    if (looksLikePdf(bytes)) {
      const pdf = checkPdf(bytes);
      if (!pdf.ok) return sendAnswer(response, fail('invalid_input', pdf.message, 'file'));
      const saved = await files.save({ ownerOpenid: openid, bytes, contentType: 'application/pdf', at: identity.identity.now.toISOString() });
      return sendAnswer(response, { ok: true, data: saved });
    }
    // Stored as re-encoded, never as sent: see images.ts.
    const image = await cleanImage(bytes);
    if (!image.ok) {
      sendAnswer(response, fail('invalid_input', image.message, 'file'));
      return;
    }
    // L1: at most 50 uploads and 100 MB a person a day.
    const overQuota = await uploadQuotaRefusal(store, openid, identity.identity.now, image.bytes.length);
    if (overQuota) {
      sendAnswer(response, { ok: false, error: overQuota });
      return;
    }
    const saved = await files.save({ ownerOpenid: openid, bytes: image.bytes, contentType: image.type, at: identity.identity.now.toISOString() });
    sendAnswer(response, { ok: true, data: saved });
  }

  const site = createStaticSite(options.h5Dir);
  /** This server's own names, known once it listens (no request arrives before). */
  let hosts = new Set<string>();

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const pathname = pathOfTarget(request.url);
    const readOnly = request.method === 'GET' || request.method === 'HEAD';
    if (pathname === null) {
      request.resume();
      sendAnswer(response, fail('invalid_input', '请求地址不正确', 'url'));
    } else if (pathname === '/healthz' && readOnly) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('ok');
    } else if (pathname === '/api' || pathname === '/api/upload') {
      const refused = refuseForeignRequest(request.method, request.headers, hosts);
      if (refused) {
        request.resume();
        sendAnswer(response, refused);
      } else if (request.method !== 'POST') {
        request.resume();
        response.setHeader('allow', 'POST');
        sendAnswer(response, fail('invalid_input', '请使用 POST', 'method'), 405);
      } else if (pathname === '/api') {
        await handleApi(request, response);
      } else {
        await handleUpload(request, response);
      }
    } else if (pathname.startsWith('/files/') && readOnly) {
      const id = pathname.slice('/files/'.length);
      await serveFile(FILE_ID.test(id) ? await files.find(id) : null, request, response);
    } else if (pathname.startsWith('/exports/') && readOnly) {
      // Issue 16: an export made by export.create
      await serveFile(exportFiles.find(pathname.slice('/exports/'.length)), request, response);
    } else if (readOnly) {
      await site.serve(request, response, pathname);
    } else {
      request.resume();
      response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      response.end('method not allowed');
    }
  }

  // The one boundary around every request: whatever a handler throws is logged and answered
  // `internal`, and the server goes on serving.
  const server = http.createServer((request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    Promise.resolve()
      .then(() => route(request, response))
      .catch((error: unknown) => {
        log(`[http] ${request.method} ${printableTarget(request.url)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!response.headersSent) sendAnswer(response, fail('internal', '系统繁忙，请稍后再试'));
        else response.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = localHostNames(port, options.host);
  const url = `http://${options.host}:${port}`;
  // Issue 17 (first paint): in the background; a request meanwhile shares the file's work.
  if (options.warmStaticFiles) void site.warm().then((count) => log(`[static] ${count} file(s) of the H5 build compressed and kept in memory`));

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (outboxTimer) clearInterval(outboxTimer);
        if (jobsTimer) clearInterval(jobsTimer);
        server.close(() => {
          void deliver()
            .then(() => store.close())
            .then(resolve);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
