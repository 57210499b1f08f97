/**
 * bench/RESULTS.md: the run's numbers between two markers, rewritten by every run; whatever
 * lies outside the markers (the analysis) is kept as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CityParams } from './city';
import { suspicious, type Explained } from './explain';
import type { Machine, Stats } from './stats';
import type { Mode } from './targets';

export interface Measurement {
  size: string;
  mode: Mode;
  key: string;
  action: string;
  variant: string;
  kind: 'read' | 'write' | 'job';
  list: boolean;
  /** Wall-clock latency. */
  stats: Stats;
  /** CPU time of this process per request (see Timed.cpuMs). */
  cpu: Stats;
  /** The mean number of records per answer (list items, trail entries, application projects). */
  items: number;
  /** For a background job: the longest the event loop was held while it ran, in ms. */
  longestStallMs?: number;
}

export interface RunInfo {
  date: string;
  machine: Machine;
  stores: { label: string; file: string; bytes: number; generatedMs: number | null; params: CityParams }[];
  iterations: number;
  warmup: number;
  totalMs: number;
  benchNow: string;
  /** The highest 1-minute load average seen between actions (2 cores: above ~1.2 means others were busy). */
  maxLoad: number;
}

/** Design budget: local API p95 at a city-sized store. */
export const P95_BUDGET_MS = 50;
/** Issue 4: a list's p95 may grow at most this much from 1k to 100k proposals. */
export const LIST_RATIO_BUDGET = 1.5;
/** Issue 4: the whole `npm run bench`, generation on a cold cache included. */
export const TOTAL_BUDGET_MS = 10 * 60_000;

const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** A list's 1k and 100k pages are comparable when they carry about as many records. */
function comparable(small: Measurement | undefined, big: Measurement | undefined): boolean {
  return small !== undefined && big !== undefined && small.items >= 0.8 * big.items;
}

