import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { callApi, type ServerProcess } from '../support/local-server-process';
import { closeH5Session, openH5Session, type H5Session } from '../support/h5-session';
import { phoneJourney } from '../support/phone-journey';

// Issues 14 and 17 in Chromium against the real local server: the public ledger shows the audit
// trail's daily head (M4); a resident opens 我的 → 个人信息, downloads what is stored as a file,
// and deletes the account after a confirmation that says what stays public — after which the
// proposal shows 已注销用户, a new sign-in exports nothing and audit:verify still passes.
// Screenshots (375 px wide) go to test/e2e/shots/.

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');

describe('个人信息 and the audit head in Chromium', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openH5Session(failures, { openid: 'u-res-1' });
    ({ server, page } = session);
    phone = phoneJourney(page, () => server.url, shots);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  let phone: ReturnType<typeof phoneJourney>;
  const screen = () => phone.screen();
  const open = (route: string) => phone.open(route);
  const press = (target: Locator) => phone.press(target);

  /** The element whole: the phone is made as tall as the page for a moment (Taro's page scrolls inside). */
  async function shoot(target: Locator, name: string): Promise<void> {
    const hidden = await page.evaluate(() => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.getClientRects().length > 0).pop();
      return shown ? shown.scrollHeight - shown.clientHeight : 0;
    });
    await page.setViewportSize({ width: 375, height: 812 + Math.max(0, hidden) });
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await target.screenshot({ path: path.join(shots, `${name}.png`), scale: 'css' });
    await page.setViewportSize({ width: 375, height: 812 });
  }

  it('M4: the public ledger shows the day\'s audit head, the value audit.heads answers', async () => {
    await open('/pages/home/index');
    const head = screen().getByTestId('audit-head');
    await head.waitFor({ timeout: 20_000 });
    const heads = await callApi(server.url, 'audit.heads', {});
    const latest = heads.body.data.items.at(-1);
    expect(await head.textContent()).toContain(latest.hash);
    await shoot(screen().getByTestId('home-ledger'), 'home-ledger-audit-head-375');
  }, 60_000);

  it('PIPL: 我的 → 个人信息 shows what is stored and downloads it as a JSON file', async () => {
    await open('/pages/mine/index');
    await press(screen().getByTestId('open-my-data'));
    const data = screen().getByTestId('my-data');
    await data.getByText('我们保存的您的信息').waitFor({ timeout: 20_000 });
    await screen().getByTestId('my-data-profile').getByText('张小明').waitFor();
    await shoot(screen().getByTestId('my-data'), 'my-data-375');
    const download = page.waitForEvent('download');
    await press(screen().getByTestId('download-my-data'));
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^weishishi-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(saved.profile).toMatchObject({ openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying' });
    expect(saved.proposals.length).toBeGreaterThan(0);
  }, 60_000);

  it('PIPL: deletes the account after a confirmation; the proposal then shows 已注销用户, a new sign-in exports nothing, the trail verifies', async () => {
    const mine = await callApi(server.url, 'proposal.list', { mine: true }, { 'x-dev-openid': 'u-res-1' });
    const proposalId = mine.body.data.items[0].id;
    await open('/pages/my-data/index');
    await press(screen().getByTestId('delete-start'));
    const confirm = screen().getByTestId('delete-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('已注销用户');
    await shoot(screen().getByTestId('delete-account'), 'my-data-delete-confirm-375');
    await press(confirm.getByTestId('delete-confirmed'));
    await screen().getByTestId('account-deleted').waitFor({ timeout: 20_000 });

    await open(`/pages/proposal-detail/index?id=${proposalId}`);
    await screen().getByText('已注销用户').first().waitFor({ timeout: 20_000 });
    // The head of the page, where the proposer is named.
    await page.screenshot({ path: path.join(shots, 'proposal-detail-erased-proposer-375.png'), clip: { x: 0, y: 0, width: 375, height: 200 }, scale: 'css' });
    const fresh = await callApi(server.url, 'me.export', {}, { 'x-dev-openid': 'u-res-1' });
    expect(fresh.body.data).toMatchObject({ profile: null, proposals: [], comments: [], ratings: [] });
    expect(failures).toEqual([]);

    await server.stop();
    const verified = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/audit-verify.ts')], {
      cwd: root,
      env: { ...process.env, DB_FILE: server.dbFile },
      encoding: 'utf8',
    });
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
  }, 90_000);
});
