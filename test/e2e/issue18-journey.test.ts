import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { minimalPdf } from '../support/pdf';
import { okAt } from '../support/http-api';
import { callApi, type ServerProcess } from '../support/local-server-process';
import { closeH5Session, devVisits, openH5Session, tapCentre, type H5Session } from '../support/h5-session';

// Issue 18 screens in Chromium on the H5 build against the real local server and its demo data:
// the archive on a project page (a PDF and a photo attached), a complaint from a resident answered
// by the street, the supervisor's read-only views, the 代录 form and the council agendas on the
// community page. Each screen is photographed at 375 px into test/e2e/shots/, and the new pages
// again in large-text mode.

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');

describe('issue 18 screens in Chromium', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];
  let publicityId = '';

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openH5Session(failures);
    ({ server, page } = session);
    const listed = await callApi(server.url, 'proposal.list', { communityId: 'c-zhongying', state: 'publicity' });
    publicityId = listed.body.data.items[0].id;
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const visitAs = devVisits(() => session!);
  /** Opens a page as `openid`: the dev bar's storage, then a fresh load of the route. */
  const visit = (openid: string, route: string, large = false) => visitAs({ openid, largeText: large }, route);

  const page$ = () => page.locator('.taro_page_show').last();
  const testId = (id: string) => page$().getByTestId(id);
  const text = (value: string) => page$().getByText(value, { exact: true });

  const tap = (target: Locator) => tapCentre(page, target);

  /** The part of the page around `target`, at 375 px wide; no sideways scrolling. */
  async function shoot(name: string, target?: Locator) {
    await page.waitForTimeout(400);
    if (target) await target.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
    // CSS pixels: 375 px wide files, small enough to keep in the repository.
    await page.screenshot({ path: path.join(shots, `${name}.png`), scale: 'css' });
  }

  it('the archive: a worker attaches a PDF and a photo on the project page; a resident sees only the public papers', async () => {
    await visit('u-com-zhongying', `/pages/proposal-detail/index?id=${publicityId}`);
    await testId('archive-attach').waitFor();
    await tap(text('议事会会议记录'));
    await testId('field-title').locator('input').fill('第三次议事会会议记录');
    const pdfChooser = page.waitForEvent('filechooser');
    await tap(testId('archive-pick-file'));
    await (await pdfChooser).setFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await testId('archive-chosen').waitFor();
    await tap(testId('archive-submit'));
    await testId('archive-done').getByText('已存档：第三次议事会会议记录').waitFor({ timeout: 20_000 });

    await tap(text('现场公示照片'));
    await testId('field-title').locator('input').fill('公示栏张贴照片');
    const photoChooser = page.waitForEvent('filechooser');
    await tap(testId('archive-pick-photo'));
    await (await photoChooser).setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: readFileSync(path.join(root, 'src/assets/tab-home-active.png')) });
    await testId('archive-chosen').waitFor();
    await tap(testId('archive-submit'));
    await testId('archive-done').getByText('已存档：公示栏张贴照片').waitFor({ timeout: 20_000 });
    await expect(testId('archive-paper').count()).resolves.toBe(2);
    await shoot('issue18-archive-worker', testId('archive'));

    await visit('u-res-1', `/pages/proposal-detail/index?id=${publicityId}`);
    await testId('archive-paper').first().waitFor();
    await expect(testId('archive-paper').count()).resolves.toBe(1);
    await expect(testId('archive').textContent()).resolves.toContain('公示栏张贴照片');
    await expect(testId('archive-attach').count()).resolves.toBe(0);
    await shoot('issue18-archive-resident', testId('complaint-entry'));
  }, 120_000);

  it('a complaint: the resident writes from the project page, the supervisor reads, the street answers', async () => {
    await visit('u-res-1', `/pages/proposal-detail/index?id=${publicityId}`);
    await tap(testId('complaint-entry'));
    await testId('complaint-form').waitFor();
    await testId('complaint-form').locator('textarea').fill('公示栏被广告遮挡，居民看不到公示内容。');
    await tap(testId('complaint-submit'));
    await testId('complaint-sent').waitFor();
    await testId('my-complaints').getByText('公示栏被广告遮挡，居民看不到公示内容。').waitFor();
    await shoot('issue18-complaint-resident');

    await visit('u-supervisor-yantian', '/review/pages/complaints/index');
    await testId('complaint').first().waitFor();
    await expect(testId('complaint-answer-form').count()).resolves.toBe(0);
    await shoot('issue18-complaints-supervisor');

    await visit('u-street-shatoujiao', '/review/pages/complaints/index');
    await testId('complaint-answer-form').waitFor();
    await tap(text('属实，已处理'));
    await testId('complaint-answer-form').locator('textarea').fill('已通知物业清理广告，并安排每周巡查公示栏。');
    await shoot('issue18-complaints-street-answer', testId('complaint-answer-form'));
    await tap(testId('complaint-answer-submit'));
    await testId('complaint-answer').getByText('处理结果：属实，已处理').waitFor();

    await visit('u-res-1', '/pages/complaints/index');
    await testId('my-complaints').getByText('已通知物业清理广告，并安排每周巡查公示栏。').waitFor();
  }, 120_000);

  it('the supervisor reads the district queue and the oversight list, with no settings and no decision', async () => {
    await visit('u-supervisor-yantian', '/review/pages/queue/index');
    await testId('open-complaints').waitFor();
    await expect(testId('open-district').count()).resolves.toBe(0);
    await shoot('issue18-supervisor-queue');
    await visit('u-supervisor-yantian', '/review/pages/oversight/index');
    await testId('overdue').waitFor();
    await shoot('issue18-supervisor-oversight');
  }, 60_000);

  it('the community page shows the council agendas and the complaint entry; the 代录 form; large text on the new pages', async () => {
    // An agenda two weeks ahead: the worker adopts the submitted demo proposal, drafts its report, publishes the agenda.
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const meetingOn = new Date(Date.parse(`${day}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const ok = okAt(server.url);
    const [submitted] = (await ok(null, day, 'proposal.list', { communityId: 'c-zhongying', state: 'submitted' })).items;
    await ok('u-com-zhongying', day, 'proposal.screen', { id: submitted.id, adopt: true });
    await ok('u-com-zhongying', day, 'proposal.draftReport', {
      id: submitted.id,
      reason: '居民反映需要',
      overview: '按居民提议实施',
      plan: '社区组织实施',
      budgetLines: [{ item: '材料及安装', amountFen: 2_000_000 }],
    });
    await ok('u-com-zhongying', day, 'council.publishAgenda', { communityId: 'c-zhongying', meetingOn, proposalIds: [submitted.id] });
    await visit('u-res-1', '/pages/home/index');
    await testId('council-meeting').getByText(submitted.title).waitFor();
    await shoot('issue18-home-council', testId('complaint-entry'));
    await visit('u-com-zhongying', '/staff/pages/behalf/index?communityId=c-zhongying');
    await testId('behalf-form').waitFor();
    await shoot('issue18-behalf-form');
    for (const [name, openid, route, ready] of [
      ['complaints', 'u-res-1', '/pages/complaints/index?communityId=c-zhongying', 'complaint-form'],
      ['review-complaints', 'u-street-shatoujiao', '/review/pages/complaints/index', 'complaints'],
      ['behalf', 'u-com-zhongying', '/staff/pages/behalf/index', 'behalf-form'],
      ['archive', 'u-com-zhongying', `/pages/proposal-detail/index?id=${publicityId}`, 'archive-attach'],
    ] as const) {
      await visit(openid, route, true);
      await testId(ready).waitFor();
      await expect(page.locator('.page-shell--large').count()).resolves.toBeGreaterThan(0);
      await shoot(`issue18-${name}-large`, testId(ready));
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
