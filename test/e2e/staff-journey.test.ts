import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { okAt } from '../support/http-api';
import type { ServerProcess } from '../support/local-server-process';
import { closeH5Session, devVisits, openH5Session, tapCentre, type H5Session } from '../support/h5-session';

// One services project of 田心社区 (empty in the demo store) from a resident's proposal to the
// published audit, in Chromium on the real H5 build against the real local server. Each role works
// on its own pages; the user and the day are switched the way the dev bar does it (Taro storage
// keys `dev.openid` / `dev.day`). Days are 2026's, whose holiday calendar is known:
// Mon 14 Sep the agenda needs 3 full working days → the meeting is on Fri 18 Sep at the earliest;
// publicity published Fri 18 Sep ends Tue 22 Sep (Sun 20 Sep is a make-up working day); the
// implementer is set on Wed 23 Sep.

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test/artifacts');

const RESIDENT = 'u-res-3';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const DISTRICT = 'u-district-yantian';
const TITLE = '田心社区四点半课堂';

describe('the staff journey across roles, in Chromium on the H5 build', () => {
  let session: H5Session | undefined;
  let server: ServerProcess;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    session = await openH5Session(failures);
    ({ server, page } = session);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const visitAs = devVisits(() => session!);
  /** Opens a page as `openid` on `day`: the dev bar's storage, then a fresh load of the page. */
  const visit = (openid: string, day: string, route: string) => visitAs({ openid, day }, route);

  /** The whole page at 375 px wide (Taro scrolls inside .taro_page), no sideways scrolling. */
  async function shoot(name: string) {
    // Let the slide-in of a page just opened finish.
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    const height = await page.evaluate(() => {
      const shown = document.querySelectorAll('.taro_page_show');
      return shown[shown.length - 1]?.scrollHeight ?? 812;
    });
    if (height > 812) {
      await page.setViewportSize({ width: 375, height });
      await page.screenshot({ path: path.join(artifacts, `${name}-full.png`) });
      await page.setViewportSize({ width: 375, height: 812 });
    }
  }

  /** The page on top (a page opened with navigateTo is appended after the one below it). */
  const page$ = () => page.locator('.taro_page_show').last();

  /**
   * A real click in the middle of the element. Playwright's own click refuses Taro's buttons below
   * the fold ("taro-pull-to-refresh-core intercepts pointer events": its hit test does not see
   * through the web components), although a mouse click at that very point reaches the button.
   */
  const tap = (target: Locator) => tapCentre(page, target);
  const field = (name: string) => page$().getByTestId(`field-${name}`).locator('input, textarea').first();
  const testId = (id: string) => page$().getByTestId(id);
  const text = (value: string) => page$().getByText(value, { exact: true });
  /** The native field inside Taro's input / textarea element with this placeholder. */
  const typed = (placeholder: string) => page$().locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);

  it('takes a services project from proposal to audit, every step on the staff pages', async () => {
    const started = Date.now();

    // Mon 14 Sep — a resident proposes on the resident form.
    await visit(RESIDENT, '2026-09-14', '/pages/proposal-new/index');
    await tap(text('服务类'));
    await typed('一句话说明，如：3 栋门口路灯不亮').fill(TITLE);
    await typed('如：中英街 3 号楼东侧').fill('田心社区党群服务中心');
    await typed('现在是什么情况？影响了哪些人？希望怎样改善？').fill('双职工家庭的孩子放学后无人照看。');
    await tap(testId('submit'));
    await page.waitForURL(/proposal-detail\/index\?id=/);
    const id = /id=([^&]+)/.exec(page.url())![1];

    // The community screens it from its inbox and adopts it.
    await visit(WORKER, '2026-09-14', '/staff/pages/inbox/index');
    await testId('count-submitted').getByText('1').waitFor();
    await shoot('staff-inbox');
    await tap(page$().getByRole('link', { name: TITLE }));
    await testId('step-screen').waitFor();
    await shoot('staff-proposal-screen');
    await tap(text('采纳'));
    await tap(text('确认采纳'));

    // The report: a 12% services fee is refused on screen, 10% accepted (R-REP-2).
    await testId('report-editor').waitFor();
    await field('reason').fill('解决双职工家庭学生课后看护');
    await field('overview').fill('开设课后托管 60 次');
    await field('plan').fill('委托社工机构在党群服务中心开展');
    await field('budgetLines.0.item').fill('托管服务');
    await field('budgetLines.0.amountFen').fill('44000');
    await tap(testId('add-line'));
    await field('budgetLines.1.item').fill('服务管理费');
    await field('budgetLines.1.amountFen').fill('6000');
    await tap(testId('fee-1'));
    await expect(testId('budget-total').textContent()).resolves.toBe('¥50,000.00');
    await expect(testId('fee-share').textContent()).resolves.toContain('12.0%');
    await tap(testId('save-report'));
    await testId('error-budgetLines').getByText(/超过预算总额 ¥50,000.00 的 10%/).waitFor();
    await testId('report-editor').scrollIntoViewIfNeeded();
    await shoot('staff-proposal-report-refused');
    await field('budgetLines.0.amountFen').fill('45000');
    await field('budgetLines.1.amountFen').fill('5000');
    await tap(testId('save-report'));
    await testId('notice').getByText('申请报告已保存').waitFor();
    await testId('go-council').waitFor();

    // The agenda: Thu 17 Sep is too early — greyed, with the reason on screen — and Fri 18 Sep is
    // accepted (R-COU-2).
    await tap(testId('go-council'));
    await testId('agenda').waitFor();
    await testId(`agenda-pick-${id}`).waitFor();
    await testId('why-greyed-meetingOn').getByText(/今天发布最早可定于2026年9月18日（周五），更早的日期不可选/).waitFor();
    const early = page$().getByRole('radio', { name: '9月17日 周四（不可选）', exact: true });
    await expect(early.getAttribute('aria-disabled')).resolves.toBe('true');
    await tap(early);
    await expect(early.getAttribute('aria-checked')).resolves.toBe('false');
    await shoot('staff-council-too-early');
    await tap(page$().getByRole('radio', { name: '9月18日 周五', exact: true }));
    await tap(testId('publish-agenda'));
    await testId('notice').getByText(/2026年9月18日（周五）召开议事会/).waitFor();

    // Fri 18 Sep — the council meets: attendance and the vote (R-COU-3), then to the street.
    await visit(WORKER, '2026-09-18', '/staff/pages/council/index');
    const vote = testId(`vote-${id}`);
    await vote.getByTestId('field-attendance').locator('input').fill('21');
    await vote.getByTestId('field-for').locator('input').fill('15');
    await vote.getByTestId('field-against').locator('input').fill('4');
    await vote.getByTestId('field-abstain').locator('input').fill('2');
    await shoot('staff-council-vote');
    await tap(testId(`send-vote-${id}`));
    await testId('notice').getByText(`「${TITLE}」表决结果已录入：议事会通过`).waitFor();
    await visit(WORKER, '2026-09-18', `/staff/pages/proposal/index?id=${id}`);
    await tap(testId('submit-street'));
    await tap(testId('submit-street-confirm'));
    await testId('notice').getByText('已提交街道审核').waitFor();

    // The street allocates the year on the ledger, then approves against it (R-FUN-2).
    await visit(STREET, '2026-09-18', '/review/pages/ledger/index');
    await tap(testId('open-allocate-c-tianxin'));
    await testId('allocate-c-tianxin').getByTestId('field-allocatedFen').locator('input').fill('1200000');
    await tap(testId('send-allocate-c-tianxin'));
    await page$().getByText('下达成功：本年度已下达 ¥1,200,000.00').waitFor();
    await shoot('review-ledger');
    await visit(STREET, '2026-09-18', '/review/pages/queue/index');
    await testId('review-queue').getByRole('link', { name: TITLE }).waitFor();
    await shoot('review-queue');
    await tap(testId('review-queue').getByRole('link', { name: TITLE }));
    await testId('remaining').getByText(/¥1,200,000.00/).waitFor();
    await tap(text('审核通过'));
    await testId('after-approval').getByText('批复后本年度剩余 ¥1,150,000.00').waitFor();
    await shoot('review-decide');
    await tap(testId('send-decision'));
    await testId('send-decision-question').waitFor();
    await shoot('review-decide-confirm');
    await tap(testId('send-decision-confirm'));
    await testId('notice').getByText('已审核通过，批复预算 ¥50,000.00').waitFor();

    // The community publishes the notice: the window ends Tue 22 Sep (R-PUB-1).
    await visit(WORKER, '2026-09-18', `/staff/pages/proposal/index?id=${id}`);
    await shoot('staff-proposal-publicity');
    await tap(testId('publish-publicity'));
    await tap(testId('publish-publicity-confirm'));
    await testId('notice').getByText('公示已发布，公示期至 2026年9月22日').waitFor();

    // Mon 21 Sep — a resident comments on the detail page; the community answers.
    await visit(RESIDENT, '2026-09-21', `/pages/proposal-detail/index?id=${id}`);
    await typed('对这个项目有什么意见或建议？').fill('希望周六也能开放。');
    await tap(testId('send-comment'));
    await page$().getByText('意见已发表，社区会在这里回复。').waitFor();
    await visit(WORKER, '2026-09-21', `/staff/pages/proposal/index?id=${id}`);
    const comment = testId('staff-comment').filter({ hasText: '希望周六也能开放。' });
    await comment.locator('textarea').fill('周六上午开放，已写入实施方案。');
    await shoot('staff-proposal-comments');
    await tap(comment.getByTestId('send-reply'));
    await comment.getByText('周六上午开放，已写入实施方案。').waitFor();

    // Wed 23 Sep — after the window: assign (R-IMP-1), record the start; Fri 20 Nov complete.
    await visit(WORKER, '2026-09-23', `/staff/pages/proposal/index?id=${id}`);
    await field('implementer').fill('田心社工服务社');
    await shoot('staff-proposal-assign');
    await tap(testId('send-assign'));
    await testId('notice').getByText('实施主体已确定').waitFor();
    await tap(testId('send-start'));
    await testId('notice').getByText('已登记开始实施').waitFor();
    await visit(WORKER, '2026-11-20', `/staff/pages/proposal/index?id=${id}`);
    await field('maintenanceUnit').fill('不适用（服务类）');
    await field('maintenanceFunding').fill('无');
    // Issue 18 (acceptance): R-ACC-1, the acceptance goes with the completion.
    await field('participants').fill('社区工作站、居民代表');
    await field('opinion').fill('服务按计划完成，同意验收');
    await shoot('staff-proposal-complete-acceptance');
    await tap(testId('send-complete'));
    await testId('notice').getByText('已登记完工，居民现在可以评价').waitFor();

    // Sat 21 Nov — a resident rates; Mon 23 Nov the community publishes the evaluation (R-EVA-1).
    await visit(RESIDENT, '2026-11-21', `/pages/proposal-detail/index?id=${id}`);
    await tap(page$().getByRole('radio', { name: '5 星 很满意' }));
    await tap(testId('rate'));
    await page$().getByText(/感谢您的评价/).waitFor();
    await visit(WORKER, '2026-11-23', `/staff/pages/proposal/index?id=${id}`);
    await testId('step-evaluation').getByText('1 位居民评价，平均 5.0 星').waitFor();
    await field('summary').fill('家长满意度高，周六场次反响好。');
    await shoot('staff-proposal-evaluation');
    await tap(testId('send-evaluation'));
    await testId('notice').getByText('评价结果已发布').waitFor();

    // Wed 25 Nov — the street publishes the audit and the final spending (R-AUD-1).
    await visit(STREET, '2026-11-25', '/review/pages/queue/index');
    await tap(testId('audit-queue').getByRole('link', { name: TITLE }));
    await testId('audit-form').waitFor();
    await field('auditor').fill('盐田审计所');
    await field('spentFen').fill('49800');
    await field('report').fill('资金使用规范，结余 200 元退回。');
    await testId('spend-difference').getByText('节余 ¥200.00').waitFor();
    await shoot('review-audit');
    await tap(testId('send-audit'));
    await testId('notice').getByText('审计结果已发布，实际支出 ¥49,800.00').waitFor();

    // The resident's detail page tells the whole story, every step.
    await visit(RESIDENT, '2026-11-25', `/pages/proposal-detail/index?id=${id}`);
    const timeline = testId('timeline');
    await timeline.waitFor();
    for (const step of ['提交提议', '已采纳', '申请报告已拟定', '居民议事会', '议事会表决', '提交街道审核', '审核通过', '公示', '确定实施主体', '开工', '已完工', '评价结果公布', '审计结果公布']) {
      await timeline.getByText(step, { exact: true }).waitFor();
    }
    await page$().getByText('周六上午开放，已写入实施方案。').waitFor();
    await timeline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'staff-journey-resident-timeline.png') });

    // The server agrees: audited, every transition on the chain.
    const ok = okAt(server.url);
    const record = await ok(WORKER, '2026-11-25', 'proposal.get', { id });
    expect(record).toMatchObject({ state: 'audited', approvedBudgetFen: 5_000_000, report: { budgetFen: 5_000_000, feeFen: 500_000 }, audit: { spentFen: 4_980_000 } });
    const trail = await ok(WORKER, '2026-11-25', 'audit.trail', { id });
    expect(trail.entries.map((entry: { to: string }) => entry.to)).toEqual([
      'submitted', 'adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved',
      'publicity', 'implementing', 'implementing', 'completed', 'evaluated', 'audited',
    ]);
    expect(failures).toEqual([]);
    console.log(`[staff-journey] the journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 150_000);

  it('shows the oversight and district pages at 375 px', async () => {
    await visit(STREET, '2026-11-25', '/review/pages/oversight/index');
    await testId('overdue').getByText(/没有逾期的项目|逾期：/).first().waitFor();
    await testId('checklist').getByText(/各项目材料齐全|缺少：/).first().waitFor();
    await shoot('review-oversight');
    // A street with records of the demo store, at the end of the year: overdue and missing items.
    await visit('u-street-shatoujiao', '2026-12-30', '/review/pages/oversight/index');
    await testId('overdue').getByText(/没有逾期的项目|逾期：/).first().waitFor();
    await testId('checklist').getByText(/各项目材料齐全|缺少：/).first().waitFor();
    await shoot('review-oversight-shatoujiao');
    await visit(DISTRICT, '2026-11-25', '/review/pages/district/index');
    await testId('policy-form').waitFor();
    await testId('subsidy').getByTestId('subsidy-total').waitFor();
    await shoot('review-district');
    expect(failures).toEqual([]);
  }, 60_000);
});
