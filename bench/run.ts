/**
 * `npm run bench`: generates (or takes from bench/data/) a 1k and a 100k-proposal store, then
 * measures the main actions on each, in process and over HTTP, and writes bench/RESULTS.md.
 *
 * Options: `--sizes 1k` or `--sizes 100k` (default both), `--iterations N` (default 300 per
 * action, door and size), `--quick` (60 iterations: a smoke run), `--force` (regenerate the
 * stores), `--only TEXT` (only the actions whose name contains TEXT; the results then go to
 * bench/data/RESULTS.partial.md).
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sweepOverdue } from '../backend/app/jobs/sweep-overdue';
import { defaultCalendar } from '../backend/domain/calendar';
import { openSqliteStore } from '../backend/store/sqlite/sqlite.store';
import { buildCity, CITY_SIZE, SMALL_SIZE, type City, type CityParams } from './city';
import { explainScenarios, type Explained } from './explain';
import { DATA_DIR, ensureStore, storeFileFor, type StoreInfo } from './generate';
import { writeResults, type Measurement, type RunInfo } from './report';
import { machine, statsOf } from './stats';
import { openTarget, type Mode, type Target } from './targets';
import { readScenarios, WRITE_SCENARIOS, writeRequests, type BenchRequest, type Scenario } from './workload';

interface Options {
  sizes: { label: string; params: CityParams }[];
  iterations: number;
  warmup: number;
  /** An action stops early (at no fewer than 50 samples) once it has taken this long. */
  budgetMs: number;
  force: boolean;
  modes: Mode[];
  /** Only the scenarios whose key contains this text (for tuning one action). */
  only?: string;
}

function optionsOf(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const sizes = value('--sizes') ?? '1k,100k';
  const all = [
    { label: '1k', params: SMALL_SIZE },
    { label: '100k', params: CITY_SIZE },
  ];
  const iterations = Number(value('--iterations') ?? (quick ? 60 : 300));
  return {
    sizes: all.filter((size) => sizes.split(',').includes(size.label)),
    iterations,
    warmup: Math.max(5, Math.round(iterations / 10)),
    budgetMs: quick ? 5_000 : 20_000,
    force: argv.includes('--force'),
    modes: ['in-process', 'http'],
    only: value('--only'),
  };
}

const log = (line: string) => console.log(line);

/** A full collection between actions, so that one action's garbage is not collected on the next one's time. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Generation runs in a child process: its large heap would otherwise stay with the process that
 * measures, and its collections would land in the measured latencies.
 */
