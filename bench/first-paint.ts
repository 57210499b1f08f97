/**
 * `npm run bench:first-paint`: how soon a resident on a slow phone sees the H5 home page.
 *
 * Starts the local server (the real `npm start` entry, its own process, a fresh demo store) over
 * the H5 build in dist/h5, then opens the home page as the demo resident u-res-1 in Debian's
 * Chromium, each run in a new browser context (an empty cache), under Lighthouse's mobile
 * throttling applied through the DevTools protocol: 150 ms latency, 1.6 Mbps down, 750 kbps up
 * (Network.emulateNetworkConditions) and a CPU four times slower (Emulation.setCPUThrottlingRate).
 * It reads first-contentful-paint from the page's Performance API, the moment the whole first
 * screen shows its data (no placeholder left), the bytes that crossed the wire and the requests.
 * The median of the runs is the figure; the block between the first-paint markers of
 * bench/RESULTS.md is rewritten with it (`--no-write` leaves the file alone).
 *
 * Options: `--runs N` (default 7), `--warmups N` (default 1: runs not counted, e.g. a first
 * request that meets a server that has not read its files yet), `--h5 DIR` (default dist/h5),
 * `--label TEXT` (a name for the build measured), `--no-write`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const root = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const BEGIN = '<!-- first-paint:begin -->';
const END = '<!-- first-paint:end -->';

/** Lighthouse's mobile profile ("Slow 4G", Moto G Power class CPU), as the issue states it. */
export const THROTTLING = {
  latencyMs: 150,
  downloadBitsPerSecond: 1.6 * 1024 * 1024,
  uploadBitsPerSecond: 750 * 1024,
  cpuSlowdown: 4,
} as const;

interface Options {
  runs: number;
  warmups: number;
  h5Dir: string;
  label: string;
  write: boolean;
}

function optionsOf(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    runs: Number(value('--runs') ?? 7),
    warmups: Number(value('--warmups') ?? 1),
    h5Dir: path.resolve(root, value('--h5') ?? 'dist/h5'),
    label: value('--label') ?? 'current build',
    write: !argv.includes('--no-write'),
  };
}

/**
 * In the page: stamps `app` when the app's own home page first shows (its banner, not the frame
 * of index.html) and `screen` when every part of it shows its data (no skeleton left). A string,
 * so that no helper of the TypeScript loader leaks into the page.
 */
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const ids = ['home-publicity', 'home-submitted', 'home-completed', 'home-ledger'];
  const check = () => {
    const now = performance.now();
    if (marks.app === undefined && document.querySelector('.home__banner')) marks.app = now;
    if (marks.screen !== undefined) return;
    const sections = ids.map((id) => document.querySelector('[data-testid="' + id + '"]'));
    if (sections.every((section) => section && !section.querySelector('.skeleton'))) marks.screen = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface Run {
  fcpMs: number;
  /** Until the app itself has drawn the home page (its banner), data or not. */
  appMs: number;
  /** Until every part of the home page shows its data: no skeleton left. */
  firstScreenMs: number;
  transferredBytes: number;
  decodedBytes: number;
  requests: number;
  apiRequests: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(h5Dir: string): Promise<Server> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-first-paint-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/start.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DB_FILE: path.join(folder, 'bench.db'), H5_DIR: h5Dir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One cold visit of the home page as u-res-1. */
async function visit(browser: Browser, url: string): Promise<Run> {
  // A new context has its own empty HTTP cache and storage: a first visit.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The dev bar's stored choice (Taro's storage format): the demo resident 张小明.
      localStorage.setItem('dev.openid', JSON.stringify({ data: 'u-res-1' }));
    });
    await page.addInitScript(MARKS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLING.latencyMs,
      downloadThroughput: THROTTLING.downloadBitsPerSecond / 8,
      uploadThroughput: THROTTLING.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    let requests = 0;
    let apiRequests = 0;
    page.on('request', (request) => {
      requests += 1;
      if (new URL(request.url()).pathname === '/api') apiRequests += 1;
    });

    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 60_000 });
    const fcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    // Stamped in the page by MARKS (a DOM observer installed before any script of the page).
    const marks = await page
      .waitForFunction(() => (window as unknown as { __marks?: { app?: number; screen?: number } }).__marks?.screen !== undefined && (window as unknown as { __marks: object }).__marks, undefined, {
        polling: 100,
        timeout: 60_000,
      })
      .then((handle) => handle.jsonValue() as Promise<{ app: number; screen: number }>);
    const appMs = marks.app;
    const firstScreenMs = marks.screen;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const bytes = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return {
        transferred: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
        decoded: entries.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
      };
    });
    return { fcpMs, appMs, firstScreenMs, transferredBytes: bytes.transferred, decodedBytes: bytes.decoded, requests, apiRequests };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function machineLine(): string {
  const cpu = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((line) => line.startsWith('model name'))?.split(':')[1].trim();
    } catch {
      return undefined;
    }
  })();
  return `${os.availableParallelism()} cores (${cpu ?? os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)} at start`;
}

