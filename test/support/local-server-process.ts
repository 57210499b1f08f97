import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface ServerProcess {
  url: string;
  dbFile: string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `npm start`'s entry as its own process on a free port, with a temp store and a tiny
 * stand-in H5 folder (the real H5 build is exercised by the Chromium test).
 */
export async function startServerProcess(options: { dbFile?: string; h5Dir?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-'));
  const dbFile = options.dbFile ?? path.join(folder, 'test.db');
  let h5Dir = options.h5Dir;
  if (!h5Dir) {
    h5Dir = path.join(folder, 'h5');
    require('node:fs').mkdirSync(h5Dir);
    writeFileSync(path.join(h5Dir, 'index.html'), '<!DOCTYPE html><title>民生微实事</title>');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/start.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DB_FILE: dbFile, H5_DIR: h5Dir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never said it listens is stopped, so that no test run waits on it.
      child.kill('SIGTERM');
      reject(new Error(`server did not start:\n${output}`));
    }, 30_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
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

export async function callApi(
  url: string,
  action: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ action, payload }),
  });
  return { status: response.status, body: await response.json() };
}
