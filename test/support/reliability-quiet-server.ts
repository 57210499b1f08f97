import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerProcess } from './local-server-process';

// The local server (backend/local/server.ts, the code `npm start` runs) in its own process, but
// with its two timers off — the outbox delivery (every second) and the deadline sweep (every
// minute). Then every commit to the store file comes from a request, and figure 6 can tell from
// SQLite's `PRAGMA data_version` alone whether a refused request wrote anything.
//
// Run as a script (by `startQuietServer`), it prints `listening on <url>` like start.ts.

const root = path.resolve(__dirname, '../..');

if (require.main === module) {
  void (async () => {
    const { startLocalServer } = await import('../../backend/local/server');
    const server = await startLocalServer({
      host: '127.0.0.1',
      port: 0,
      dbFile: process.env.DB_FILE as string,
      h5Dir: process.env.H5_DIR as string,
      uploadDir: path.join(path.dirname(process.env.DB_FILE as string), 'uploads'),
      localMode: true,
      outboxIntervalMs: 0,
      jobsIntervalMs: 0,
      limits: { proposalsPerDay: 1_000_000, commentsPerHour: 1_000_000 },
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`[quiet] listening on ${server.url}\n`);
    process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  })().catch((error) => {
    process.stderr.write(`[quiet] failed to start: ${String(error)}\n`);
    process.exit(1);
  });
}

/** Starts the quiet server on a temp store (seeded with the demo data like `npm start`). */
export async function startQuietServer(): Promise<ServerProcess> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-quiet-'));
  const dbFile = path.join(folder, 'test.db');
  const h5Dir = path.join(folder, 'h5');
  mkdirSync(h5Dir);
  writeFileSync(path.join(h5Dir, 'index.html'), '<!DOCTYPE html><title>民生微实事</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/reliability-quiet-server.ts')], {
    cwd: root,
    env: { ...process.env, DB_FILE: dbFile, H5_DIR: h5Dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`quiet server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quiet server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    dbFile,
    child,
    output: () => output,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
