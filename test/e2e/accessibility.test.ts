import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newPhoneContext } from '../support/browser';
import { callApi, startServerProcess, type ServerProcess } from '../support/local-server-process';

// Issue 17: every resident page of the H5 build, as the demo resident u-res-1 sees it, checked by
// axe-core (WCAG 2.x A/AA rules) with no serious or critical violation, and every control a
// finger can hit at least 44 × 44 CSS px — in normal and in large-text mode.

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test/artifacts');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MIN_TARGET = 44;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

describe('issue 17: the resident pages are accessible (axe-core, touch targets)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let proposalId: string;
  let loads = 0;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startServerProcess({ h5Dir: path.join(root, 'dist/h5') });
    browser = await launchChromium();
    context = await newPhoneContext(browser);
    await context.addInitScript(() => localStorage.setItem('dev.openid', JSON.stringify({ data: 'u-res-1' })));
    page = await context.newPage();
    const list = await callApi(server.url, 'proposal.list', { communityId: 'c-zhongying', state: 'publicity', limit: 1 });
    proposalId = list.body.data.items[0].id;
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const PAGES = (): [string, string][] => [
    ['home', '/pages/home/index'],
    ['notices', '/pages/notices/index'],
    ['mine', '/pages/mine/index'],
    ['proposal detail', `/pages/proposal-detail/index?id=${proposalId}`],
    ['proposal new', '/pages/proposal-new/index'],
    ['projects', '/pages/projects/index'],
    ['inbox', '/pages/inbox/index'],
    ['my data', '/pages/my-data/index'],
  ];

  async function open(route: string, largeText: boolean): Promise<void> {
    loads += 1;
    await page.evaluate((on) => localStorage.setItem('ui.largeText', JSON.stringify({ data: on })), largeText).catch(() => undefined);
    await page.goto(`${server.url}/?a11y=${loads}#${route}`);
    const screen = page.locator('.taro_page').filter({ visible: true }).last();
    await screen.waitFor({ timeout: 20_000 });
    // Settled: no skeleton left on the page.
    await page.waitForFunction(() => !document.querySelector('.taro_page .skeleton'), undefined, { timeout: 20_000 });
  }

  async function violations(): Promise<Violation[]> {
    await page.evaluate(AXE_SOURCE);
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: any[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n: { target: string[] }) => n.target.join(' ')) }));
    });
    return found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  }

  /** Controls on the shown page smaller than a fingertip: [label, width, height]. */
  async function smallTargets(): Promise<[string, number, number][]> {
    return page.evaluate((min) => {
      const pages = [...document.querySelectorAll('.taro_page')].filter((element) => (element as HTMLElement).offsetParent !== null || getComputedStyle(element).display !== 'none');
      const shown = pages[pages.length - 1];
      if (!shown) return [];
      const controls = [...shown.querySelectorAll('button, a[href], input:not([type=hidden]), textarea, [role=button], [role=link], [role=switch], [role=checkbox], [role=radio], [role=tab]')];
      return controls
        // A native input counts with the box Taro's H5 input wraps it in (it fills it, bar the border).
        .map((element) => ({ element, box: (element.closest('taro-input-core') ?? element).getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .filter(({ box }) => box.width < min || box.height < min)
        .map(({ element, box }) => [(element.getAttribute('aria-label') || element.textContent || element.tagName).trim().slice(0, 30), Math.round(box.width), Math.round(box.height)] as [string, number, number]);
    }, MIN_TARGET);
  }

  for (const largeText of [false, true]) {
    it(`has no serious or critical axe violation and no control under ${MIN_TARGET} px on any resident page${largeText ? ' in large-text mode' : ''}`, async () => {
      const report: Record<string, { violations: Violation[]; small: [string, number, number][] }> = {};
      for (const [name, route] of PAGES()) {
        await open(route, largeText);
        report[name] = { violations: await violations(), small: await smallTargets() };
        await page.screenshot({ path: path.join(artifacts, `a11y-${name.replace(' ', '-')}${largeText ? '-large' : ''}.png`) });
      }
      const problems = Object.entries(report).filter(([, found]) => found.violations.length > 0 || found.small.length > 0);
      expect(Object.fromEntries(problems)).toEqual({});
    }, 240_000);
  }
});
