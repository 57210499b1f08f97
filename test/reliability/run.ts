import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from '../support/reliability-figures';

// `npm run test:reliability`: the reliability suite of issue 7 at full scale. Clears the figures
// folder, runs jest on test/reliability with RELIABILITY_SCALE=full, and writes REPORT.md beside
// this file: the machine, the date, the duration, and every figure with its goal and verdict,
// then the defects the suite shows (its it.failing tests) with their fixes. Exit 0 only when
// every test passed and every figure met its goal.

const root = path.resolve(__dirname, '../..');
const here = __dirname;
const figuresDir = path.join(here, 'figures');
const reportFile = path.join(here, 'REPORT.md');
const jestReport = path.join(os.tmpdir(), `weishishi-reliability-${process.pid}.json`);

/** The defects the suite has shown, by the id in their DEFECT test's title, with the fix to apply. */
const FIXES: Record<string, { where: string; fix: string }> = {
  'audit-tail-truncation': {
    where: 'backend/store/sqlite/migrations.ts (new migration 3), backend/store/sqlite/sqlite.store.ts `appendAudit`, backend/local/audit-verify.ts `verifyAuditTrail`',
    fix: [
      'A hash chain cannot see its own end cut off: record each chain\'s head in the same transaction as its entries and check it.',
      '```sql',
      '-- migration 3: audit-heads',
      'CREATE TABLE audit_heads (chain_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);',
      'INSERT INTO audit_heads (chain_id, seq, hash)',
      '  SELECT chain_id, seq, hash FROM audit_entries a WHERE seq = (SELECT MAX(seq) FROM audit_entries b WHERE b.chain_id = a.chain_id);',
      "CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads BEGIN SELECT RAISE(ABORT, 'audit heads cannot be deleted'); END;",
      "CREATE TRIGGER audit_heads_forward BEFORE UPDATE ON audit_heads WHEN NEW.seq <> OLD.seq + 1 BEGIN SELECT RAISE(ABORT, 'audit heads only move forward'); END;",
      '```',
      '```ts',
      '// SqliteStore constructor',
      "moveHead: db.prepare('INSERT INTO audit_heads (chain_id, seq, hash) VALUES (@chainId, @seq, @hash) ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash'),",
      "auditHeads: db.prepare('SELECT chain_id AS chainId, seq, hash FROM audit_heads ORDER BY chain_id'),",
      '// appendAudit, after insertAudit.run(...)',
      'this.statements.moveHead.run({ chainId: draft.chainId, seq, hash });',
      '// a public reader for audit:verify',
      'auditHeads(): { chainId: string; seq: number; hash: string }[] { return this.statements.auditHeads.all() as { chainId: string; seq: number; hash: string }[]; }',
      '',
      '// backend/local/audit-verify.ts verifyAuditTrail: walk the union of entry chains and head chains',
      'const heads = new Map(store.auditHeads().map((head) => [head.chainId, head]));',
      'const chainIds = [...new Set([...store.auditChainIds(), ...heads.keys()])].sort();',
      'for (const chainId of chainIds) {',
      '  const chain = await store.auditTrail(chainId);',
      '  entries += chain.length;',
      '  const broken = verifyChain(chain);',
      '  if (broken) return { chains: chainIds.length, entries, broken };',
      '  const head = heads.get(chainId);',
      '  const last = chain[chain.length - 1];',
      "  if (!head) return { chains: chainIds.length, entries, broken: { chainId, seq: last.seq, reason: 'the chain has no recorded head' } };",
      '  if (!last || head.seq !== last.seq || head.hash !== last.hash) {',
      '    const seq = (last?.seq ?? 0) + 1;',
      '    return { chains: chainIds.length, entries, broken: { chainId, seq, reason: `entry ${seq} is missing: the chain\'s head is entry ${head.seq}` } };',
      '  }',
      '}',
      '```',
      'The CloudBase adapter needs the same: a head document per chain, updated in the transaction that appends the entry.',
    ].join('\n'),
  },
  'text-length-utf16': {
    where: 'backend/app/schemas.ts `personText`',
    fix: [
      "zod's `.max(n)` counts UTF-16 code units, so 26 emoji (52 units) already fail a 50-character title; the domain (`requireMaxLength` in lifecycle.ts) counts code points. Count code points in the schema too:",
      '```ts',
      'export function personText(maxLength: number) {',
      '  return z',
      '    .string()',
      '    .trim()',
      '    .min(1)',
      '    .refine((text) => Array.from(text).length <= maxLength, { message: `at most ${maxLength} characters` })',
      '    .refine((text) => !CONTROL_CHARACTERS.test(text), { message: \'control characters\' })',
      '    .refine((text) => !FORMAT_CHARACTERS.test(text), { message: \'invisible or direction characters\' })',
      '    .refine((text) => !LONE_SURROGATE.test(text), { message: \'not well-formed text\' });',
      '}',
      '```',
      '(`FORMAT_CHARACTERS` and `LONE_SURROGATE` are the fixes of bidi-in-unchecked-text and lone-surrogate-mangled below.) An oversized string is still refused before the refine runs: the HTTP body limit is 1 MB.',
    ].join('\n'),
  },
  'zwj-emoji-risky': {
    where: 'backend/wechat/local/local.content-check.ts `HIDDEN_CHARACTERS`, `SEPARATORS`',
    fix: [
      'U+200D (ZWJ) and U+200C (ZWNJ) are inside `\\u200B-\\u200F`, so every ZWJ emoji sequence (👨‍👩‍👧‍👦, 🏳️‍🌈, 👩‍⚕️) makes a proposal or comment `risky` → content_rejected. Keep them out of the hidden set, and strip them before the word match so that they cannot split a blocked word:',
      '```ts',
      'const HIDDEN_CHARACTERS = /[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]/u;',
      'const SEPARATORS = /[\\s\\u3000·•.,，。、_\\-*|/\\\\\\u200C\\u200D]+/gu;',
      '```',
      '(U+2066–U+2069, the bidi isolates, were missing from the hidden set as well.)',
    ].join('\n'),
  },
  'bidi-in-unchecked-text': {
    where: 'backend/app/schemas.ts `personText`',
    fix: [
      'Only proposals, comments, replies and rating texts go through the content check; every other person-text field (me.join name, review reasons, report plan, library titles, change reasons, implementer, auditor …) accepts U+202E and friends, so a name or reason can render reversed on staff pages (Trojan Source, CVE-2021-42574). Refuse them in the schema for every field:',
      '```ts',
      '/** Direction overrides and isolates, zero-width and BOM characters (ZWJ and ZWNJ stay: emoji and scripts need them). */',
      'const FORMAT_CHARACTERS = /[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]/;',
      '// in personText: .refine((text) => !FORMAT_CHARACTERS.test(text), { message: \'invisible or direction characters\' })',
      '```',
    ].join('\n'),
  },
  'lone-surrogate-mangled': {
    where: 'backend/app/schemas.ts `personText`',
    fix: [
      'JSON may carry a lone surrogate (`"\\ud800"`); SQLite stores it as invalid UTF-8 and gives back U+FFFD ×3, so the comment (and its retry answer) is not what was sent. Refuse text that is not well-formed UTF-16:',
      '```ts',
      'const LONE_SURROGATE = /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/;',
      "// in personText: .refine((text) => !LONE_SURROGATE.test(text), { message: 'not well-formed text' })",
      '```',
    ].join('\n'),
  },
  'agenda-far-future': {
    where: 'backend/app/schemas.ts `dateString`; and backend/domain/lifecycle.ts, the `council.publishAgenda` guard',
    fix: [
      'council.publishAgenda takes any real date, 9999-12-31 included. Its proposals then wait in agenda_published until that day (recordVote is their only way out), and council.status of the community answers `internal` on every call from then on: `councilDueOn` adds two months and `formatParts` makes `10000-02-29`, which `partsOf` throws on (RangeError). Bound every payload date to the years the `year` schema allows, so no date arithmetic can leave four-digit years:',
      '```ts',
      'export const dateString = z',
      '  .string()',
      '  .regex(/^\\d{4}-\\d{2}-\\d{2}$/)',
      "  .refine((date) => date >= '2000-01-01' && date <= '2100-12-31', { message: 'year out of range' });",
      '```',
      'and (R-COU-1: the council meets at least every two months) refuse an agenda for a meeting further ahead than the council interval, in the guard of `council.publishAgenda`:',
      '```ts',
      'const latest = addCalendarMonths(today, COUNCIL_INTERVAL_MONTHS);',
      "if (compareDates(meetingOn, latest) > 0) return refusal('invalid_input', `会议最晚可定于 ${latest}`, 'meetingOn');",
      '```',
    ].join('\n'),
  },
  'prototype-key-lookup': {
    where: 'backend/app/actions/import-directory.ts `DATASETS`',
    fix: [
      'The shipped datasets were an object indexed by the caller\'s `cityCode`: `__proto__`, `constructor` or `toString` found an inherited property, taken for a dataset, and the import threw (500 internal). Look codes up in a Map, which holds only what was put in it:',
      '```ts',
      'const DATASETS = new Map<string, RawCity & { source: string; version: string }>([[shenzhen.cityCode, shenzhen]]);',
      '// in run:',
      'const dataset = DATASETS.get(input.cityCode);',
      '```',
    ].join('\n'),
  },
  'dev-clock-impossible-date': {
    where: 'backend/local/dev-identity.ts `identityOf`',
    fix: [
      '`new Date(\'2026-02-30T10:00:00+08:00\')` is 2 March: the pattern passes and the date rolls over. Check the date part is a real date (local mode only):',
      '```ts',
      "import { isDateString } from '../domain/calendar';",
      '// in identityOf, with the pattern test:',
      'const parsed = INSTANT_PATTERN.test(now) && isDateString(now.slice(0, 10)) ? new Date(now) : null;',
      '```',
    ].join('\n'),
  },
};

