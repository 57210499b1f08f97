import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadMiniProgram, pageRoutes, readAppJson } from './weapp/mini-runtime';

/**
 * The post-build check of a weapp build: app.js must register the App and launch it (the launch
 * initialises the cloud with the environment the build was given), and every page of app.json
 * must have a module that registers its Page. A build on a stale webpack cache once produced an
 * app.js whose App module was empty (`function(){}`): it passed every size check and died at
 * launch on the phone. This check fails such a build.
 */

export interface BuildCheck {
  problems: string[];
  pages: number;
  cloudInits: unknown[];
}

/** A `wx` just rich enough for a launch: cloud.init is recorded. */
function launchWx(cloudInits: unknown[]): Record<string, unknown> {
  return {
    cloud: { init: (options: unknown) => cloudInits.push(options) },
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    onNeedPrivacyAuthorization: () => undefined,
  };
}

export async function checkWeappBuild(distDir: string, expected: { cloudEnv?: string } = {}): Promise<BuildCheck> {
  const problems: string[] = [];
  const cloudInits: unknown[] = [];
  if (!existsSync(path.join(distDir, 'app.json'))) return { problems: [`${distDir} has no app.json`], pages: 0, cloudInits };
  const routes = pageRoutes(readAppJson(distDir));
  const program = loadMiniProgram(distDir, { wx: launchWx(cloudInits), onError: (error) => problems.push(`the App throws while rendering: ${String(error)}`) });
  try {
    program.require('app');
  } catch (error) {
    problems.push(`app.js throws when loaded: ${String(error)}`);
  }
  if (!program.app) problems.push('app.js does not register the App (its App module is empty: a stale build cache?)');
  else if (typeof program.app.onLaunch !== 'function') problems.push('the App has no onLaunch');
  else {
    try {
      program.appInstance = program.app;
      program.app.onLaunch.call(program.app, { path: routes[0], query: {}, scene: 1001 });
    } catch (error) {
      problems.push(`the App throws at launch: ${String(error)}`);
    }
    // React renders the App (and runs its launch hooks) on its scheduler, a few ticks later.
    for (let waited = 0; cloudInits.length === 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    if (cloudInits.length !== 1) problems.push(`the launch initialised the cloud ${cloudInits.length} times, not once`);
    else if (expected.cloudEnv !== undefined) {
      const env = (cloudInits[0] as { env?: string }).env ?? '';
      if (env !== expected.cloudEnv) problems.push(`the launch initialised the cloud env "${env}", the build was given "${expected.cloudEnv}"`);
    }
  }
  for (const route of routes) {
    if (!existsSync(path.join(distDir, `${route}.js`))) {
      problems.push(`page ${route} has no module`);
      continue;
    }
    try {
      program.require(route);
    } catch (error) {
      problems.push(`page ${route} throws when loaded: ${String(error)}`);
      continue;
    }
    if (!program.pages.has(route)) problems.push(`page ${route} does not register a Page`);
  }
  return { problems, pages: routes.length, cloudInits };
}

async function main(): Promise<void> {
  const distDir = path.resolve(__dirname, '..', 'dist/weapp');
  const result = await checkWeappBuild(distDir, { cloudEnv: process.env.TARO_APP_CLOUD_ENV ?? '' });
  if (result.problems.length > 0) {
    console.error(`[weapp check] the build is broken:\n  ${result.problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`[weapp check] App registered and launched, ${result.pages} pages registered`);
}

if (require.main === module) void main();
