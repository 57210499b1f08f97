import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MAIN_PACKAGE_LIMIT, measurePackages } from '../scripts/size-gate';

/**
 * The weapp size baseline (`npx tsx bench/weapp-size.ts`): builds the bare Taro 4.2.1 React hello
 * world of bench/weapp-bare (one page, written by hand as `taro init` would, its defaults) with
 * the project's toolchain, and compares our main package (dist/weapp, built by
 * `npm run build:weapp`) with it. The gate of npm test holds the absolute limit
 * (scripts/size-gate.ts); this records the ratio (bench/RESULTS.md).
 */

const root = path.resolve(__dirname, '..');
const bare = path.join(__dirname, 'weapp-bare');

const build = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
  cwd: bare,
  encoding: 'utf8',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) {
  console.error(`${build.stdout}\n${build.stderr}\n[weapp size] the bare app did not build`);
  process.exit(1);
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bareMain = measurePackages(path.join(bare, 'dist')).find((size) => size.name === 'main')!.bytes;
console.log(`[weapp size] bare Taro 4.2.1 React hello world: ${kb(bareMain)}; 1.3 × = ${kb(bareMain * 1.3)}; gate ${kb(MAIN_PACKAGE_LIMIT)}`);
if (existsSync(path.join(root, 'dist/weapp/app.json'))) {
  for (const size of measurePackages(path.join(root, 'dist/weapp'))) {
    const ratio = size.name === 'main' ? ` = ${(size.bytes / bareMain).toFixed(2)} × bare` : '';
    console.log(`[weapp size] ours ${size.name}: ${kb(size.bytes)}${ratio}`);
  }
}
