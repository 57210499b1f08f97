import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RATE_LIMITS } from '../app/action';
import { parseLocalMode } from './local-mode';
import { firstAdministrator } from '../seed/real-directory';
import { startLocalServer } from './server';

// `npm start`: the whole system on this machine — the H5 build at `/`, the API at POST /api,
// an embedded SQLite store seeded with the demo data when empty.

const root = path.resolve(__dirname, '../..');
const port = Number(process.env.PORT ?? 8787);
const dbFile = path.resolve(root, process.env.DB_FILE ?? 'data/weishishi.db');
const h5Dir = path.resolve(root, process.env.H5_DIR ?? 'dist/h5');
// The dev identity headers are honoured unless switched off with LOCAL_MODE=off; a value that is
// neither `on` nor `off` stops the start (see local-mode.ts).
const localModeSetting = parseLocalMode(process.env.LOCAL_MODE);
if (!localModeSetting.ok) {
  console.error(`[start] ${localModeSetting.message}`);
  process.exit(1);
}
const localMode = localModeSetting.localMode;
// SEED=shenzhen seeds an empty store with the real directory and the city administrator
// ADMIN_OPENID instead of the demo (issue 16); anything else but `demo` stops the start.
const seedSetting = process.env.SEED ?? 'demo';
if (seedSetting !== 'demo' && seedSetting !== 'shenzhen') {
  console.error(`[start] SEED must be demo or shenzhen, not ${seedSetting}`);
  process.exit(1);
}
// ADMIN_NAME (optional) is the name 人员管理 shows for that administrator.
const administrator = firstAdministrator.safeParse({ adminOpenid: process.env.ADMIN_OPENID ?? '', ...(process.env.ADMIN_NAME ? { adminName: process.env.ADMIN_NAME } : {}) });
if (seedSetting === 'shenzhen' && !administrator.success) {
  console.error('[start] SEED=shenzhen needs ADMIN_OPENID, the openid of the first city administrator (letters, digits, _ and -), and ADMIN_NAME, if given, a name of at most 20 characters');
  process.exit(1);
}
const seed = seedSetting === 'shenzhen' && administrator.success ? { kind: 'shenzhen' as const, ...administrator.data } : { kind: 'demo' as const };

async function main(): Promise<void> {
  if (!existsSync(path.join(h5Dir, 'index.html'))) {
    console.log('[start] dist/h5 is missing: building the H5 app (about 20 s) …');
    // Always a production build: an inherited NODE_ENV (jest sets 'test') would ask for dev tooling.
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) {
      console.error('[start] the H5 build failed');
      process.exit(1);
    }
  }
  if (dbFile !== ':memory:') mkdirSync(path.dirname(dbFile), { recursive: true });
  const uploadDir = path.resolve(root, process.env.UPLOAD_DIR ?? path.join(path.dirname(dbFile), 'uploads'));
  const limits = {
    proposalsPerDay: Number(process.env.RATE_PROPOSALS_PER_DAY ?? DEFAULT_RATE_LIMITS.proposalsPerDay),
    commentsPerHour: Number(process.env.RATE_COMMENTS_PER_HOUR ?? DEFAULT_RATE_LIMITS.commentsPerHour),
  };
  const server = await startLocalServer({ host: '127.0.0.1', port, dbFile, h5Dir, localMode, uploadDir, limits, seed, warmStaticFiles: true });
  console.log(`[start] listening on ${server.url} (store ${dbFile}${localMode ? ', local mode' : ''})`);

  const stop = (signal: string) => {
    console.log(`[start] ${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error('[start] failed to start:', error);
  process.exit(1);
});
