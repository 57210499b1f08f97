import path from 'node:path';
import { installViewDocument } from './dom';
import { loadMiniProgram, pageRoutes, readAppJson, type AppJson, type Config, type MiniProgram } from '../../../scripts/weapp/mini-runtime';
import { useTestClock } from '../../functions/support/function-bundles';
import { startBackend, type Backend } from './backend';
import { createFakeWx, type FakeWx } from './fake-wx';

/** A photo as cloud storage holds it: JPEG by its first bytes, what the server's type check reads (WeChat's image check is the stand-in's, passing). */
const TEST_JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(256)]);

installViewDocument();
/* eslint-disable @typescript-eslint/no-require-imports */
const simulate = require('miniprogram-simulate') as { render(id: string, properties?: unknown): RenderedComponent };
const jComponent = require('j-component') as { register(definition: Record<string, unknown>): string };
const exparser = require('miniprogram-exparser') as any;
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string): string; wxssToJs(root: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The built weapp (dist/weapp) in Node: the logic layer runs in a vm context
 * (scripts/weapp/mini-runtime.ts) with a fake `wx` whose `cloud.callFunction` runs the built
 * `api` function on a fresh demo store; the view layer is the WXML compiled by WeChat's own `wcc`,
 * rendered by miniprogram-simulate (j-component) into a jsdom document. Taps and inputs are
 * dispatched on the rendered elements, so they reach the page through its WXML bindings and its
 * real handlers. Navigation opens the target page the way WeChat would.
 */

export const WEAPP_DIR = path.resolve(__dirname, '../../../dist/weapp');

interface RenderedComponent {
  dom: HTMLElement;
  instance: Record<string, any>;
  attach(parent: Element): void;
  detach(): void;
}

let compiled: { gwx: (file: string) => unknown; wxss: (file: string) => unknown } | undefined;

/** All WXML and WXSS of the build compiled by wcc / wcsc once (throws on a compile error). */
export function compiledBuild(): { gwx: (file: string) => unknown; wxss: (file: string) => unknown } {
  if (!compiled) {
    // eslint-disable-next-line no-new-func
    const gwx = new Function(compiler.wxmlToJs(WEAPP_DIR))() as (file: string) => unknown;
    // eslint-disable-next-line no-new-func
    const wxss = new Function(compiler.wxssToJs(WEAPP_DIR))() as (file: string) => unknown;
    compiled = { gwx, wxss };
  }
  return compiled;
}

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  view: RenderedComponent;
  instance: Record<string, any>;
}

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export class Weapp {
  readonly appJson: AppJson;
  readonly fake: FakeWx;
  readonly program: MiniProgram;
  /** The page stack, top last. */
  readonly stack: OpenPage[] = [];
  readonly errors: unknown[] = [];
  /** Every navigation the app asked for, as `kind url`. */
  readonly navigations: string[] = [];
  openid: string | null;
  private readonly container: HTMLElement;
  private readonly pageIds = new Map<string, string>();
  private compId: string | undefined;
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    readonly backend: Backend,
    openid: string | null,
  ) {
    this.openid = openid;
    this.appJson = readAppJson(WEAPP_DIR);
    this.fake = createFakeWx({
      callFunction: (name, data) => {
        if (name !== 'api') throw new Error(`no cloud function ${name}`);
        return backend.call(this.openid, data as { action: string; payload: unknown });
      },
      // The photo the fake chose, as cloud storage holds it: a real JPEG (the server checks it).
      stored: (fileID) => backend.standIn.storage.set(fileID, TEST_JPEG),
      navigate: (kind, url, delta) => {
        this.navigations.push(`${kind} ${url ?? delta ?? ''}`.trim());
        this.pending = this.pending.then(() => this.follow(kind, url, delta));
      },
    });
    this.program = loadMiniProgram(WEAPP_DIR, {
      wx: this.fake.wx,
      currentPages: () => this.stack.map((page) => page.instance),
      globals: { Date },
      onError: (error) => this.errors.push(error),
    });
    this.container = document.createElement('div');
    document.body.appendChild(this.container);
  }

  /** Launches the app as `openid` (null: anonymous) against `backend`. */
  static async launch(backend: Backend, openid: string | null): Promise<Weapp> {
    const app = new Weapp(backend, openid);
    app.program.require('app');
    if (!app.program.app) throw new Error('app.js did not register the App');
    app.program.appInstance = app.program.app;
    app.program.app.onLaunch?.call(app.program.app, { path: app.appJson.pages[0], query: {}, scene: 1001 });
    app.program.app.onShow?.call(app.program.app, { path: app.appJson.pages[0], query: {}, scene: 1001 });
    await settle(10);
    return app;
  }

  routes(): string[] {
    return pageRoutes(this.appJson);
  }

  /** Opens `url` (`/pages/x/index?id=1`) on top of the stack and waits until its data arrived. */
  async open(url: string): Promise<OpenPage> {
    const [pathPart, queryPart = ''] = url.replace(/^\//, '').split('?');
    const route = pathPart;
    const query = Object.fromEntries(new URLSearchParams(queryPart));
    if (!this.routes().includes(route)) throw new Error(`no page ${route} in app.json`);
    const view = simulate.render(this.pageComponent(route));
    view.attach(this.container);
    const instance = view.instance;
    // setData crosses from the logic layer to the view as JSON in WeChat; here it also leaves the
    // vm context's realm (whose arrays are not this realm's Array).
    const setData = instance.setData.bind(instance) as (data: unknown, callback?: () => void) => void;
    instance.setData = (data: unknown, callback?: () => void) => setData(JSON.parse(JSON.stringify(data)), callback);
    Object.assign(instance, { route, __route__: route, options: query });
    const page: OpenPage = { route, query, view, instance };
    this.stack.at(-1)?.instance.onHide?.();
    this.stack.push(page);
    instance.onLoad?.(query);
    instance.onShow?.();
    // Not waiting for navigations: open() may itself be one.
    await this.idle(8, false);
    instance.onReady?.();
    await this.idle(8, false);
    return page;
  }

  get page(): OpenPage {
    const top = this.stack.at(-1);
    if (!top) throw new Error('no page is open');
    return top;
  }

  /** The text the user sees on the top page (whitespace collapsed). */
  text(): string {
    return (this.page.view.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits until the app is quiet: server answers arrived, React committed, setData applied. */
  async idle(rounds = 8, navigations = true): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await settle(5);
      if (navigations) await this.pending;
    }
    if (this.errors.length > 0) throw this.errors[0];
  }

  /** Waits until the page shows `text` (or fails, showing what it did show). */
  async waitForText(text: string, timeoutMs = 3000): Promise<void> {
    // performance.now(): the test clock fakes Date, and a faked Date does not move.
    const started = performance.now();
    while (!this.text().includes(text)) {
      if (performance.now() - started > timeoutMs) throw new Error(`"${text}" never appeared on ${this.page.route}; it shows: ${this.text().slice(0, 600)}`);
      await this.idle(1);
    }
  }

  /**
   * The element showing exactly `text` (the last one when several do), else the innermost element
   * whose text contains it.
   */
  find(text: string, selector = '*'): Element {
    const candidates = [...this.page.view.dom.querySelectorAll(selector)].filter((element) => (element.textContent ?? '').includes(text));
    const innermost = candidates.filter((element) => !candidates.some((other) => other !== element && element.contains(other)));
    const exact = candidates.filter((element) => (element.textContent ?? '').trim() === text);
    const element = exact.at(-1) ?? innermost.at(-1);
    if (!element) throw new Error(`no element shows "${text}" on ${this.page.route}: ${this.text().slice(0, 600)}`);
    return element;
  }

  /** Taps the element showing `text`: the tap bubbles to its bound handler, as on a phone. */
  async tap(text: string): Promise<void> {
    this.dispatch(this.find(text), 'tap', { x: 0, y: 0 });
    await this.idle();
  }

  /** Taps the n-th (from 0) innermost element showing `text` inside `within`. */
  async tapNth(text: string, index: number, within = '*'): Promise<void> {
    const scope = this.page.view.dom.querySelector(within);
    if (!scope) throw new Error(`nothing matches ${within} on ${this.page.route}`);
    const matches = [...scope.querySelectorAll('*')].filter((element) => (element.textContent ?? '').includes(text));
    const innermost = matches.filter((element) => !matches.some((other) => other !== element && element.contains(other)));
    const element = innermost[index];
    if (!element) throw new Error(`only ${innermost.length} elements show "${text}" in ${within} on ${this.page.route}`);
    this.dispatch(element, 'tap', { x: 0, y: 0 });
    await this.idle();
  }

  /** Taps the element with this aria-label (a star, an icon button). */
  async tapLabel(label: string): Promise<void> {
    const element = [...this.page.view.dom.querySelectorAll('[aria-label]')].find((candidate) => candidate.getAttribute('aria-label') === label);
    if (!element) throw new Error(`no element labelled "${label}" on ${this.page.route}`);
    this.dispatch(element, 'tap', { x: 0, y: 0 });
    await this.idle();
  }

  /** Dispatches a component event (agreeprivacyauthorization, change …) on the element showing `text`. */
  async trigger(text: string, event: string, detail: Record<string, unknown> = {}): Promise<void> {
    let element: Element | null = this.find(text);
    // The event belongs to the component (a button), not to the text inside it.
    while (element && !/^wx-(button|picker|input|textarea|switch)$/i.test(element.tagName)) element = element.parentElement;
    if (!element) throw new Error(`"${text}" is not inside a form component on ${this.page.route}`);
    this.dispatch(element, event, detail);
    await this.idle();
  }

  /** Types into the n-th input or textarea (document order) of the top page. */
  async input(index: number, value: string, kind: 'input' | 'textarea' = 'input'): Promise<void> {
    const fields = [...this.page.view.dom.querySelectorAll(`wx-${kind}`)];
    const field = fields[index];
    if (!field) throw new Error(`${this.page.route} has ${fields.length} ${kind}s, not ${index + 1}`);
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.idle();
  }

  /** Changes the n-th picker to the option at `value`. */
  async pick(index: number, value: number | string): Promise<void> {
    const pickers = [...this.page.view.dom.querySelectorAll('wx-picker')];
    const picker = pickers[index];
    if (!picker) throw new Error(`${this.page.route} has ${pickers.length} pickers, not ${index + 1}`);
    this.dispatch(picker, 'change', { value });
    await this.idle();
  }

  /** Unloads every open page (the app stays launched). */
  closePages(): void {
    for (const page of this.stack.splice(0)) {
      page.instance.onUnload?.();
      page.view.detach();
    }
    this.navigations.length = 0;
  }

  /** Closes the app. */
  close(): void {
    this.closePages();
    this.container.remove();
  }

  private dispatch(element: Element, name: string, detail: Record<string, unknown>): void {
    const target = (element as Element & { __wxElement?: unknown }).__wxElement;
    if (!target) throw new Error(`<${element.tagName.toLowerCase()}> is not a rendered mini-program element`);
    exparser.Event.dispatchEvent(target, exparser.Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }));
  }

  private async follow(kind: string, url: string | undefined, delta = 1): Promise<void> {
    if (kind === 'navigateBack') {
      for (let i = 0; i < delta && this.stack.length > 1; i += 1) {
        const page = this.stack.pop()!;
        page.instance.onUnload?.();
        page.view.detach();
      }
      this.page.instance.onShow?.();
      return;
    }
    if (!url) return;
    if (kind !== 'navigateTo') {
      for (const page of this.stack.splice(kind === 'redirectTo' ? this.stack.length - 1 : 0)) {
        page.instance.onUnload?.();
        page.view.detach();
      }
    }
    await this.open(url);
  }

  /** The j-component definition of a page: its compiled WXML, its Page() config as methods. */
  private pageComponent(route: string): string {
    const known = this.pageIds.get(route);
    if (known) return known;
    const { gwx } = compiledBuild();
    this.program.require(route);
    const config = this.program.pages.get(route);
    if (!config) throw new Error(`page ${route} did not register a Page`);
    const id = jComponent.register({
      template: gwx(`${route}.wxml`),
      usingComponents: { comp: this.comp() },
      data: JSON.parse(JSON.stringify(config.data ?? {})),
      methods: methodsOf(config),
      options: { addGlobalClass: true },
    });
    this.pageIds.set(route, id);
    return id;
  }

  /** Taro's recursive `comp` component, used below the base template's nesting levels. */
  private comp(): string {
    if (this.compId) return this.compId;
    const { gwx } = compiledBuild();
    this.program.require('comp');
    const config = this.program.components.get('comp') as Config;
    const id = `taro-comp-${Math.random().toString(36).slice(2, 8)}`;
    this.compId = id;
    jComponent.register({ ...config, id, tagName: 'comp', template: gwx('comp.wxml'), usingComponents: { comp: id }, options: { ...(config.options ?? {}), virtualHost: false } });
    return id;
  }
}

function methodsOf(config: Config): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'));
}

/** One demo backend for a test file; the Date-only fake clock starts on the seed day. */
export async function startWeappBackend(): Promise<Backend> {
  useTestClock();
  return startBackend();
}

/**
 * The usual setup of a weapp test file: one demo backend (started before all tests), apps
 * launched per test and closed after it, the real clock back at the end.
 */
export function useWeapp(): { backend: () => Backend; launch: (openid: string) => Promise<Weapp> } {
  let backend: Backend | undefined;
  const apps: Weapp[] = [];
  beforeAll(async () => {
    backend = await startWeappBackend();
  });
  afterEach(() => {
    for (const app of apps.splice(0)) app.close();
  });
  afterAll(() => jest.useRealTimers());
  const started = (): Backend => {
    if (!backend) throw new Error('the weapp backend is not started yet');
    return backend;
  };
  return {
    backend: started,
    async launch(openid) {
      const app = await Weapp.launch(started(), openid);
      apps.push(app);
      return app;
    },
  };
}