function report(options: Options, runs: Run[], chromiumVersion: string, startedAt: Date): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value: number) => `${Math.round(value)} ms`;
  const rows = runs.map(
    (run, index) =>
      `| ${index + 1} | ${ms(run.fcpMs)} | ${ms(run.appMs)} | ${ms(run.firstScreenMs)} | ${kb(run.transferredBytes)} | ${kb(run.decodedBytes)} | ${run.requests} | ${run.apiRequests} |`,
  );
  return [
    `Last run: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${options.label}, by \`npm run bench:first-paint\``,
    `(bench/first-paint.ts); ${machineLine()}; Chromium ${chromiumVersion}. Throttling: latency`,
    `${THROTTLING.latencyMs} ms, ${THROTTLING.downloadBitsPerSecond / 1024 / 1024} Mbps down, ${THROTTLING.uploadBitsPerSecond / 1024} kbps up, CPU ${THROTTLING.cpuSlowdown}× slower; a new browser`,
    `context (empty cache) for each of ${runs.length} runs, after ${options.warmups} uncounted.`,
    '',
    `**Median first contentful paint: ${ms(median(runs.map((run) => run.fcpMs)))}**; the app's own home page drawn:`,
    `${ms(median(runs.map((run) => run.appMs)))}; first screen with all its data:`,
    `${ms(median(runs.map((run) => run.firstScreenMs)))}; ${kb(median(runs.map((run) => run.transferredBytes)))} over the wire.`,
    '',
    '| run | first contentful paint | app drawn | first screen complete | transferred | decoded | requests | of them /api |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = optionsOf(process.argv.slice(2));
  if (!existsSync(path.join(options.h5Dir, 'index.html'))) {
    console.error(`[first-paint] ${options.h5Dir} has no index.html: run \`npm run build:h5\` first`);
    process.exit(1);
  }
  const startedAt = new Date();
  const server = await startServer(options.h5Dir);
  const browser = await launch();
  try {
    const runs: Run[] = [];
    for (let index = 0; index < options.warmups + options.runs; index += 1) {
      const run = await visit(browser, server.url);
      const counted = index >= options.warmups;
      if (counted) runs.push(run);
      console.log(
        `[first-paint] ${counted ? `run ${index - options.warmups + 1}` : 'warm-up'}: FCP ${Math.round(run.fcpMs)} ms, app ${Math.round(run.appMs)} ms, first screen ${Math.round(run.firstScreenMs)} ms, ${(run.transferredBytes / 1024).toFixed(1)} KB, ${run.requests} requests (${run.apiRequests} /api)`,
      );
    }
    const text = report(options, runs, browser.version(), startedAt);
    console.log(`\n${text}\n`);
    if (options.write) {
      const old = readFileSync(RESULTS, 'utf8');
      const begin = old.indexOf(BEGIN);
      const end = old.indexOf(END);
      if (begin < 0 || end < begin) {
        console.error(`[first-paint] bench/RESULTS.md has no ${BEGIN} … ${END} block: not written`);
      } else {
        writeFileSync(RESULTS, `${old.slice(0, begin + BEGIN.length)}\n${text}\n${old.slice(end)}`);
        console.log('[first-paint] written to bench/RESULTS.md');
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