function table(measurements: Measurement[], sizes: string[], modes: Mode[]): { lines: string[]; verdicts: string[] } {
  const keys = [...new Set(measurements.map((m) => m.key))];
  const find = (key: string, size: string, mode: Mode) => measurements.find((m) => m.key === key && m.size === size && m.mode === mode);
  const big = sizes[sizes.length - 1];
  const small = sizes[0];
  const withRatio = sizes.length > 1;
  const head = [
    'Action',
    'Variant',
    `Records / answer (${sizes.join(' / ')})`,
    ...sizes.flatMap((size) => modes.map((mode) => `${size} ${mode === 'http' ? 'HTTP' : 'in-proc'} p50 / p95`)),
    ...(withRatio ? ['p95 ratio 100k/1k, wall (in-proc / HTTP)', 'p95 ratio 100k/1k, CPU (in-proc / HTTP)'] : []),
    `p95 ≤ ${P95_BUDGET_MS} ms at ${big}`,
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  const records = (key: string) =>
    sizes
      .map((size) => {
        const m = measurements.find((x) => x.key === key && x.size === size);
        return m ? (m.items < 10 ? m.items.toFixed(1) : m.items.toFixed(0)) : '—';
      })
      .join(' / ');
  const ratio = (key: string, mode: Mode, of: 'stats' | 'cpu') => {
    const a = find(key, small, mode);
    const b = find(key, big, mode);
    return a && b ? b[of].p95 / Math.max(a[of].p95, 0.001) : undefined;
  };
  const slow: string[] = [];
  const steep: string[] = [];
  const steepWallOnly: string[] = [];
  const held: string[] = [];
  const unlike: string[] = [];
  for (const key of keys) {
    const any = measurements.find((m) => m.key === key)!;
    const cells = sizes.flatMap((size) =>
      modes.map((mode) => {
        const m = find(key, size, mode);
        return m ? `${fmt(m.stats.p50)} / ${fmt(m.stats.p95)}` : '—';
      }),
    );
    const wall = modes.map((mode) => ratio(key, mode, 'stats'));
    const cpu = modes.map((mode) => ratio(key, mode, 'cpu'));
    const text = (values: (number | undefined)[]) => values.map((r) => (r === undefined ? '—' : r.toFixed(2))).join(' / ');
    if (withRatio && any.list) {
      const name = `${key} (wall ${text(wall)}, CPU ${text(cpu)})`;
      if (!comparable(find(key, small, modes[0]), find(key, big, modes[0]))) unlike.push(`${key} (${records(key)} records)`);
      else if (cpu.some((r) => r !== undefined && r > LIST_RATIO_BUDGET)) steep.push(name);
      else if (wall.some((r) => r !== undefined && r > LIST_RATIO_BUDGET)) steepWallOnly.push(name);
      else held.push(key);
    }
    const worst = Math.max(...modes.map((mode) => find(key, big, mode)?.stats.p95 ?? 0));
    const passes = worst <= P95_BUDGET_MS;
    if (!passes) slow.push(`${key} (${fmt(worst)} ms)`);
    const mark = (cell: string) => (any.list ? `**${cell}**` : cell);
    lines.push(
      `| ${any.action} | ${any.variant} | ${any.kind === 'write' ? '—' : records(key)} | ${cells.join(' | ')} | ` +
        `${withRatio ? `${mark(text(wall))} | ${mark(text(cpu))} | ` : ''}${passes ? 'yes' : `**no** (${fmt(worst)})`} |`,
    );
  }
  const verdicts = [
    slow.length === 0 ? `PASS p95 ≤ ${P95_BUDGET_MS} ms for every action at ${big}` : `MISS p95 ≤ ${P95_BUDGET_MS} ms at ${big}: ${slow.join(', ')}`,
  ];
  if (withRatio) {
    const budget = `p95 ${big}/${small} ≤ ${LIST_RATIO_BUDGET}`;
    verdicts.push(
      held.length ? `PASS list ratio ${budget} on wall and CPU time: ${held.join(', ')}` : `PASS list ratio ${budget}: none held on both clocks`,
    );
    if (steepWallOnly.length) verdicts.push(`PASS on CPU time, MISS on wall time (other load on the machine) ${budget}: ${steepWallOnly.join('; ')}`);
    if (steep.length) verdicts.push(`MISS list ratio ${budget} (CPU time too): ${steep.join('; ')}`);
    if (unlike.length) {
      verdicts.push(`NOT COMPARABLE (the ${small} page is not full, so its answers carry fewer records than at ${big}): ${unlike.join(', ')}`);
    }
  }
  return { lines, verdicts };
}

function plans(explained: { size: string; plans: Explained[] }): string[] {
  const short = (sql: string) => (sql.length > 160 ? `${sql.slice(0, 157)}...` : sql);
  const flagged = new Map<string, { keys: string[]; plan: string[] }>();
  for (const e of explained.plans) {
    for (const q of e.queries.filter(suspicious)) {
      const entry = flagged.get(q.sql) ?? { keys: [], plan: q.plan };
      entry.keys.push(e.key);
      flagged.set(q.sql, entry);
    }
  }
  return [
    `### Query plans at ${explained.size}`,
    '',
    'Every SELECT the store ran for one request of each read, with SQLite\'s EXPLAIN QUERY PLAN (same SQLite build as the store). ' +
      'Plans that read more than the page they answer — a full `SCAN` or a `TEMP B-TREE` sort of all matches — are listed first.',
    '',
    ...(flagged.size === 0
      ? ['- none']
      : [...flagged.entries()].map(([sql, { keys, plan }]) => `- ${keys.map((k) => `**${k}**`).join(', ')}: \`${short(sql)}\` → ${plan.map((line) => line.trim()).join('; ')}`)),
    '',
    '<details><summary>All plans</summary>',
    '',
    ...explained.plans.flatMap((e) => [
      `**${e.key}**`,
      '',
      '```',
      ...e.queries.flatMap((q) => [short(q.sql), ...q.plan.map((line) => `  ${line}`)]),
      '```',
      '',
    ]),
    '</details>',
    '',
  ];
}

export function writeResults(
  file: string,
  info: RunInfo,
  measurements: Measurement[],
  explained: { size: string; plans: Explained[] } | null = null,
  complete = true,
): string[] {
  const sizes = info.stores.map((s) => s.label);
  const modes = [...new Set(measurements.map((m) => m.mode))];
  const { lines, verdicts } = table(measurements.filter((m) => m.kind !== 'job'), sizes, modes);
  const jobs = measurements.filter((m) => m.kind === 'job');
  const jobLines = jobs.length
    ? [
        '',
        'Background job (not an action, timed once per pass in process): the deadline sweep the local server runs at start and every minute. ' +
          'It runs on the server\'s only thread: a request arriving meanwhile waits up to the longest stall of the event loop.',
        '',
        '| Job | Pass | ' + sizes.map((size) => `${size}: ms (CPU ms), longest stall, deadlines newly told`).join(' | ') + ' |',
        '| --- | --- | ' + sizes.map(() => '---:').join(' | ') + ' |',
        ...[...new Set(jobs.map((m) => m.key))].map((key) => {
          const any = jobs.find((m) => m.key === key)!;
          const cells = sizes.map((size) => {
            const m = jobs.find((x) => x.key === key && x.size === size);
            return m ? `${fmt(m.stats.p50)} (${fmt(m.cpu.p50)}), ${fmt(m.longestStallMs)} ms, ${m.items}` : '—';
          });
          return `| ${any.action} | ${any.variant} | ${cells.join(' | ')} |`;
        }),
      ]
    : [];
  const full = complete && sizes.includes('1k') && sizes.includes('100k');
  const total = `${(info.totalMs / 60_000).toFixed(1)} min (${(info.totalMs / 1000).toFixed(0)} s)`;
  const generated = info.stores.map((s) => `${s.label}: ${s.generatedMs === null ? 'cached' : `generated in ${(s.generatedMs / 1000).toFixed(1)} s`}`).join(', ');
  if (full) {
    const cold = info.stores.every((s) => s.generatedMs !== null);
    verdicts.push(
      info.totalMs <= TOTAL_BUDGET_MS
        ? `PASS whole run ${total} ≤ 10 min (${cold ? 'cold cache' : 'stores cached; see the cold-cache figure in the analysis'})`
        : `MISS whole run ${total} > 10 min`,
    );
  }
  const few = measurements.filter((m) => m.kind !== 'job' && m.stats.n < info.iterations).map((m) => `${m.size} ${m.mode} ${m.key}: ${m.stats.n}`);
  const body = [
    BEGIN,
    '',
    `Run of ${info.date.slice(0, 16).replace('T', ' ')} UTC — ${info.machine.cpus} × ${info.machine.cpuModel}, ${info.machine.memoryGb} GB RAM, ` +
      `Node ${info.machine.node}, SQLite ${info.machine.sqlite} (better-sqlite3 ${info.machine.betterSqlite3}), ${info.machine.platform}.`,
    '',
    `Whole run: ${total}; stores ${generated}. Requests at the benchmark's clock ${info.benchNow}. ` +
      `Load average (1 min) ${info.machine.loadAtStart.toFixed(2)} at the start, at most ${info.maxLoad.toFixed(2)} during the run` +
      (info.maxLoad > info.machine.cpus * 0.75 ? ' — other work shared the machine, so the tails (p95) are pessimistic.' : '.'),
    '',
    '| Store | Proposals | Comments | Ratings | Communities | File |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...info.stores.map((s) => `| ${s.label} | ${s.params.proposals.toLocaleString('en')} | ${s.params.comments.toLocaleString('en')} | ${s.params.ratings.toLocaleString('en')} | ${s.params.communities} | ${(s.bytes / 1e6).toFixed(0)} MB |`),
    '',
    `Latency in ms, sequential requests, ${info.warmup} warm-up then ${info.iterations} measured per action, door and size` +
      (few.length ? ` (fewer where an action reached its time budget: ${few.join('; ')})` : '') +
      '. Ratios in **bold** are the paginated lists held to ≤ 1.5: on the wall clock, and on the CPU time of the process, ' +
      'which other programs on the machine do not inflate. A list is compared only where its 1k answers carry about as many records as at 100k.',
    '',
    ...lines,
    ...jobLines,
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
    ...(explained ? plans(explained) : []),
    END,
  ].join('\n');
  let text: string;
  if (existsSync(file)) {
    const old = readFileSync(file, 'utf8');
    const begin = old.indexOf('<!-- bench:begin');
    const end = old.indexOf(END);
    text = begin >= 0 && end > begin ? old.slice(0, begin) + body + old.slice(end + END.length) : `${old.trimEnd()}\n\n${body}\n`;
  } else {
    text = `# Benchmark results\n\nSee bench/README.md for what is measured and how.\n\n${body}\n\n## Analysis\n\n(to be written)\n`;
  }
  writeFileSync(file, text);
  return verdicts;
}
