import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { callApi, type ServerProcess } from '../support/local-server-process';
import { closeH5Session, devVisits, openH5Session, tapCentre, type H5Session } from '../support/h5-session';

// A real start, in Chromium on the H5 build against `SEED=shenzhen npm start`: the city
// administrator (ADMIN_OPENID, not a resident) finds 我的 → 工作台, looks up 沙头角街道 on
// 区划管理 and invites its street reviewer; the reviewer accepts the code on H5 and invites a
// community worker for two communities; the worker accepts (the code arrives in the link a
// scanned QR opens) and 我的 shows both roles with the switcher; 大字模式; the reviewer revokes
// the worker, whose very next request is refused. No openid is typed anywhere.
// Screenshots at 375 px (scale 1, so each stays small) go to test/e2e/shots/.

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');

const ADMIN = 'u-wx-admin-e2e';
const REVIEWER = 'u-wx-reviewer-e2e';
const WORKER = 'u-wx-worker-e2e';
const DAY = '2026-09-14';
const SHATOUJIAO = 's-440308003';
const ZHONGYING = 'c-440308003004';
const QIAODONG = 'c-440308003003';
const RETIRED = 'c-440308003006';

describe('staff onboarding by invitation, in Chromium on the H5 build (SEED=shenzhen)', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openH5Session(failures, { env: { SEED: 'shenzhen', ADMIN_OPENID: ADMIN, ADMIN_NAME: '陈立新' }, deviceScaleFactor: 1 });
    ({ server, page } = session);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const visitAs = devVisits(() => session!);
  /** Opens a page as `openid`: the dev bar's storage keys, then a fresh load of the route. */
  const visit = (openid: string, route: string) => visitAs({ openid, day: DAY }, route);

  /** The page on top at 375 px, no sideways scrolling; the whole length when it is longer. */
  async function shoot(name: string) {
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
    const height = await page.evaluate(() => {
      const shown = document.querySelectorAll('.taro_page_show');
      return shown[shown.length - 1]?.scrollHeight ?? 812;
    });
    await page.setViewportSize({ width: 375, height: Math.min(Math.max(height, 812), 2400) });
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
    await page.setViewportSize({ width: 375, height: 812 });
  }

  const page$ = () => page.locator('.taro_page_show').last();
  /** A mouse click in the middle of the element (see staff-journey: Taro's pull-to-refresh layer). */
  const tap = (target: Locator) => tapCentre(page, target);
  const testId = (id: string) => page$().getByTestId(id);
  const radio = (name: string) => page$().getByRole('radio', { name, exact: true });
  /** The code shown after 生成邀请码 (grouped 4 + 4 on screen). */
  async function shownCode(): Promise<string> {
    const text = await testId('invite-code').locator('.invite-code__text').textContent();
    const code = (text ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    return code;
  }
  const api = (openid: string, action: string, payload: unknown) =>
    callApi(server.url, action, payload, { 'x-dev-openid': openid, 'x-dev-now': `${DAY}T10:00:00+08:00` });

  it('the city administrator invites a street reviewer, who invites a community worker; 我的 shows their workbench', async () => {
    // The administrator is staff, not a resident: 我的 shows the workbench, never the join form.
    await visit(ADMIN, '/pages/mine/index');
    await testId('staff-profile').waitFor();
    // Named by ADMIN_NAME at the start: nobody else could name the first administrator.
    await testId('staff-profile').getByText('陈立新', { exact: true }).waitFor();
    await testId('staff-entry').getByText('市民政 · 全市').waitFor();
    expect(await testId('join-form').count()).toBe(0);
    // The dev bar names the identity it sends, even one outside its demo list (not 未登录).
    expect(await page.getByTestId('dev-user').textContent()).toBe(`其他身份 · ${ADMIN}`);
    await shoot('onboarding-mine-city-admin');

    // 区划管理: the real directory, 沙头角街道 found by name with its national code.
    await tap(testId('open-directory'));
    await page$().locator('input[placeholder="输入名称或代码，如：中英街"]').fill('沙头角');
    await tap(testId('unit-matches').getByText('沙头角街道', { exact: true }));
    await testId('unit-edit').waitFor();
    await testId('unit-matches').getByText(/街道 · 盐田区 · 440308003/).waitFor();
    await shoot('onboarding-directory-search');

    // A community merged away is retired: it leaves the join form's list and takes no one new;
    // its records stay (R-DIR-1).
    await page$().locator('input[placeholder="输入名称或代码，如：中英街"]').fill('沙头角社区');
    await tap(testId('unit-matches').getByText('沙头角社区', { exact: true }));
    await tap(testId('retire-unit'));
    await testId('unit-edit').getByText(/居民不能再选择它/).waitFor();
    await shoot('onboarding-directory-retire-confirm');
    await tap(testId('retire-unit-confirm'));
    await testId('unit-edit').getByText('已保存：沙头角社区（已撤销）').waitFor();
    await testId('restore-unit').waitFor();
    const joined = await api('u-wx-resident-e2e', 'me.join', { communityId: RETIRED, name: '王居民' });
    expect(joined.status).toBe(409);
    expect(joined.body.error).toMatchObject({ code: 'invalid_state', field: 'communityId' });

    // 人员管理: a street reviewer for 沙头角街道, picked among the city's 79 streets by name.
    await visit(ADMIN, '/onboarding/pages/staff/index');
    await tap(radio('街道审核人员'));
    await page$().locator('input[placeholder="输入单位名称，如：沙头角"]').fill('沙头角');
    await tap(radio('沙头角街道 · 盐田区'));
    await testId('create-invitation').getByText('生成邀请码：街道审核人员 · 沙头角街道').waitFor();
    await tap(testId('create-invitation'));
    const toReviewer = await shownCode();
    await testId('open-invitations').getByText(/街道审核人员 · 沙头角街道/).waitFor();
    // The hint names the link that 我的 really shows.
    await testId('invite-code').getByText('请新同事扫描二维码，或在“我的”点“我是工作人员，有邀请码”输入邀请码。').waitFor();
    await shoot('onboarding-staff-invite-code');

    // The reviewer, new to the app, finds 我是工作人员，有邀请码 on 我的 and types the code.
    await visit(REVIEWER, '/pages/mine/index');
    await testId('join-form').waitFor();
    await tap(testId('have-invitation'));
    await testId('accept-invitation').waitFor();
    await page$().getByTestId('field-code').locator('input').fill(`${toReviewer.slice(0, 4)} ${toReviewer.slice(4)}`.toLowerCase());
    await page$().getByTestId('field-name').locator('input').fill('周审核');
    await tap(testId('accept'));
    await page$().getByText('已成为街道审核人员。').waitFor();
    await shoot('onboarding-accept-done');
    await visit(REVIEWER, '/pages/mine/index');
    await testId('staff-entry').getByText('街道审核人员 · 沙头角街道').waitFor();
    expect(await testId('join-form').count()).toBe(0);

    // The reviewer invites one worker for two communities of the street (chips: 7 communities).
    await tap(testId('open-staff'));
    await testId('invite').waitFor();
    const codes: string[] = [];
    for (const community of ['中英街社区', '桥东社区']) {
      await tap(radio(community));
      await tap(testId('create-invitation'));
      codes.push(await shownCode());
      await tap(page$().getByText('再邀请一位', { exact: true }));
    }
    await testId('open-invitations').getByText(/社区工作人员 · 桥东社区/).waitFor();
    await shoot('onboarding-staff-street');

    // The worker opens the link the QR code carries: the code is filled in.
    for (const code of codes) {
      await visit(WORKER, `/onboarding/pages/accept/index?code=${code}`);
      await expect(page$().getByTestId('field-code').locator('input').inputValue()).resolves.toBe(code);
      await page$().getByTestId('field-name').locator('input').fill('李新');
      await tap(testId('accept'));
      await page$().getByText('已成为社区工作人员。').waitFor();
    }

    // 我的: two roles, a switcher; each role shows its own way in; never the join form.
    await visit(WORKER, '/pages/mine/index');
    const switcher = testId('role-switcher');
    await switcher.getByText('社区工作人员 · 中英街社区').waitFor();
    await switcher.getByText('社区工作人员 · 桥东社区').waitFor();
    expect(await testId('join-form').count()).toBe(0);
    await tap(switcher.getByText('社区工作人员 · 桥东社区'));
    await expect(switcher.getByRole('radio', { name: '社区工作人员 · 桥东社区' }).getAttribute('aria-checked')).resolves.toBe('true');
    await testId('staff-entry').getByText('进入社区工作台').waitFor();
    await shoot('onboarding-mine-role-switcher');

    // 大字模式: the workbench and 人员管理 grow and still fit 375 px.
    await tap(testId('large-text'));
    await page.locator('.page-shell--large').first().waitFor();
    await shoot('onboarding-mine-large-text');
    await visit(REVIEWER, '/onboarding/pages/staff/index');
    await page.locator('.page-shell--large').first().waitFor();
    await testId('staff-list').getByTestId('staff-row').filter({ hasText: '李新' }).first().waitFor();
    await shoot('onboarding-staff-large-text');
    await visit(REVIEWER, '/pages/mine/index');
    await tap(testId('large-text'));
    expect(failures).toEqual([]);
  }, 180_000);

  it('the street revokes the worker: the very next request is refused, the workbench is gone', async () => {
    // Before: the worker may act in 中英街社区.
    const before = await api(WORKER, 'me.get', {});
    expect(before.body.data.roles.map((grant: { role: string; scopeId: string }) => `${grant.role}@${grant.scopeId}`).sort()).toEqual([`community@${QIAODONG}`, `community@${ZHONGYING}`]);

    await visit(REVIEWER, '/onboarding/pages/staff/index');
    for (const community of ['中英街社区', '桥东社区']) {
      const row = testId('staff-list').getByTestId('staff-row').filter({ hasText: `社区工作人员 · ${community}` });
      await tap(row.getByTestId('revoke'));
      await row.getByText(/角色立即失效，已办理的记录保留/).waitFor();
      if (community === '中英街社区') await shoot('onboarding-staff-revoke-confirm');
      await tap(row.getByTestId('revoke-confirm'));
      await testId('staff-list').getByTestId('staff-row').filter({ hasText: `社区工作人员 · ${community}` }).waitFor({ state: 'detached' });
    }
    await shoot('onboarding-staff-after-revoke');

    // The next request: the worker's action in 中英街社区 is refused; 我的 has no workbench.
    const refused = await api(WORKER, 'invitation.list', { scopeId: ZHONGYING });
    expect(refused.status).toBe(403);
    const submitted = await api(WORKER, 'proposal.submit', {
      communityId: ZHONGYING,
      title: '巷口路灯维修',
      category: 'goods',
      location: '中英街 5 巷',
      description: '巷口路灯坏了两个月。',
      source: 'party_member',
      requestId: 'e2e-revoked-0001',
    });
    expect(submitted.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await visit(WORKER, '/pages/mine/index');
    await testId('join-form').waitFor();
    expect(await testId('staff-entry').count()).toBe(0);
    await visit(WORKER, '/staff/pages/inbox/index');
    await page$().getByText('您还不是社区工作人员，不能使用社区工作台').waitFor();
    await shoot('onboarding-revoked-worker-inbox');

    // The street's staff list keeps only the reviewer; the city sees the whole chain.
    const staff = await api(REVIEWER, 'role.list', { scopeId: SHATOUJIAO });
    expect(staff.body.data.items.map((item: { openid: string; role: string }) => `${item.role}:${item.openid}`)).toEqual([`street:${REVIEWER}`]);
    expect(failures).toEqual([]);
  }, 120_000);
});
