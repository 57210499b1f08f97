import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWeapp } from './build-weapp';

// Builds the weapp in production mode and holds the package budgets of design.md:
// main package ≤ 386 KB (1.3 × a bare Taro hello world, bench/RESULTS.md), every subpackage ≤ 1 MB (WeChat's hard limit is 2 MB).

const root = path.resolve(__dirname, '..');
const weappDir = path.join(root, 'dist/weapp');
export const MAIN_PACKAGE_LIMIT = 386 * 1024;
export const SUBPACKAGE_LIMIT = 1024 * 1024;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export interface PackageSize {
  name: string;
  bytes: number;
  limit: number;
}

/** Sizes of the main package and of each subpackage of a weapp build folder. */
export function measurePackages(folder: string): PackageSize[] {
  const appJson = JSON.parse(readFileSync(path.join(folder, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (appJson.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])]);
  for (const file of filesUnder(folder)) {
    const relative = path.relative(folder, file).split(path.sep).join('/');
    const owner = roots.find((r) => relative === r || relative.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes, limit: name === 'main' ? MAIN_PACKAGE_LIMIT : SUBPACKAGE_LIMIT }));
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const problems = await buildWeapp({}, { quiet: true });
    if (problems.length > 0) {
      console.error(`[size] the weapp build failed:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
  }
  const sizes = measurePackages(weappDir);
  let over = false;
  for (const size of sizes) {
    const verdict = size.bytes <= size.limit ? 'ok' : 'OVER';
    over ||= size.bytes > size.limit;
    console.log(`[size] ${size.name.padEnd(8)} ${(size.bytes / 1024).toFixed(1).padStart(8)} KB of ${size.limit / 1024} KB  ${verdict}`);
  }
  if (over) {
    console.error('[size] a package is over its budget');
    process.exit(1);
  }
}

if (require.main === module) void main();
