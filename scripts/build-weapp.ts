import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWeappBuild } from './check-weapp-build';

/**
 * `npm run build:weapp`: the production weapp build, then the post-build check (App registered
 * and launched with the given cloud env, every page registered). `npm run release:weapp` is the
 * same build for upload: it refuses to start without a cloud environment and a real appid, so a
 * release can never fall back to the account's default environment or the tourist appid.
 */

const root = path.resolve(__dirname, '..');
export const WEAPP_DIR = path.join(root, 'dist/weapp');

/** What a release needs from the environment, with the reason shown when it is missing. */
export const RELEASE_SETTINGS = [
  { name: 'TARO_APP_CLOUD_ENV', why: 'the CloudBase environment id the mini-program calls (云开发环境 ID)' },
  { name: 'TARO_APP_ID', why: 'the mini-program appid (touristappid cannot use cloud development)' },
] as const;

/** The settings a release cannot go without, each with its message; empty when all are there. */
export function missingReleaseSettings(env: Record<string, string | undefined>): string[] {
  return RELEASE_SETTINGS.filter(({ name }) => {
    const value = (env[name] ?? '').trim();
    return value === '' || value === 'touristappid';
  }).map(({ name, why }) => `${name} is empty: set it to ${why}`);
}

/**
 * The project.config.json Taro copies into dist/weapp keeps the root's `cloudfunctionRoot`, which
 * is wrong relative to dist/weapp: point it at the repository's cloudfunctions/ folder.
 */
export function fixDistProjectConfig(distDir: string, cloudfunctionsDir = path.join(root, 'cloudfunctions')): Record<string, unknown> {
  const file = path.join(distDir, 'project.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  config.cloudfunctionRoot = `${path.relative(distDir, cloudfunctionsDir).split(path.sep).join('/')}/`;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return config;
}

/**
 * Drops the indentation and line breaks between tags of the generated WXML (Taro's templates carry
 * no text of their own: every text comes from data). Taro's own `minifyXML` is not used: its
 * html-minifier treats `<input>` as an HTML void element and drops `</input>`, which WeChat's
 * compiler refuses (found by the weapp tests, which compile every WXML with wcc).
 */
export function compactWxml(distDir: string): number {
  let saved = 0;
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.wxml')) {
        const original = readFileSync(file, 'utf8');
        const compact = original.replace(/>\s+</g, '><').trim();
        saved += Buffer.byteLength(original) - Buffer.byteLength(compact);
        writeFileSync(file, compact);
      }
    }
  };
  visit(distDir);
  return saved;
}

/** Builds dist/weapp with `env` added to the process environment; answers the problems found. */
export async function buildWeapp(env: Record<string, string> = {}, options: { quiet?: boolean } = {}): Promise<string[]> {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    encoding: 'utf8',
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  if (build.status !== 0) return [`taro build failed (exit ${build.status})\n${build.stdout ?? ''}\n${build.stderr ?? ''}`];
  fixDistProjectConfig(WEAPP_DIR);
  compactWxml(WEAPP_DIR);
  const cloudEnv = env.TARO_APP_CLOUD_ENV ?? process.env.TARO_APP_CLOUD_ENV ?? '';
  return (await checkWeappBuild(WEAPP_DIR, { cloudEnv })).problems;
}

async function main(): Promise<void> {
  if (process.argv.includes('--release')) {
    const missing = missingReleaseSettings(process.env);
    if (missing.length > 0) {
      console.error(`[release:weapp] refusing to build a release:\n  ${missing.join('\n  ')}\n(npm run build:weapp builds without them, for tests)`);
      process.exit(1);
    }
  }
  const problems = await buildWeapp();
  if (problems.length > 0) {
    console.error(`[build:weapp] the build is broken:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('[build:weapp] dist/weapp built and checked: App launches, every page registers');
}

if (require.main === module) void main();
