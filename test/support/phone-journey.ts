import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';

/**
 * Driving the H5 build on a 375 px phone in Chromium: the page on screen, a fresh start on a
 * route, a finger's tap, waiting until nothing loads, the tab bar, and screenshots small enough
 * to keep in the repository (CSS pixels, palette PNG).
 */
export function phoneJourney(page: Page, baseUrl: () => string, shotsDir: string) {
  mkdirSync(shotsDir, { recursive: true });
  let loads = 0;

  /** The page on screen: the topmost shown one (Taro keeps visited pages in the DOM). */
  const screen = (): Locator => page.locator('.taro_page').filter({ visible: true }).last();

  /** Waits until no skeleton is left on the page on screen. */
  async function settled(): Promise<void> {
    await screen().waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
        return Boolean(shown?.querySelector('[data-testid="page-shell"]')) && !shown!.querySelector('[aria-busy="true"]');
      },
      undefined,
      { timeout: 20_000 },
    );
  }

  /** A fresh start of the app on a route (a new query string, so that the document really reloads). */
  async function open(route: string): Promise<void> {
    loads += 1;
    await page.goto(`${baseUrl()}/?load=${loads}#${route}`);
    await settled();
  }

  /**
   * A tap at the element's centre. Playwright's hit check is fooled by Taro's pull-to-refresh
   * wrapper on H5 although a real finger reaches the element.
   */
  async function press(target: Locator): Promise<void> {
    await target.waitFor({ timeout: 20_000 });
    await target.scrollIntoViewIfNeeded();
    await target.click({ force: true });
  }

  async function tab(label: string): Promise<void> {
    await page.locator('.weui-tabbar__item').filter({ hasText: label }).click();
    await settled();
  }

  /** The page as a phone shows it from the top, or all of it (`whole`), in CSS pixels. */
  async function photograph(name: string, whole = false): Promise<string> {
    const phone = page.viewportSize() ?? { width: 375, height: 812 };
    if (whole) {
      // Taro scrolls inside the page element: the phone is made as tall as the page for a moment.
      const hidden = await page.evaluate(() => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
        return shown ? shown.scrollHeight - shown.clientHeight : 0;
      });
      await page.setViewportSize({ width: phone.width, height: phone.height + Math.max(0, hidden) });
    }
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    const raw = await page.screenshot({ scale: 'css' });
    if (whole) await page.setViewportSize(phone);
    const file = path.join(shotsDir, `${name}.png`);
    writeFileSync(file, await sharp(raw).png({ palette: true, compressionLevel: 9 }).toBuffer());
    return file;
  }

  async function sidewaysOverflow(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  return { screen, settled, open, press, tab, photograph, sidewaysOverflow };
}
