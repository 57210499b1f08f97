import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { okAt } from '../support/http-api';
import type { ServerProcess } from '../support/local-server-process';
import { closeH5Session, devVisits, openH5Session, tapCentre, type H5Session } from '../support/h5-session';

// Issue 18's screens in Chromium on the H5 build against the real local server, on a 375-px
// phone: in May the street sees its self-check due on its home page, sets its plan, reads the
// summary with its bars, records the self-check with a finding and resolves it; the district
// reads its summary in large text; the community holds an acceptance again after a failed one.
// Screenshots go to test/e2e/shots/ (device scale 1, so each stays small enough to commit).

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test/e2e/shots');

const STREET = 'u-street-shatoujiao';
const DISTRICT = 'u-district-yantian';
const WORKER = 'u-com-zhongying';
const MAY = '2026-05-06';
/** The demo store is seeded around the real day: its completed project is completed before it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('summary, plan, inspections and acceptance screens, in Chromium on the H5 build', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  let ok: ReturnType<typeof okAt>;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await openH5Session(failures, { deviceScaleFactor: 1 });
    ({ server, page } = session);
    ok = okAt(server.url);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const visitAs = devVisits(() => session!);
  /** Opens a page as `openid`: the dev bar's storage, then a fresh load of the route. */
  const visit = (openid: string, day: string, route: string, large = false) => visitAs({ openid, day, largeText: large }, route);

  const page$ = () => page.locator('.taro_page_show').last();
  const testId = (id: string) => page$().getByTestId(id);

  const tap = (target: Locator) => tapCentre(page, target);

  /** The screen at 375 px (no sideways scrolling), or one part of it scrolled into view. */
  async function shoot(name: string, part?: Locator) {
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
    if (part) await part.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }

  it('R-INS-1, R-PLN-1, R-RPT-1: the street in May — due self-check, plan, summary, the check and its finding resolved', async () => {
    await visit(STREET, MAY, '/review/pages/queue/index');
    await testId('due-self_check').getByText('本月（5 月）为街道自查月：请沙头角街道开展检查并登记检查结果').waitFor();
    await shoot('reports-queue-due-check');

    // The summary, then the plan set from it.
    await tap(testId('open-summary'));
    await testId('summary').waitFor();
    await shoot('reports-summary-street');
    await tap(testId('open-plan'));
    await testId('plan-c-zhongying').waitFor();
    await testId('plan-c-zhongying').getByTestId('field-items.0.plannedCount').locator('input').fill('4');
    await testId('plan-c-zhongying').getByTestId('field-items.0.plannedFen').locator('input').fill('400000');
    await testId('plan-c-qiaoyuan').getByTestId('field-items.1.plannedCount').locator('input').fill('2');
    await testId('plan-c-qiaoyuan').getByTestId('field-items.1.plannedFen').locator('input').fill('150000');
    await expect(testId('plan-total').textContent()).resolves.toContain('¥550,000.00');
    await tap(testId('save-plan'));
    await page$().getByText('2026 年年度计划已保存').waitFor();
    await shoot('reports-plan-saved');
    await tap(testId('back-to-summary'));
    await testId('total-count').waitFor();
    // Coming back reloads: the plan is on the summary, as the server sums it.
    await page$().getByText('¥550,000.00').first().waitFor();
    const plan = await ok(STREET, MAY, 'report.summary', { scopeId: 's-shatoujiao', year: 2026 });
    expect(plan.total.plannedFen).toBe(55_000_000);
    await expect(testId('total-approved').textContent()).resolves.toBe(formatYuan(plan.total.approvedFen));
    await expect(testId('money-c-zhongying').textContent()).resolves.toContain('¥400,000.00');
    await shoot('reports-summary-money', testId('chart-money'));
    await shoot('reports-summary-plan', testId('chart-plan'));

    // The self-check: from the due bar, one finding, then resolved.
    await visit(STREET, MAY, '/review/pages/inspections/index');
    await tap(testId('due-self_check'));
    await testId('record-inspection').waitFor();
    await tap(testId('add-finding'));
    await testId('field-findings.0.text').locator('textarea').fill('中英街社区路灯项目缺少议事会签到表');
    await shoot('reports-inspection-record', testId('record-inspection'));
    await tap(testId('send-inspection'));
    await testId('notice').getByText('已登记街道自查，发现问题 1 条').waitFor();
    await testId('due-self_check').getByText('5 月街道自查已登记').waitFor();
    await page$().getByText('发现问题 1 条，待整改 1 条').waitFor();
    await tap(testId('open-resolve-0'));
    await testId('resolve-0').getByTestId('field-note').locator('textarea').fill('已补齐签到表并归档');
    await tap(testId('send-resolve-0'));
    await testId('notice').getByText('第 1 条问题已登记整改').waitFor();
    await page$().getByText('已整改（2026年5月6日）：已补齐签到表并归档').waitFor();
    await shoot('reports-inspection-resolved');
    const listed = await ok(STREET, MAY, 'inspection.list', { scopeId: 's-shatoujiao', year: 2026 });
    expect(listed.items[0].findings[0]).toMatchObject({ resolvedOn: MAY, note: '已补齐签到表并归档' });

    // Recorded: the reminder is gone from the street's home page.
    // Absence is asserted only after the reminder's own inspection.list has answered and rendered.
    const reminderLoaded = page.waitForResponse((response) => response.url().endsWith('/api') && (response.request().postData() ?? '').includes('"inspection.list"'));
    await visit(STREET, MAY, '/review/pages/queue/index');
    await testId('open-summary').waitFor();
    expect((await (await reminderLoaded).json()).data.due).toEqual([expect.objectContaining({ kind: 'self_check', done: true })]);
    await page.waitForTimeout(300);
    expect(await testId('due-self_check').count()).toBe(0);
    expect(failures).toEqual([]);
  }, 240_000);

  it('R-RPT-1: the district reads its summary in large text on a 375-px phone, without the plan button', async () => {
    await visit(DISTRICT, MAY, '/review/pages/summary/index', true);
    await testId('summary').waitFor();
    expect(await page$().getByTestId('page-shell').getAttribute('class')).toContain('page-shell--large');
    await page$().getByText('盐田区 · 统计报表').waitFor();
    expect(await testId('open-plan').count()).toBe(0);
    await shoot('reports-summary-district-large');
    await shoot('reports-summary-district-large-states', testId('chart-states'));
    await tap(page$().getByRole('radio', { name: '至一季度末' }));
    await page$().getByText('2026年1月1日 至 2026年3月31日').waitFor();
    await visit(DISTRICT, MAY, '/review/pages/inspections/index', true);
    await page$().getByText('本月（5 月）为街道自查月：请督促各街道开展自查并登记检查结果').waitFor();
    await shoot('reports-inspections-district-large');
    expect(failures).toEqual([]);
  }, 120_000);

  it('R-ACC-1: after a failed acceptance the community holds it again on the project page', async () => {
    const { items } = await ok(null, TODAY, 'proposal.list', { communityId: 'c-zhongying', state: 'completed' });
    const id = items[0].id;
    await ok(WORKER, TODAY, 'implementation.accept', { id, acceptedOn: TODAY, participants: ['社区工作站', '居民代表'], opinion: '路面有裂缝，需整改', passed: false });
    await visit(WORKER, TODAY, `/staff/pages/proposal/index?id=${id}`);
    await testId('step-accept').getByText('再次验收').waitFor();
    await testId('acceptance-failed').getByText(`${dateText(TODAY)} 验收不合格：路面有裂缝，需整改`).waitFor();
    await testId('step-accept').getByTestId('field-participants').locator('input').fill('社区工作站、居民代表、施工单位');
    await testId('step-accept').getByTestId('field-opinion').locator('input').fill('整改后质量合格，同意验收');
    await shoot('reports-acceptance-redo', testId('step-accept'));
    await tap(testId('send-accept'));
    await testId('notice').getByText('验收合格，已登记').waitFor();
    // The notice shows at once and the project reloads behind it: the step leaves with the reload.
    await testId('step-accept').waitFor({ state: 'detached', timeout: 10_000 });
    const project = await ok(WORKER, TODAY, 'proposal.get', { id });
    expect(project.acceptances.map((each: { passed: boolean }) => each.passed)).toEqual([false, true]);
    expect(failures).toEqual([]);
  }, 120_000);
});

/** ¥12,345.00 from fen, as the pages write money (to compare a page with the server's figure). */
function formatYuan(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `¥${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

/** 2026年5月6日, as the pages write a date. */
function dateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
