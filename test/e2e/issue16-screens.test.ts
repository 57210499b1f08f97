import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { okAt } from '../support/http-api';
import type { ServerProcess } from '../support/local-server-process';
import { closeH5Session, devVisits, openH5Session, tapCentre, type H5Session } from '../support/h5-session';

// The staff screens of issue 16 in Chromium on the H5 build against the real local server: the
// city loads a year's holidays on the 工作日历, a street adds to the 项目库 and a community worker
// starts a proposal from it, the proposal's 办理记录 verifies its audit chain in the page, and the
// district downloads an Excel export. Screenshots (375 px wide) go to test/e2e/shots/.

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');
const NOTICE = '一、元旦：1月1日（周五）放假1天。\n二、春节：2月6日（农历除夕）至12日（农历正月初六）放假调休，共7天。2月14日（周日）上班。';

describe('issue 16 screens, in Chromium on the H5 build', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openH5Session(failures, { deviceScaleFactor: 1, acceptDownloads: true });
    ({ server, page } = session);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const visitAs = devVisits(() => session!);
  /** Opens a page as `openid`: the dev bar's storage, then a fresh load of the route. */
  const visit = (openid: string, day: string, route: string) => visitAs({ openid, day }, route);

  const page$ = () => page.locator('.taro_page_show').last();
  const testId = (id: string) => page$().getByTestId(id);
  const field = (name: string, scope: Locator = page$()) => scope.getByTestId(`field-${name}`).locator('input, textarea').first();

  const tap = (target: Locator) => tapCentre(page, target);

  /** The viewport with `target` scrolled into view, 375 px wide, no sideways scrolling. */
  async function shoot(name: string, target?: Locator) {
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
    if (target) await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }

  it('R-TIME-1, R-TIME-3: the city pastes the 2027 notice, checks it on the month calendars and saves it', async () => {
    await visit('u-city', '2026-12-05', '/review/pages/calendar/index');
    await testId('calendar-source').getByText(/尚未录入/).waitFor();
    await field('text').fill(NOTICE);
    await tap(testId('read-notice'));
    await testId('calendar-preview').getByText(/读到放假 8 天，调休上班 1 天/).waitFor();
    await shoot('calendar-preview', testId('month-2'));
    await field('note').fill('国办发明电〔2026〕9号');
    await tap(testId('save-calendar'));
    await page$().getByText(/已发出、尚未到期的期限会重新计算/).waitFor();
    await shoot('calendar-confirm', page$().getByText(/已发出、尚未到期的期限会重新计算/));
    await tap(testId('save-calendar-confirm'));
    await testId('notice').getByText(/2027 年放假安排已保存/).waitFor();
    await testId('calendar-source').getByText('已录入国务院放假安排').waitFor();
    const loaded = await okAt(server.url)(null, '2026-12-05', 'calendar.get', { year: 2027 });
    expect(loaded).toMatchObject({ source: 'loaded', provisional: false, workdays: ['2027-02-14'] });
    expect(failures).toEqual([]);
  }, 90_000);

  it('R-SUP-3: a street adds a library entry; a community worker starts a proposal from it; its 办理记录 verifies the chain', async () => {
    await visit('u-street-shatoujiao', '2026-12-05', '/review/pages/library/index');
    await tap(testId('add-library-entry'));
    const form = testId('library-form');
    await field('title', form).fill('楼道感应灯改造');
    await tap(form.getByText('工程类', { exact: true }));
    await field('plan', form).fill('更换楼道感应灯，物业负责后续管养');
    await field('budgetLines.0.item', form).fill('感应灯及安装');
    await field('budgetLines.0.amountFen', form).fill('36000');
    await tap(testId('save-library-entry'));
    await testId('notice').getByText('已加入项目库：「楼道感应灯改造」').waitFor();
    await shoot('library-street');

    await visit('u-com-zhongying', '2026-12-07', '/review/pages/library/index');
    const entry = page$().locator('[data-testid^="library-entry-"]', { hasText: '楼道感应灯改造' });
    await tap(entry.getByText('用此方案发起提议'));
    await field('location', entry).fill('中英街 5 号楼');
    await shoot('library-start', entry);
    await tap(entry.getByTestId('submit-from-library'));
    await page.waitForURL(/staff\/pages\/proposal\/index\?id=/);
    const id = /id=([^&]+)/.exec(page.url())![1];

    await visit('u-street-shatoujiao', '2026-12-07', `/pages/proposal-detail/index?id=${id}`);
    await tap(testId('load-audit-trail'));
    await testId('audit-trail').waitFor();
    await tap(testId('verify-chain'));
    await testId('chain-verdict').getByText(/校验通过：1 条记录/).waitFor();
    await shoot('process-record', testId('chain-verdict'));
    const record = await okAt(server.url)(null, '2026-12-07', 'proposal.get', { id });
    expect(record).toMatchObject({ source: 'library', title: '楼道感应灯改造' });
    expect(failures).toEqual([]);
  }, 120_000);

  it('R-FUN-3: the district downloads the subsidy application as an Excel workbook', async () => {
    await visit('u-district-yantian', '2026-12-07', '/review/pages/district/index');
    await testId('subsidy').getByTestId('subsidy-total').waitFor();
    const download = page.waitForEvent('download');
    await tap(testId('subsidy').getByTestId('export-xlsx'));
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^盐田区-2026年市级补助申报-2026-12-07\.xlsx$/);
    await testId('subsidy').getByTestId('export-message').waitFor();
    await shoot('district-export', testId('subsidy').getByTestId('export-message'));
    expect(failures).toEqual([]);
  }, 60_000);
});
