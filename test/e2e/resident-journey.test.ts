import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { TEXT_LIMITS } from '../../common/limits';
import { callApi, type ServerProcess } from '../support/local-server-process';
import { closeH5Session, openH5Session, type H5Session } from '../support/h5-session';

// A resident of 中英街社区 (the demo user u-res-1, 张小明) uses the H5 build of the mini-program
// against the real local server and its seeded demo data: proposes with a photo, follows the
// proposal under 我的, comments on a notice in publicity, rates a finished project and switches on
// large text. Every page is photographed at 375×812, in normal and in large-text mode.

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test/artifacts');
const PHONE = { width: 375, height: 812 };

describe('a resident of 中英街社区 in Chromium against the real local server', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];
  // A fresh store per run: the texts need not be unique.
  const proposalTitle = '5 巷 2 号楼道灯不亮';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    session = await openH5Session(failures, { openid: 'u-res-1' });
    ({ server, page } = session);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  /** The page on screen: the topmost shown one (Taro keeps visited pages in the DOM). */
  const screen = (): Locator => page.locator('.taro_page').filter({ visible: true }).last();

  let loads = 0;
  /** A fresh start of the app on a page (a new query string, so that the document really reloads). */
  async function open(route: string): Promise<void> {
    loads += 1;
    await page.goto(`${server.url}/?load=${loads}#${route}`);
    await settled();
  }

  /**
   * A tap. Playwright's own hit check is fooled by Taro's pull-to-refresh wrapper on H5 ("intercepts
   * pointer events") although a real pointer reaches the button: wait until it is there and still,
   * then press at its centre like a finger.
   */
  async function press(target: Locator): Promise<void> {
    await target.waitFor({ timeout: 20_000 });
    await target.scrollIntoViewIfNeeded();
    await target.click({ force: true });
  }

  /** Waits until no skeleton is left on the page on screen. */
  async function settled(): Promise<void> {
    await screen()
      .waitFor({ timeout: 20_000 })
      .catch(async (error) => {
        await page.screenshot({ path: path.join(artifacts, 'resident-journey-failure.png') });
        throw error;
      });
    await page.waitForFunction(
      () => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
        return Boolean(shown?.querySelector('[data-testid="page-shell"]')) && !shown!.querySelector('[aria-busy="true"]');
      },
      undefined,
      { timeout: 20_000 },
    );
  }

  async function tab(label: '首页' | '公示' | '我的'): Promise<void> {
    await page.locator('.weui-tabbar__item').filter({ hasText: label }).click();
    await settled();
  }

  /** The whole page, not only the first screen: the phone is made as tall as the page for a moment. */
  async function photograph(name: string): Promise<void> {
    const hidden = await page.evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
      return shown ? shown.scrollHeight - shown.clientHeight : 0;
    });
    await page.setViewportSize({ width: PHONE.width, height: PHONE.height + Math.max(0, hidden) });
    // Taro's page transition slides in from the right: wait until nothing moves any more.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    await page.setViewportSize(PHONE);
  }

  async function sidewaysOverflow(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  it('submits a proposal with a photo and finds it under 我的 as 已提交', async () => {
    await open('/pages/home/index');
    await screen().getByText('你好，张小明').waitFor();
    await press(screen().getByTestId('propose'));
    await screen().getByText('提交提议').waitFor();

    await press(screen().getByText('工程类'));
    // The title takes the server's 50 characters (common/limits) and the phone refuses the 51st.
    const title = screen().locator('input[placeholder="一句话说明，如：3 栋门口路灯不亮"]');
    await title.pressSequentially('楼'.repeat(TEXT_LIMITS.proposalTitle + 1));
    expect(Array.from(await title.inputValue())).toHaveLength(TEXT_LIMITS.proposalTitle);
    await screen().getByTestId('field-title').getByText(`${TEXT_LIMITS.proposalTitle}/${TEXT_LIMITS.proposalTitle}`).waitFor();
    await title.fill(proposalTitle);
    await screen().locator('input[placeholder="如：中英街 3 号楼东侧"]').fill('中英街 5 巷 2 号楼道');
    await screen().locator('textarea[placeholder="现在是什么情况？影响了哪些人？希望怎样改善？"]').fill('二楼到四楼的楼道灯坏了一个月，老人晚上上下楼看不清台阶。');
    const chooser = page.waitForEvent('filechooser');
    await press(screen().getByLabel('添加照片'));
    await (await chooser).setFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: readFileSync(path.join(root, 'src/assets/tab-home-active.png')) });
    await screen().getByTestId('photo-slot').waitFor();
    await screen().getByTestId('photo-slot').getByText('上传中…').waitFor({ state: 'hidden', timeout: 20_000 });
    expect(await screen().getByText('上传失败，点此重试').count()).toBe(0);
    await photograph('resident-proposal-new-filled-375');

    await press(screen().getByTestId('submit'));
    await screen().getByTestId('submitted-banner').waitFor({ timeout: 20_000 });
    await settled();
    expect(await screen().getByText(proposalTitle).count()).toBeGreaterThan(0);
    // The photo went up and comes back from the server.
    const photo = screen().locator('.detail__photo img').first();
    await photo.waitFor();
    await page.waitForFunction((element) => (element as HTMLImageElement).complete, await photo.elementHandle());
    expect(await photo.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await photograph('resident-proposal-detail-submitted-375');

    await press(screen().getByTestId('go-mine'));
    await settled();
    const mine = screen().getByTestId('my-proposals');
    const card = mine.locator('[data-testid^="proposal-"]').filter({ hasText: proposalTitle });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('state-badge').textContent()).toBe('已提交');
  }, 120_000);

  it('opens a notice in publicity and comments on it', async () => {
    await open('/pages/home/index');
    await tab('公示');
    const notice = screen().getByTestId('notices-open').locator('[data-testid^="notice-"]').first();
    await notice.waitFor({ timeout: 20_000 });
    await press(notice);
    const box = screen().getByTestId('comment-box');
    await box.waitFor({ timeout: 20_000 });
    const comment = '希望施工避开晚高峰，灯装在不晃眼的高度。';
    await box.locator('textarea').fill(comment);
    await press(box.getByText('发表意见'));
    await box.getByRole('status').waitFor({ timeout: 20_000 });
    expect(await box.getByRole('status').textContent()).toMatch(/意见已发表|意见已提交/);
    expect(await screen().getByTestId('comment').filter({ hasText: comment }).count()).toBe(1);
  }, 60_000);

  it('rates a completed project and sees the summary change', async () => {
    await open('/pages/home/index');
    const rateable = screen().getByTestId('home-completed').locator('[data-testid^="proposal-"]').filter({ hasText: '欢迎为这个项目打分' }).first();
    await press(rateable);
    const ratings = screen().getByTestId('ratings');
    await ratings.getByTestId('rating-form').waitFor({ timeout: 20_000 });
    await settled();
    const countBefore = await ratedBy(ratings);

    await press(ratings.getByLabel('5 星 很满意'));
    await press(ratings.getByTestId('rate'));
    await ratings.getByText(`${countBefore + 1} 位居民评价`).waitFor({ timeout: 20_000 });
    expect(await ratings.getByRole('status').textContent()).toContain('感谢您的评价');
    await photograph('resident-proposal-detail-rated-375');
  }, 60_000);

  it('switches on large text: text at 1.25× or more and larger tap targets, on every page', async () => {
    await open('/pages/mine/index');
    const shell = screen().getByTestId('page-shell');
    const textBefore = await fontSize(shell);
    const toggle = screen().getByTestId('large-text');
    await press(toggle);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await shell.getAttribute('class')).toContain('page-shell--large');
    expect((await fontSize(shell)) / textBefore).toBeGreaterThanOrEqual(1.25);

    // Remembered: a fresh start of the app opens in large text, with big buttons.
    await open('/pages/home/index');
    expect(await screen().getByTestId('page-shell').getAttribute('class')).toContain('page-shell--large');
    const button = await screen().getByTestId('propose').boundingBox();
    // 88 rpx is 44 px on a 375 px wide phone; large text asks for more.
    expect(button!.height).toBeGreaterThan(44);
  }, 60_000);

  it('shows every page at 375 px wide without sideways scrolling, in normal and large-text mode', async () => {
    const notices = await callApi(server.url, 'proposal.list', { communityId: 'c-zhongying', state: 'publicity' });
    const audited = await callApi(server.url, 'proposal.list', { communityId: 'c-zhongying', state: 'audited' });
    const routes: [string, string][] = [
      ['home', '/pages/home/index'],
      ['notices', '/pages/notices/index'],
      ['mine', '/pages/mine/index'],
      ['proposal-new', '/pages/proposal-new/index'],
      ['proposal-detail-publicity', `/pages/proposal-detail/index?id=${notices.body.data.items[0].id}`],
      ['proposal-detail-audited', `/pages/proposal-detail/index?id=${audited.body.data.items[0].id}`],
    ];
    for (const large of [false, true]) {
      await page.evaluate((on) => localStorage.setItem('ui.largeText', JSON.stringify({ data: on })), large);
      for (const [name, route] of routes) {
        await open(route);
        expect({ name, large, overflow: await sidewaysOverflow() }).toEqual({ name, large, overflow: 0 });
        await photograph(`resident-${name}-375${large ? '-large' : ''}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

/** How many residents the summary says have rated (0 before the first). */
async function ratedBy(ratings: Locator): Promise<number> {
  const count = ratings.getByTestId('rating-count');
  if ((await count.count()) === 0) return 0;
  return Number(/(\d+)/.exec((await count.textContent()) ?? '')?.[1] ?? 0);
}

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}
