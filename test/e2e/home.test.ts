import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, newPhoneContext } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test/artifacts');

describe('the H5 build in Chromium against the real local server', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // The real H5 build; `npm start` builds it first when it is missing.
    server = await startServerProcess({ h5Dir: path.join(root, 'dist/h5') });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows 中英街社区 on the home page at 375×812 and saves a screenshot', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${server.url}/`);
    await page.getByText('中英街社区').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(artifacts, 'home-375.png'), fullPage: true });
    // Nothing is wider than the phone: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByTestId('dev-bar').isVisible()).toBe(true);
    expect(failures).toEqual([]);
    await context.close();
  }, 60_000);

  it('greets 张小明 when the dev identity is u-res-1', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    // The dev bar stores its choice in Taro's storage format; then the page reloads.
    await page.evaluate(() => localStorage.setItem('dev.openid', JSON.stringify({ data: 'u-res-1' })));
    await page.reload();
    await page.getByText('你好，张小明').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(artifacts, 'home-375-u-res-1.png'), fullPage: true });
    expect(await page.getByText('我的社区').count()).toBe(1);
    await context.close();
  }, 60_000);
});
