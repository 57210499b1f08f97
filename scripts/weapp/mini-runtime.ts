import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The logic layer of a built mini-program (dist/weapp), run in Node: the code is evaluated in a
 * `node:vm` context holding only what WeChat's logic layer has (no window, no document, no
 * process), with `App()`, `Page()`, `Component()`, `getApp()`, `getCurrentPages()` and a `wx`
 * object supplied by the host. Used by the post-build check (scripts/check-weapp-build.ts) and by
 * the weapp test harness (test/weapp), which renders the registered pages in miniprogram-simulate.
 */

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  lazyCodeLoading?: string;
  [key: string]: unknown;
}

/** Every page route of app.json, main package first, then each subpackage's. */
export function pageRoutes(appJson: AppJson): string[] {
  const subpackaged = (appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`));
  return [...appJson.pages, ...subpackaged];
}

export function readAppJson(distDir: string): AppJson {
  return JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
}

export type Config = Record<string, any>;

export interface MiniHost {
  /** The `wx` object of the logic layer. */
  wx: Record<string, unknown>;
  /** What getCurrentPages() answers (the host keeps the page stack). */
  currentPages?: () => unknown[];
  /** Extra globals (the host's Date, so that a test clock reaches the pages too). */
  globals?: Record<string, unknown>;
  /** Told of an error thrown by a timer callback (React renders on timers); default: rethrow. */
  onError?: (error: unknown) => void;
}

export interface MiniProgram {
  /** The config given to App(), once app.js has run; undefined when it never called App(). */
  app: Config | undefined;
  /** The instance getApp() answers (the host sets it when it launches the app). */
  appInstance: Record<string, unknown> | undefined;
  /** Page() configs by route, Component() configs by file path (without .js). */
  pages: Map<string, Config>;
  components: Map<string, Config>;
  /** Runs a file of the build (path relative to the build folder, without .js) once. */
  require(file: string): unknown;
}

const LOGIC_LAYER_GLOBALS = ['console', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'TextEncoder', 'TextDecoder'] as const;

/** Timers whose callbacks' errors reach the host instead of crashing the process. */
function guardedTimers(onError: ((error: unknown) => void) | undefined) {
  const guard =
    (callback: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      try {
        callback(...args);
      } catch (error) {
        if (!onError) throw error;
        onError(error);
      }
    };
  return {
    setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => setTimeout(guard(callback), ms, ...args),
    setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => setInterval(guard(callback), ms, ...args),
  };
}

export function loadMiniProgram(distDir: string, host: MiniHost): MiniProgram {
  const program: MiniProgram = { app: undefined, appInstance: undefined, pages: new Map(), components: new Map(), require: requireFile };
  const cache = new Map<string, { exports: unknown }>();
  let loading: string | null = null;

  const sandbox: Record<string, unknown> = {
    wx: host.wx,
    App(config: Config) {
      program.app = config;
    },
    Page(config: Config) {
      if (!loading) throw new Error('Page() called outside a page file');
      program.pages.set(loading, config);
    },
    Component(config: Config) {
      if (!loading) throw new Error('Component() called outside a component file');
      program.components.set(loading, config);
    },
    Behavior: (definition: unknown) => definition,
    getApp: () => program.appInstance ?? program.app,
    getCurrentPages: () => host.currentPages?.() ?? [],
    requirePlugin: () => {
      throw new Error('requirePlugin: no plugins in this app');
    },
    ...Object.fromEntries(LOGIC_LAYER_GLOBALS.map((name) => [name, globalThis[name]])),
    ...guardedTimers(host.onError),
    ...host.globals,
  };
  const context = vm.createContext(sandbox, { name: 'weapp logic layer' });

  function requireFile(file: string): unknown {
    const key = path.posix.normalize(file.replace(/\.js$/, ''));
    const cached = cache.get(key);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(key, module);
    const source = readFileSync(path.join(distDir, `${key}.js`), 'utf8');
    const wrapper = vm.runInContext(`(function (require, module, exports) {${source}\n})`, context, { filename: path.join(distDir, `${key}.js`) }) as (
      require: (id: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void;
    const outer = loading;
    loading = key;
    try {
      wrapper((id) => requireFile(path.posix.join(path.posix.dirname(key), id)), module, module.exports);
    } finally {
      loading = outer;
    }
    return module.exports;
  }

  return program;
}
