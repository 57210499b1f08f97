/**
 * The two doors the benchmark knocks on, both the real code paths:
 * - in process: `createDispatch` over `openSqliteStore`, exactly as the local server and the
 *   cloud function build it, called directly;
 * - over HTTP: `startLocalServer` on 127.0.0.1 (a free port, local mode, no outbox timer), called
 *   with keep-alive requests from this process, one at a time.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../backend/app/dispatch';
import { defaultCalendar } from '../backend/domain/calendar';
import { startLocalServer } from '../backend/local/server';
import { openSqliteStore } from '../backend/store/sqlite/sqlite.store';
import { LocalContentCheck } from '../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../backend/wechat/local/stored-photos';

export type Mode = 'in-process' | 'http';

export interface Reply {
  status: number;
  /** The parsed envelope. */
  answer: { ok: boolean; data?: any; error?: { code: string; message: string; field?: string } };
}

export interface Timed {
  /** Wall-clock time of the request, in ms. */
  ms: number;
  /**
   * CPU time this process spent meanwhile (all its threads), in ms: unlike the wall clock, it
   * does not grow while other programs hold the CPU, so it shows the work a request costs.
   */
  cpuMs: number;
  reply: Reply;
}

export interface Target {
  mode: Mode;
  /**
   * Sends one request and answers how long it took (ms) — from the call to the full answer in
   * hand (for HTTP: the whole body received; parsing it for the checks is not counted).
   */
  call(action: string, payload: unknown, openid: string | null, now: Date): Promise<Timed>;
  close(): Promise<void>;
}

const hrMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

export async function openInProcess(dbFile: string): Promise<Target> {
  const store = openSqliteStore({ file: dbFile });
  const errors: unknown[] = [];
  const dispatch = createDispatch({
    store,
    calendar: defaultCalendar,
    contentCheck: new LocalContentCheck(),
    photos: new StoredPhotos(store),
    logError: (error) => errors.push(error),
  });
  return {
    mode: 'in-process',
    async call(action, payload, openid, now) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const result = await dispatch(action, payload, { openid }, now);
      const ms = hrMs(start);
      const cpuMs = cpuMsSince(cpu);
      if (errors.length) throw errors.shift();
      return { ms, cpuMs, reply: { status: result.status, answer: result.answer as Reply['answer'] } };
    },
    close: () => store.close(),
  };
}

export async function openHttp(dbFile: string): Promise<Target> {
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'weishishi-bench-uploads-'));
  const logged: string[] = [];
  const server = await startLocalServer({
    host: '127.0.0.1',
    port: 0,
    dbFile,
    // The H5 build is not needed: only POST /api is measured.
    h5Dir: path.join(uploadDir, 'no-h5'),
    localMode: true,
    uploadDir,
    outboxIntervalMs: 0,
    // The deadline sweep writes and would run between requests: it is measured on its own (run.ts).
    jobsIntervalMs: 0,
    log: (line) => logged.push(line),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL('/api', server.url);

  function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  return {
    mode: 'http',
    async call(action, payload, openid, now) {
      const headers: Record<string, string> = { 'x-dev-now': now.toISOString() };
      if (openid) headers['x-dev-openid'] = openid;
      const body = JSON.stringify({ action, payload });
      let cpu = process.cpuUsage();
      let start = process.hrtime.bigint();
      let answered: { status: number; text: string };
      try {
        answered = await post(body, headers);
      } catch (error) {
        // A kept-alive socket the server closed as idle just as the request went out: the request
        // never reached the server, so it is sent again on a new connection and timed afresh.
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
        cpu = process.cpuUsage();
        start = process.hrtime.bigint();
        answered = await post(body, headers);
      }
      const { status, text } = answered;
      const ms = hrMs(start);
      const cpuMs = cpuMsSince(cpu);
      const failure = logged.find((line) => line.includes('failed'));
      if (failure) throw new Error(`server: ${failure}`);
      return { ms, cpuMs, reply: { status, answer: JSON.parse(text) } };
    },
    async close() {
      agent.destroy();
      await server.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

export function openTarget(mode: Mode, dbFile: string): Promise<Target> {
  return mode === 'in-process' ? openInProcess(dbFile) : openHttp(dbFile);
}