async function storeFor(label: string, params: CityParams, force: boolean): Promise<StoreInfo> {
  const file = storeFileFor(params);
  if (force || !existsSync(file)) {
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'generate.ts'), label, ...(force ? ['--force'] : [])], {
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generating the ${label} store failed (exit ${code})`))));
    });
    return { ...(await ensureStore(params)), generatedMs: Date.now() - started };
  }
  return ensureStore(params);
}

/** How many records an answer carries (a list's items, a trail's entries, an application's projects). */
function itemsOf(data: any): number {
  const list = data?.items ?? data?.entries ?? data?.projects;
  return Array.isArray(list) ? list.length : 1;
}

async function callChecked(target: Target, action: string, request: BenchRequest, now: Date): Promise<{ ms: number; cpuMs: number; items: number }> {
  const { ms, cpuMs, reply } = await target.call(action, request.payload, request.openid, now);
  if (!reply.answer.ok) {
    throw new Error(`${target.mode} ${action} ${JSON.stringify(request.payload)} as ${request.openid}: ${reply.status} ${JSON.stringify(reply.answer.error)}`);
  }
  return { ms, cpuMs, items: itemsOf(reply.answer.data) };
}

/** One door of one store with the requests to send it. */
interface Lane {
  label: string;
  target: Target;
  requests: BenchRequest[];
  samples: number[];
  cpuSamples: number[];
  items: number;
}

/**
 * Warm-up, then up to `iterations` rounds of sequential requests. With several lanes (the same
 * action on the 1k and the 100k store) the lanes take turns request by request, so whatever else
 * the machine does meanwhile weighs on both sizes alike and their ratio stays fair.
 */
async function measureLanes(action: string, lanes: Lane[], now: Date, options: Options, warmup = options.warmup): Promise<void> {
  for (const lane of lanes) {
    if (lane.requests.length === 0) throw new Error(`no requests for ${action} on ${lane.label}`);
  }
  for (let i = 0; i < warmup; i += 1) {
    for (const lane of lanes) await callChecked(lane.target, action, lane.requests[i % lane.requests.length], now);
  }
  collectGarbage();
  const started = Date.now();
  for (let i = 0; i < options.iterations; i += 1) {
    for (const lane of lanes) {
      const result = await callChecked(lane.target, action, lane.requests[(warmup + i) % lane.requests.length], now);
      lane.samples.push(result.ms);
      lane.cpuSamples.push(result.cpuMs);
      lane.items += result.items;
    }
    if (i + 1 >= 50 && Date.now() - started > options.budgetMs) break;
  }
}

function record(out: Measurement[], lane: Lane, scenario: Pick<Scenario, 'key' | 'action' | 'variant' | 'kind' | 'list'>): void {
  const stats = statsOf(lane.samples);
  out.push({ size: lane.label, mode: lane.target.mode, ...scenario, stats, cpu: statsOf(lane.cpuSamples), items: lane.items / Math.max(1, lane.samples.length) });
  log(`  ${lane.label.padEnd(4)} ${lane.target.mode.padEnd(10)} ${scenario.key.padEnd(52)} p50 ${stats.p50.toFixed(2).padStart(7)}  p95 ${stats.p95.toFixed(2).padStart(7)} ms  (n ${stats.n})`);
}

interface SizedStore {
  label: string;
  store: StoreInfo;
  city: City;
}

/**
 * Reads the whole file once, so that the measurement starts from the page cache a running server
 * would have rather than from whatever the machine last evicted.
 */
function warmPageCache(file: string): void {
  const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0) {
      // Only the reading matters.
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads: every size at once, door by door; the stores are only read, so the cached files serve. */
async function runReads(stores: SizedStore[], now: Date, options: Options, out: Measurement[]): Promise<Map<string, Scenario[]>> {
  const scenarios = new Map<string, Scenario[]>();
  for (const { store } of stores) warmPageCache(store.file);
  for (const { label, store, city } of stores) {
    // Cursors for later pages come from the real dispatch, untimed.
    const prepare = await openTarget('in-process', store.file);
    scenarios.set(label, (await readScenarios(store.file, city, now, prepare)).filter((s) => !options.only || s.key.includes(options.only)));
    await prepare.close();
  }
  const keys = scenarios.get(stores[0].label)!.map((s) => s.key);
  for (const mode of options.modes) {
    const targets = await Promise.all(stores.map(async ({ label, store }) => ({ label, target: await openTarget(mode, store.file) })));
    for (const key of keys) {
      const lanes: Lane[] = targets.map(({ label, target }) => ({
        label,
        target,
        requests: scenarios.get(label)!.find((s) => s.key === key)!.requests,
        samples: [],
        cpuSamples: [],
        items: 0,
      }));
      const scenario = scenarios.get(stores[0].label)!.find((s) => s.key === key)!;
      await measureLanes(scenario.action, lanes, now, options);
      for (const lane of lanes) record(out, lane, scenario);
    }
    for (const { target } of targets) await target.close();
  }
  return scenarios;
}

function copyStore(file: string, tag: string): string {
  const work = path.join(DATA_DIR, `work-${tag}-${process.pid}.db`);
  removeStore(work);
  copyFileSync(file, work);
  return work;
}

function removeStore(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** Writes change the store: each door writes on its own copy, so the cached store stays clean. */
async function runWrites({ label, store, city }: SizedStore, now: Date, options: Options, out: Measurement[]): Promise<void> {
  const writes = WRITE_SCENARIOS.filter(({ action, variant }) => !options.only || `${action} · ${variant}`.includes(options.only));
  const sweep = !options.only || 'deadline sweep'.includes(options.only);
  if (writes.length === 0 && !sweep) return;
  for (const [modeIndex, mode] of options.modes.entries()) {
    if (writes.length === 0 && mode !== 'in-process') continue;
    let work = copyStore(store.file, `${label}-${mode}`);
    let target = await openTarget(mode, work);
    let renewals = 0;
    for (const [writeIndex, { action, variant }] of writes.entries()) {
      const salt = modeIndex * 100 + writeIndex * 10000;
      const wanted = options.warmup + options.iterations;
      const lane: Lane = { label, target, requests: [], samples: [], cpuSamples: [], items: 0 };
      if (action !== 'review.decide') {
        lane.requests = writeRequests(action, work, city, now, wanted, salt);
        await measureLanes(action, [lane], now, options);
      } else {
        // Each approval moves its proposal on: when the copy has no proposal left in street
        // review, the next round starts on a fresh copy.
        for (let round = 0; ; round += 1) {
          lane.requests = writeRequests(action, work, city, now, wanted - lane.samples.length, salt + round);
          const warmup = Math.min(round === 0 ? options.warmup : 3, Math.floor(lane.requests.length / 4));
          const room = lane.requests.length - warmup;
          if (room <= 0) throw new Error('no proposal in street review to approve');
          const take = Math.min(room, options.iterations - lane.samples.length);
          const before = lane.samples.length;
          await measureLanes(action, [lane], now, { ...options, iterations: take }, warmup);
          if (lane.samples.length >= options.iterations || lane.samples.length - before < take) break;
          await target.close();
          removeStore(work);
          renewals += 1;
          work = copyStore(store.file, `${label}-${mode}-${round + 1}`);
          target = await openTarget(mode, work);
          lane.target = target;
        }
      }
      record(out, lane, { key: `${action} · ${variant}`, action, variant, kind: 'write', list: false });
    }
    if (renewals > 0) log(`  (${label} ${mode}: review.decide used ${renewals + 1} fresh copies of the store)`);
    await target.close();
    if (mode === 'in-process' && sweep) await measureSweep(label, work, now, out);
    removeStore(work);
  }
}

/**
 * The deadline sweep the local server runs at start and every minute (backend/app/jobs/sweep-overdue.ts):
 * not an action, but it runs on the server's one thread, so a request that arrives meanwhile
 * waits for the whole pass. Timed once on a store that has never been swept and once again.
 */
async function measureSweep(label: string, work: string, now: Date, out: Measurement[]): Promise<void> {
  const store = openSqliteStore({ file: work });
  try {
    for (const [variant, pass] of [['first pass', 1], ['repeat pass (nothing new)', 2]] as const) {
      collectGarbage();
      // The longest the event loop waited meanwhile: how long a request arriving during the pass
      // could have had to wait before the server even read it.
      const stalls = monitorEventLoopDelay({ resolution: 5 });
      stalls.enable();
      // The histogram counts from its first tick: let it tick before the pass starts.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const told = await sweepOverdue({ store, calendar: defaultCalendar, clock: { now: () => now } });
      // One more turn of the loop, so that a stall at the very end is recorded too.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const ms = Number(process.hrtime.bigint() - start) / 1e6 - 10;
      stalls.disable();
      const used = process.cpuUsage(cpu);
      const longestStallMs = stalls.max / 1e6;
      const key = `deadline sweep · ${variant}`;
      out.push({
        size: label,
        mode: 'in-process',
        key,
        action: 'deadline sweep',
        variant,
        kind: 'job',
        list: false,
        stats: statsOf([ms]),
        cpu: statsOf([(used.user + used.system) / 1000]),
        items: told,
        longestStallMs,
      });
      log(`  ${label.padEnd(4)} in-process ${key.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms, longest stall ${longestStallMs.toFixed(1)} ms (pass ${pass}: ${told} deadline(s) newly told)`);
    }
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const options = optionsOf(process.argv.slice(2));
  const started = Date.now();
  const info: RunInfo = {
    date: new Date().toISOString(),
    machine: machine(),
    stores: [],
    iterations: options.iterations,
    warmup: options.warmup,
    totalMs: 0,
    benchNow: CITY_SIZE.now,
    maxLoad: os.loadavg()[0],
  };
  const loadWatch = setInterval(() => (info.maxLoad = Math.max(info.maxLoad, os.loadavg()[0])), 5_000);
  loadWatch.unref();
  log(`[bench] ${info.machine.cpus} × ${info.machine.cpuModel}, ${info.machine.memoryGb} GB, Node ${info.machine.node}, SQLite ${info.machine.sqlite}, load ${info.machine.loadAtStart.toFixed(2)}`);
  const stores: SizedStore[] = [];
  for (const size of options.sizes) {
    const store = await storeFor(size.label, size.params, options.force);
    log(`[bench] ${size.label} store: ${path.relative(process.cwd(), store.file)} (${(store.bytes / 1e6).toFixed(0)} MB, ${store.generatedMs === null ? 'cached' : `generated in ${(store.generatedMs / 1000).toFixed(1)} s`})`);
    info.stores.push({ label: size.label, file: path.basename(store.file), bytes: store.bytes, generatedMs: store.generatedMs, params: size.params });
    stores.push({ label: size.label, store, city: buildCity(size.params) });
  }
  const measurements: Measurement[] = [];
  // Every size runs at the same benchmark clock.
  const now = new Date(CITY_SIZE.now);
  let phase = Date.now();
  log(`[bench] reads: ${stores.map((s) => s.label).join(' and ')} side by side, in process then over HTTP`);
  const scenarios = await runReads(stores, now, options, measurements);
  log(`[bench] reads measured in ${((Date.now() - phase) / 1000).toFixed(1)} s`);
  const biggest = stores[stores.length - 1];
  const explained: { size: string; plans: Explained[] } = { size: biggest.label, plans: await explainScenarios(biggest.store.file, scenarios.get(biggest.label)!, now) };
  for (const size of stores) {
    phase = Date.now();
    log(`[bench] ${size.label}: writes (on copies of the store)`);
    await runWrites(size, now, options, measurements);
    log(`[bench] ${size.label} writes measured in ${((Date.now() - phase) / 1000).toFixed(1)} s`);
  }
  info.totalMs = Date.now() - started;
  clearInterval(loadWatch);
  info.maxLoad = Math.max(info.maxLoad, os.loadavg()[0]);
  const resultsFile = path.resolve(__dirname, options.only ? 'data/RESULTS.partial.md' : 'RESULTS.md');
  const verdicts = writeResults(resultsFile, info, measurements, explained, !options.only);
  writeFileSync(path.join(DATA_DIR, 'last-run.json'), JSON.stringify({ info, measurements, explained }, null, 2));
  log(`[bench] done in ${(info.totalMs / 1000).toFixed(1)} s; ${path.relative(process.cwd(), resultsFile)} written`);
  for (const line of verdicts) log(`[bench] ${line}`);
}

main().catch((error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
