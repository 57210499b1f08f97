import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from './build-functions';

// `npm test`: every check of the project in one command, ending with the closing line
// `N passed, N failed` on stdout (CI reads it). Steps run in order; each failure is counted.

const root = path.resolve(__dirname, '..');
const reports = mkdtempSync(path.join(os.tmpdir(), 'weishishi-jest-'));
let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[], env: Record<string, string> = {}, quiet = false): boolean {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  if (!ok && quiet) console.log(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  console.log(`=== ${label}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

/** A build or gate step: one check. */
function gate(label: string, command: string, args: string[], env: Record<string, string> = {}, quiet = false): void {
  if (run(label, command, args, env, quiet)) passed += 1;
  else failed += 1;
}

/** A jest run: its tests are counted from its JSON report. */
function jest(label: string, args: string[], timeZone: string): void {
  const report = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...args], { TZ: timeZone });
  try {
    const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
    passed += results.numPassedTests;
    failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
    // A run can fail with every test green: a coverage threshold, say.
    if (!ok && results.numFailedTests + results.numRuntimeErrorTestSuites === 0) failed += 1;
  } catch {
    failed += 1;
  }
}

async function main(): Promise<void> {
  gate('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  // Three weapp builds (two cloud envs, then plain), each checked; the plain one stays in dist/weapp.
  gate('weapp builds: env A, env B, plain — each launches and registers every page', 'npx', ['tsx', 'scripts/weapp-rebuild.ts']);
  gate('weapp package size gate (main ≤ 386 KB)', 'npx', ['tsx', 'scripts/size-gate.ts', '--no-build']);
  gate("WeChat's code-quality audit (miniprogram-ci, 11 checks)", 'npx', ['tsx', 'scripts/weapp-audit.ts']);
  gate('H5 build', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' }, true);
  console.log('\n=== cloud function bundles');
  try {
    await buildFunctions();
    passed += 1;
  } catch (error) {
    console.error(error);
    failed += 1;
  }
  jest('domain tests with coverage, TZ=Asia/Shanghai', ['--selectProjects', 'node', '--coverage', '--testPathPatterns', 'test/domain/'], 'Asia/Shanghai');
  jest('domain tests, TZ=America/Los_Angeles', ['--selectProjects', 'node', '--testPathPatterns', 'test/domain/'], 'America/Los_Angeles');
  jest('backend, HTTP, browser and page tests', ['--selectProjects', 'node', 'ui', '--testPathIgnorePatterns', 'test/domain/'], 'Asia/Shanghai');
  jest('weapp build in miniprogram-simulate (every page, every role, the journeys)', ['--selectProjects', 'weapp'], 'Asia/Shanghai');
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
