import { pageRoutes, readAppJson } from '../../scripts/weapp/mini-runtime';
import { OPENIDS, PAGE_SPECS, readDemo, type Demo, type Role } from './pages.spec';
import type { Backend } from './support/backend';
import { compiledBuild, startWeappBackend, Weapp, WEAPP_DIR } from './support/weapp';

// Every page of every package of the built weapp (read from dist/weapp/app.json, so a page added
// later is covered or fails here), rendered in miniprogram-simulate for each role on the demo
// data, asserting what the screen says (pages.spec.ts).

jest.setTimeout(60_000);

const ROUTES = pageRoutes(readAppJson(WEAPP_DIR));
const ROLES = Object.keys(OPENIDS) as Role[];

let backend: Backend;
let demo: Demo;
const apps = new Map<Role, Weapp>();

beforeAll(async () => {
  backend = await startWeappBackend();
  demo = await readDemo(backend);
  for (const role of ROLES) apps.set(role, await Weapp.launch(backend, OPENIDS[role]));
});

afterEach(() => {
  for (const app of apps.values()) app.closePages();
});

afterAll(() => {
  for (const app of apps.values()) app.close();
  jest.useRealTimers();
});

describe('the weapp build', () => {
  it('has the pages of every package in app.json (main package and subpackages)', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(15);
    expect(ROUTES).toEqual(expect.arrayContaining(['pages/home/index', 'pages/projects/index', 'pages/proposal-detail/index', 'staff/pages/inbox/index', 'review/pages/queue/index']));
  });

  it('issue 17: has the 项目 tab right after 首页 in the tab bar, in the main package', () => {
    const tabs = (readAppJson(WEAPP_DIR) as unknown as { tabBar: { list: { pagePath: string; text: string }[] } }).tabBar.list;
    expect(tabs.slice(0, 2).map((tab) => [tab.pagePath, tab.text])).toEqual([['pages/home/index', '首页'], ['pages/projects/index', '项目']]);
    expect(tabs.map((tab) => tab.text)).toEqual(expect.arrayContaining(['首页', '项目', '公示', '我的']));
    expect((readAppJson(WEAPP_DIR) as unknown as { pages: string[] }).pages).toContain('pages/projects/index');
  });

  it("compiles with WeChat's own compilers: every WXML with wcc, every WXSS with wcsc", () => {
    const { gwx, wxss } = compiledBuild();
    for (const route of ROUTES) expect(typeof gwx(`${route}.wxml`)).toBe('function');
    expect(typeof wxss('./app.wxss')).toBe('function');
  });

  it('has a spec for every page of app.json, and no spec for a page that does not exist', () => {
    const missing = ROUTES.filter((route) => !PAGE_SPECS[route]);
    const stale = Object.keys(PAGE_SPECS).filter((route) => !ROUTES.includes(route));
    // A page without assertions fails here: add it to test/weapp/pages.spec.ts.
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});

const CASES = ROUTES.flatMap((route) => ROLES.filter((role) => PAGE_SPECS[route]?.screens[role]).map((role) => [route, role] as const));

describe.each(ROUTES)('%s', (route) => {
  it('is rendered for at least one role', () => {
    expect(CASES.filter(([caseRoute]) => caseRoute === route).length).toBeGreaterThan(0);
  });
});

it.each(CASES)('%s as %s shows what the server says', async (route, role) => {
  const spec = PAGE_SPECS[route];
  const screen = spec.screens[role]!(demo);
  const app = apps.get(role)!;
  const query = spec.query?.(demo);
  await app.open(`/${route}${query ? `?${query}` : ''}`);
  for (const text of screen.shows) await app.waitForText(text);
  for (const text of screen.hides ?? []) expect(app.text()).not.toContain(text);
  expect(app.errors).toEqual([]);
});
