import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, newPhoneContext } from './browser';
import { startServerProcess, type ServerProcess } from './local-server-process';

/**
 * The world of a browser test on the H5 build: the real local server serving dist/h5, Debian's
 * Chromium, and one phone page. What every test under test/e2e starts with, said once.
 */
export interface H5Session {
  server: ServerProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

const H5_DIR = path.resolve(__dirname, '../../dist/h5');

export interface H5SessionOptions {
  /** The server's environment on top of the test's (SEED=shenzhen, rate limits, …). */
  env?: Record<string, string>;
  /** 1 keeps the committed screenshots small; the phone's own is 2. */
  deviceScaleFactor?: 1 | 2;
  acceptDownloads?: boolean;
  /** The dev identity, set before any script of the app runs on every load. */
  openid?: string;
}

/**
 * Starts the server and the browser and opens the phone page; the page's uncaught errors are
 * pushed to `failures` (each test ends by expecting none). What was started before a failure is
 * closed again.
 */
export async function openH5Session(failures: string[], options: H5SessionOptions = {}): Promise<H5Session> {
  const server = await startServerProcess({ h5Dir: H5_DIR, ...(options.env ? { env: options.env } : {}) });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await newPhoneContext(browser, { deviceScaleFactor: options.deviceScaleFactor, acceptDownloads: options.acceptDownloads });
    if (options.openid) await context.addInitScript((openid) => localStorage.setItem('dev.openid', JSON.stringify({ data: openid })), options.openid);
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(error.message));
    return { server, browser, context, page };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/** Closes what `openH5Session` opened (any part may be missing when the start failed). */
export async function closeH5Session(session: Partial<H5Session> | undefined): Promise<void> {
  await session?.context?.close();
  await session?.browser?.close();
  await session?.server?.stop();
}

/** What the dev bar sets, in Taro's storage: who is signed in, the day the server is told, large text. */
export interface DevSettings {
  openid?: string;
  day?: string;
  largeText?: boolean;
}

/**
 * Opening a route the way the dev bar leaves the app: the settings given are written to the
 * page's storage (those not given stay as they were), then a full load of the route — a new
 * query string each time, so that the app really starts again and reads them.
 */
export function devVisits(session: () => H5Session) {
  let visits = 0;
  return async function visitAs(settings: DevSettings, route: string): Promise<void> {
    const { page, server } = session();
    // localStorage belongs to the server's origin: the first visit has to be there already.
    if (visits === 0) await page.goto(`${server.url}/`);
    const entries = Object.entries({ 'dev.openid': settings.openid, 'dev.day': settings.day, 'ui.largeText': settings.largeText }).filter(([, value]) => value !== undefined);
    await page.evaluate((pairs) => {
      for (const [key, value] of pairs) localStorage.setItem(key, JSON.stringify({ data: value }));
    }, entries);
    visits += 1;
    await page.goto(`${server.url}/?visit=${visits}#${route}`);
    await page.getByTestId('dev-bar').waitFor();
  };
}

/**
 * A finger's tap at the element's centre once it is there and scrolled into view. Playwright's
 * own hit check is fooled by Taro's pull-to-refresh wrapper on H5 although a real finger reaches
 * the element.
 */
export async function tapCentre(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to tap');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
