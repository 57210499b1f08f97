import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The figures of the reliability suite (issue 7). Each test file counts what happened and records
// it here: a line on stdout (`[reliability] budget races: rounds=200 cap violations=0 …`) and,
// when the runner (`npm run test:reliability`) set RELIABILITY_FIGURES_DIR, a JSON file that the
// runner turns into test/reliability/REPORT.md.

/** `full` under `npm run test:reliability`; the quick subset otherwise (inside `npm test`). */
export const FULL = process.env.RELIABILITY_SCALE === 'full';

/** The quick or the full amount of something. */
export function scaled<T>(quick: T, full: T): T {
  return FULL ? full : quick;
}

export interface Figure {
  /** Which of the nine figures (1–9); sub-figures share the number. */
  number: number;
  /** A short name, unique within the suite: `budget races`. */
  name: string;
  /** What must hold, in words: `cap violations = 0 and ledger = Σ approved in every round`. */
  goal: string;
  /** The counts, in the order they are printed. */
  values: Record<string, number | string>;
  /** Whether the goal was met, as judged by the test from the counts. */
  pass: boolean;
  /** Anything a reader of the report needs to weigh the numbers (defects, what was sampled). */
  notes?: string[];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Prints the figure's line and, under the runner, writes it as JSON for the report. */
export function recordFigure(figure: Figure): void {
  const values = Object.entries(figure.values)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const line = `[reliability] ${figure.name}: ${values} → ${figure.pass ? 'PASS' : 'FAIL'} (${FULL ? 'full' : 'quick'})`;
  // stdout, not console.log: jest would wrap a console line in a stack trace.
  process.stdout.write(`${line}\n`);
  const folder = process.env.RELIABILITY_FIGURES_DIR;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${figure.number}-${slug(figure.name)}.json`);
  writeFileSync(file, `${JSON.stringify({ ...figure, scale: FULL ? 'full' : 'quick', line, at: new Date().toISOString() }, null, 2)}\n`);
}

/** A small deterministic random source (mulberry32), so that a failing round can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}
