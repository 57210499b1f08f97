import { chromium, type Browser, type BrowserContext } from 'playwright-core';

// Debian's chromium, never a downloaded browser (toolchain.md). The background-networking flags
// keep it from calling out of this closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 375×812, touch, device scale 2 unless asked otherwise (1 keeps screenshots small). */
export function newPhoneContext(browser: Browser, options: { deviceScaleFactor?: 1 | 2; acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: options.deviceScaleFactor ?? 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
}
