import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, newPhoneContext } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// I1: the H5 build under the Content-Security-Policy the local server sends. The page must work
// as before — its inline root-font script runs (admitted by hash), Taro's styles apply, a photo
// chosen on the phone (a blob: URL) is read and uploaded — with not one violation reported.

const root = path.resolve(__dirname, '../..');

describe('I1: the H5 build in Chromium under its Content-Security-Policy', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess({ h5Dir: path.join(root, 'dist/h5') });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('I1: home and the proposal form with a photo upload work, and no CSP violation is reported', async () => {
    const context = await newPhoneContext(browser);
    await context.addInitScript(() => {
      localStorage.setItem('dev.openid', JSON.stringify({ data: 'u-res-1' }));
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && console.push(message.text()));

    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    await page.getByText('你好，张小明').waitFor({ timeout: 20_000 });
    // The inline script of index.html set the root font size: it was admitted.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);

    await page.goto(`${server.url}/?csp=2#/pages/proposal-new/index`);
    await page.getByText('提交提议').first().waitFor({ timeout: 20_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('添加照片').click({ force: true });
    await (await chooser).setFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: readFileSync(path.join(root, 'src/assets/tab-home-active.png')) });
    const slot = page.getByTestId('photo-slot').first();
    await slot.waitFor({ timeout: 20_000 });
    await slot.getByText('上传中…').waitFor({ state: 'hidden', timeout: 20_000 });
    expect(await page.getByText('上传失败，点此重试').count()).toBe(0);

    expect({ violations: await page.evaluate(() => (window as unknown as { violations: string[] }).violations), console }).toEqual({ violations: [], console: [] });
    await context.close();
  }, 90_000);
});