/** A DEFECT test names its defect with a hyphenated id: `DEFECT audit-tail-truncation:`. */
const DEFECT_ID = /DEFECT ([a-z0-9]+(?:-[a-z0-9]+)+)/;
/** Once fixed, the same test stays as a regression test: `regression of fixed defect audit-tail-truncation:`. */
const FIXED_ID = /fixed defect ([a-z0-9]+(?:-[a-z0-9]+)+)/;

function machine(): Record<string, string> {
  const cpus = os.cpus();
  const nproc = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim() || String(cpus.length);
  return {
    nproc,
    CPU: cpus[0]?.model ?? 'unknown',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    Node: process.version,
    OS: `${os.type()} ${os.release()} (${os.arch()})`,
  };
}

interface JestAssertion {
  title: string;
  fullName: string;
  status: string;
  duration?: number;
}

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; assertionResults: JestAssertion[]; message: string }[];
}

function main(): void {
  rmSync(figuresDir, { recursive: true, force: true });
  mkdirSync(figuresDir, { recursive: true });
  const started = Date.now();
  const startedAt = new Date();
  const run = spawnSync(
    'npx',
    ['jest', 'test/reliability', '--selectProjects', 'node', '--testMatch', '**/test/reliability/**/*.test.ts', '--ci', '--json', `--outputFile=${jestReport}`],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, RELIABILITY_SCALE: 'full', RELIABILITY_FIGURES_DIR: figuresDir, TZ: process.env.TZ ?? 'Asia/Shanghai' } },
  );
  const seconds = (Date.now() - started) / 1000;
  let results: JestResults | null = null;
  try {
    results = JSON.parse(readFileSync(jestReport, 'utf8')) as JestResults;
  } catch {
    results = null;
  }
  const figures = (existsSync(figuresDir) ? readdirSync(figuresDir) : [])
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(path.join(figuresDir, file), 'utf8')) as Figure & { line: string; scale: string })
    .sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));

  const tests = results?.testResults.flatMap((file) => file.assertionResults.map((a) => ({ ...a, file: path.relative(root, file.name) }))) ?? [];
  // An it.failing test is reported passed while its defect stands.
  const standing = tests.filter((t) => DEFECT_ID.test(t.title) && t.status === 'passed');
  const failedTests = tests.filter((t) => t.status === 'failed');
  const figuresFailed = figures.filter((f) => !f.pass);
  const allGood = run.status === 0 && figuresFailed.length === 0 && results !== null;

  const lines: string[] = [];
  lines.push('# Reliability and security figures (issue 7)', '');
  lines.push(`Written by \`npm run test:reliability\` (test/reliability/run.ts) — do not edit by hand.`, '');
  lines.push(`- **Date**: ${startedAt.toISOString()}`);
  lines.push(`- **Scale**: full (RELIABILITY_SCALE=full)`);
  lines.push(`- **Duration**: ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min)`);
  for (const [key, value] of Object.entries(machine())) lines.push(`- **${key}**: ${value}`);
  lines.push(
    `- **Jest**: ${results ? `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numRuntimeErrorTestSuites} suites that did not run` : 'no report (jest did not finish)'}; exit ${run.status}`,
  );
  lines.push(`- **Verdict**: ${allGood ? 'every figure at its goal' : `${figuresFailed.length} figure(s) short of their goal, ${failedTests.length} failing test(s), ${standing.length} open defect(s)`}`, '');

  lines.push('## Figures', '');
  lines.push('| # | figure | goal | verdict |', '|---|---|---|---|');
  for (const figure of figures) lines.push(`| ${figure.number} | ${figure.name} | ${figure.goal} | ${figure.pass ? 'PASS' : '**FAIL**'} |`);
  lines.push('');
  for (const figure of figures) {
    lines.push(`### ${figure.number}. ${figure.name} — ${figure.pass ? 'PASS' : 'FAIL'}`, '');
    lines.push(`Goal: ${figure.goal}`, '');
    lines.push('| count | value |', '|---|---|');
    for (const [key, value] of Object.entries(figure.values)) lines.push(`| ${key} | ${String(value).replace(/\|/g, '\\|')} |`);
    lines.push('');
    if (figure.notes && figure.notes.length > 0) {
      lines.push('Notes:', '');
      for (const note of figure.notes) lines.push(`- ${note.replace(/\n/g, ' ')}`);
      lines.push('');
    }
  }

  lines.push('## Open defects (shown by it.failing tests; each fails once its fix lands — then drop `.failing`)', '');
  if (standing.length === 0) lines.push('None.', '');
  for (const test of standing) {
    const id = DEFECT_ID.exec(test.title)![1];
    const fix = FIXES[id];
    lines.push(`### ${id}`, '', `Test: \`${test.file}\` — “${test.title}”`, '');
    if (fix) lines.push(`Where: ${fix.where}`, '', fix.fix, '');
    else lines.push('(no fix recorded in run.ts)', '');
  }
  const fixed = tests.filter((t) => FIXED_ID.test(t.title));
  lines.push('## Defects found by this suite and fixed in the backend (their tests stay as regression tests)', '');
  if (fixed.length === 0) lines.push('None.', '');
  for (const test of fixed) {
    const id = FIXED_ID.exec(test.title)![1];
    const fix = FIXES[id];
    lines.push(`### ${id} — regression test ${test.status === 'passed' ? 'passes' : '**FAILS**'}`, '', `Test: \`${test.file}\` — “${test.title}”`, '');
    if (fix) lines.push(`Where: ${fix.where}`, '', fix.fix, '');
  }
  if (failedTests.length > 0) {
    lines.push('## Failing tests', '');
    for (const test of failedTests) lines.push(`- \`${test.file}\` — ${test.fullName}`);
    lines.push('');
  }
  writeFileSync(reportFile, `${lines.join('\n')}\n`);
  process.stdout.write(`\n[reliability] ${figures.length} figures, ${figuresFailed.length} short of goal, ${standing.length} open defects; ${seconds.toFixed(0)} s; report: ${path.relative(root, reportFile)}\n`);
  rmSync(jestReport, { force: true });
  process.exit(allGood ? 0 : 1);
}

main();
