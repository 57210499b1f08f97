import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { callApi, startServerProcess, type ServerProcess } from '../support/local-server-process';

// Notifications in the H5 build against the real local server and its demo data: the 消息 tab
// between 公示 and 我的 with its unread badge, a resident's and a community worker's inbox, an
// item leading to its proposal, 全部已读, and large text. Screenshots at 375 px wide in
// test/e2e/shots/ (device scale 1, to keep each small).

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');
const PHONE = { width: 375, height: 812 };

describe('the inbox (消息) in Chromium against the real local server', () => {
  let server: ServerProcess;
  let browser: Browser;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServerProcess({ h5Dir: path.join(root, 'dist/h5') });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phoneAs(openid: string, largeText = false): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.addInitScript(
      ([id, large]) => {
        localStorage.setItem('dev.openid', JSON.stringify({ data: id }));
        localStorage.setItem('ui.largeText', JSON.stringify({ data: large }));
      },
      [openid, largeText] as const,
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(error.message));
    return { context, page };
  }

  const screenOf = (page: Page): Locator => page.locator('.taro_page').filter({ visible: true }).last();

  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(
      () => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
        return Boolean(shown?.querySelector('[data-testid="page-shell"]')) && !shown!.querySelector('[aria-busy="true"]');
      },
      undefined,
      { timeout: 20_000 },
    );
  }

  async function photograph(page: Page, name: string): Promise<void> {
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }

  it('puts 消息 between 公示 and 我的, with the unread count as a badge, and lists the resident\'s items', async () => {
    const { context, page } = await phoneAs('u-res-1');
    const unread = (await callApi(server.url, 'notification.list', {}, { 'x-dev-openid': 'u-res-1' })).body.data.unread as number;
    expect(unread).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/pages/home/index`);
    await settled(page);
    const tabs = page.locator('.weui-tabbar__item');
    expect(await tabs.allTextContents()).toEqual([expect.stringContaining('首页'), expect.stringContaining('项目'), expect.stringContaining('公示'), expect.stringContaining(`消息`), expect.stringContaining('我的')]);
    // The badge comes a moment after the first screen (it never competes with its request).
    await tabs.nth(3).getByText(String(unread > 99 ? '99+' : unread)).waitFor({ timeout: 10_000 });

    await tabs.filter({ hasText: '消息' }).click();
    await settled(page);
    const screen = screenOf(page);
    await screen.getByTestId('inbox-unread').waitFor();
    expect(await screen.getByTestId('inbox-unread').textContent()).toBe(`未读 ${unread} 条`);
    expect(await screen.getByTestId('inbox-item').first().textContent()).toMatch(/项目进展|欢迎评价/);
    await photograph(page, 'inbox-resident-375');

    // An item leads to its proposal and is read from then on.
    const first = screen.getByTestId('inbox-item').first();
    await first.click({ force: true });
    await page.waitForURL(/proposal-detail/, { timeout: 20_000 });
    await settled(page);
    const after = (await callApi(server.url, 'notification.list', {}, { 'x-dev-openid': 'u-res-1' })).body.data;
    expect(after.unread).toBe(unread - 1);
    await context.close();
  }, 90_000);

  it('gives a community worker the work that waits, and marks it all read at once; large text too', async () => {
    const { context, page } = await phoneAs('u-com-zhongying', true);
    await page.goto(`${server.url}/#/pages/inbox/index`);
    await settled(page);
    const screen = screenOf(page);
    await screen.getByText('新提议待筛选').first().waitFor();
    expect(await screen.getByTestId('page-shell').getAttribute('class')).toContain('page-shell--large');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    const readAll = screen.getByTestId('inbox-read-all');
    expect((await readAll.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await photograph(page, 'inbox-community-375-large');
    await readAll.click({ force: true });
    await screen.getByText('没有未读消息').waitFor();
    expect(await screen.getByTestId('inbox-item').first().getAttribute('data-read')).toBe('true');
    await photograph(page, 'inbox-community-read-375-large');
    await context.close();
  }, 90_000);

  it('shows an empty inbox plainly', async () => {
    const { context, page } = await phoneAs('u-new-inbox-visitor');
    await page.goto(`${server.url}/#/pages/inbox/index`);
    await settled(page);
    await screenOf(page).getByText(/还没有消息/).waitFor();
    await photograph(page, 'inbox-empty-375');
    await context.close();
    expect(failures).toEqual([]);
  }, 60_000);
});
