import path from 'node:path';
import type { Page } from 'playwright-core';
import { callApi, type ServerProcess } from '../support/local-server-process';
import { closeH5Session, openH5Session, type H5Session } from '../support/h5-session';
import { phoneJourney } from '../support/phone-journey';

// issue 17 in Chromium against the real local server and its demo data, as 张小明 (u-res-1) of
// 中英街社区: the 项目 tab (filters, search, total, load more, empty and failing answers, large
// text), 查看全部 from the home page, 我的意见 / 我的评价 leading to their proposals, and the 公示
// tab's 公示中 | 已结束 on the day after a notice's last day. Screenshots go to test/e2e/shots/.

const root = path.resolve(__dirname, '../..');
const SHOTS = path.join(root, 'test/e2e/shots');
const NOT_ADOPTED = '桥园小区 3 栋楼道漏水维修';

describe('issue 17: finding anything, my own words, publicity exactly — in Chromium', () => {
  let server: ServerProcess;
  let session: H5Session | undefined;
  let page: Page;
  let phone: ReturnType<typeof phoneJourney>;
  const failures: string[] = [];

  beforeAll(async () => {
    // More proposals a day than a resident may make, to fill more than one page of 项目.
    session = await openH5Session(failures, { env: { RATE_PROPOSALS_PER_DAY: '100' }, openid: 'u-res-1' });
    ({ server, page } = session);
    phone = phoneJourney(page, () => server.url, SHOTS);
  }, 180_000);

  afterAll(() => closeH5Session(session));

  const api = async (openid: string, action: string, payload: unknown) => {
    const { body } = await callApi(server.url, action, payload, { 'x-dev-openid': openid });
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  };

  it('项目: starts on my community in every state, widens to the city and finds the not-adopted proposal of 桥园社区', async () => {
    await phone.open('/pages/home/index');
    await phone.tab('项目');
    const { screen, press } = phone;
    await screen().getByTestId('projects-total').waitFor();
    expect(await screen().getByTestId('projects-filter-summary').textContent()).toBe('中英街社区 · 全部状态');
    const shown = await api('u-res-1', 'proposal.list', { communityId: 'c-zhongying' });
    expect(await screen().getByTestId('projects-total').textContent()).toBe(`共 ${shown.total} 个项目`);
    expect(await screen().getByText(NOT_ADOPTED).count()).toBe(0);
    await phone.photograph('projects-375');

    await press(screen().getByTestId('projects-filter-toggle'));
    const panel = screen().getByTestId('projects-filters');
    await press(panel.getByRole('radio', { name: '全部' }).first());
    await press(panel.getByRole('radio', { name: '未实施' }));
    await phone.settled();
    await phone.photograph('projects-filters-375', true);
    await press(screen().getByTestId('projects-filter-done'));
    await screen().getByText(NOT_ADOPTED).waitFor();
    expect(await screen().getByTestId('projects-filter-summary').textContent()).toBe('全市 · 未实施');
    expect(await screen().getByTestId('projects-total').textContent()).toBe('共 1 个项目');
    await press(screen().getByText(NOT_ADOPTED));
    await phone.settled();
    expect(await screen().getByTestId('state-badge').first().textContent()).toBe('未采纳');
    expect(failures).toEqual([]);
  }, 120_000);

  it('项目: searches two characters city-wide, says when nothing matches, and shows a failure with a retry', async () => {
    await phone.open('/pages/projects/index');
    const { screen, press } = phone;
    await press(screen().getByTestId('projects-filter-toggle'));
    await press(screen().getByTestId('projects-clear'));
    await press(screen().getByTestId('projects-filter-done'));
    await screen().locator('input[placeholder="搜索标题、内容或地点"]').fill('漏水');
    await press(screen().getByTestId('projects-search-go'));
    await phone.settled();
    await screen().getByText(NOT_ADOPTED).waitFor();
    expect(await screen().getByTestId('projects-total').textContent()).toBe('共 1 个项目');
    await phone.photograph('projects-search-375');

    // Enter on the keyboard searches too.
    await screen().locator('input[placeholder="搜索标题、内容或地点"]').fill('没有这样的项目');
    await screen().locator('input[placeholder="搜索标题、内容或地点"]').press('Enter');
    await screen().getByText('没有找到包含“没有这样的项目”的项目').waitFor();
    await phone.photograph('projects-empty-375');

    // The server unreachable for proposal.list: the failure and 重试, which loads again.
    let failing = true;
    await page.route('**/api', async (route) => {
      const body = route.request().postDataJSON() as { action: string };
      if (failing && body.action === 'proposal.list') return route.abort('connectionrefused');
      return route.continue();
    });
    await press(screen().getByText('清除筛选，查看全部'));
    await screen().getByRole('alert').waitFor();
    await phone.photograph('projects-error-375');
    failing = false;
    await press(screen().getByRole('alert').getByRole('button', { name: '重试' }));
    await screen().getByTestId('projects-total').waitFor();
    await page.unroute('**/api');
  }, 120_000);

  it('我的: my comments with status and replies, my ratings; each opens its proposal, which shows my stars', async () => {
    const [notice] = (await api('u-res-1', 'proposal.list', { communityId: 'c-zhongying', state: 'publicity' })).items;
    const comment = await api('u-res-1', 'comment.add', { proposalId: notice.id, text: '巷口的灯请装高一些，别照进窗户。', requestId: 'e2e-my-comment-1' });
    await api('u-com-zhongying', 'comment.reply', { commentId: comment.id, text: '好的，灯具会装在 4 米高并加装遮光罩。' });
    await phone.open('/pages/mine/index');
    const { screen, press } = phone;
    const comments = screen().getByTestId('my-comments');
    const item = comments.getByTestId(`my-comment-${comment.id}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('已发表');
    expect(await item.textContent()).toContain('灯具会装在 4 米高');
    const ratings = screen().getByTestId('my-ratings');
    const rated = ratings.locator('[data-testid^="my-rating-"]').first();
    await rated.waitFor();
    expect(await rated.textContent()).toContain('4 星');
    await comments.scrollIntoViewIfNeeded();
    await phone.photograph('mine-my-words-375', true);

    await press(rated);
    await phone.settled();
    await screen().getByTestId('my-rating').waitFor();
    expect(await screen().getByTestId('my-rating').textContent()).toContain('我的评价：4 星');
    expect(await screen().getByText('您对这个项目满意吗？').count()).toBe(0);
    expect(failures).toEqual([]);
  }, 120_000);

  it('首页 → 查看全部 opens 项目 on the community and state group, with load more past the first page', async () => {
    // 21 more submitted proposals in 中英街社区: more than the home section's five and a 项目 page's twenty.
    for (let n = 1; n <= 21; n += 1) {
      await api(n % 2 ? 'u-res-1' : 'u-res-2', 'proposal.submit', {
        communityId: 'c-zhongying',
        title: `楼栋微改造提议 ${n}`,
        category: 'works',
        location: `中英街 ${n} 号`,
        description: '为查看全部准备的提议。',
        source: 'resident',
        requestId: `e2e-see-all-${n}`,
      });
    }
    const { total } = await api('u-res-1', 'proposal.list', { communityId: 'c-zhongying', state: 'submitted' });
    await phone.open('/pages/home/index');
    const { screen, press } = phone;
    const section = screen().getByTestId('home-submitted');
    expect(await section.locator('[data-testid^="proposal-"]').count()).toBe(5);
    await section.getByTestId('home-submitted-all').scrollIntoViewIfNeeded();
    await phone.photograph('home-see-all-375');
    await press(section.getByTestId('home-submitted-all'));
    await phone.settled();
    await screen().getByTestId('projects-total').waitFor();
    expect(await screen().getByTestId('projects-filter-summary').textContent()).toBe('中英街社区 · 已提交');
    expect(await screen().getByTestId('projects-total').textContent()).toBe(`共 ${total} 个项目`);
    const cards = screen().getByTestId('projects-results').locator('[data-testid^="proposal-"]');
    expect(await cards.count()).toBe(20);
    await press(screen().getByText('加载更多'));
    await screen().getByText('以上是全部符合条件的项目').waitFor();
    expect(await cards.count()).toBe(total);
  }, 180_000);

  it('公示: 公示中 and 已结束; the day after its last day a notice is 已结束 and no longer counts down', async () => {
    const [notice] = (await api('u-res-1', 'proposal.list', { communityId: 'c-zhongying', state: 'publicity' })).items;
    await phone.open('/pages/notices/index');
    const { screen, press } = phone;
    await screen().getByTestId(`notice-${notice.id}`).waitFor();
    await phone.photograph('notices-open-375');
    await press(screen().getByTestId('notices-view-past'));
    await phone.settled();
    expect(await screen().getByTestId('notices-view-past').getAttribute('aria-selected')).toBe('true');
    expect(await screen().getByTestId(`notice-${notice.id}`).count()).toBe(0);
    await phone.photograph('notices-past-375', true);

    // The day after the window's last day (the dev bar's day): still 公示中 by state, shown ended.
    const lastDay: string = notice.deadlines.publicityEndsOn.on;
    const nextDay = new Date(Date.parse(`${lastDay}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
    await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), ['dev.day', nextDay]);
    await phone.open('/pages/notices/index');
    await screen().getByText('目前没有正在公示的项目').waitFor();
    await press(screen().getByTestId('notices-view-past'));
    const ended = screen().getByTestId(`notice-${notice.id}`);
    await ended.waitFor();
    expect(await ended.textContent()).toContain('公示期已结束');
    expect(await ended.textContent()).not.toContain('今天截止');
    await phone.photograph('notices-ended-next-day-375');
    await press(ended);
    await phone.settled();
    expect(await screen().getByTestId('publicity').textContent()).toContain('公示期已结束，意见征集已关闭');
    await page.evaluate(() => localStorage.removeItem('dev.day'));
  }, 120_000);

  it('shows the new screens at 375 px without sideways scrolling, in large text too', async () => {
    await page.evaluate(() => localStorage.setItem('ui.largeText', JSON.stringify({ data: true })));
    for (const [name, route] of [
      ['projects', '/pages/projects/index'],
      ['mine', '/pages/mine/index'],
      ['notices', '/pages/notices/index'],
    ]) {
      await phone.open(route);
      expect(await phone.screen().getByTestId('page-shell').getAttribute('class')).toContain('page-shell--large');
      expect({ name, overflow: await phone.sidewaysOverflow() }).toEqual({ name, overflow: 0 });
      // 我的: the new lists, below my proposals.
      if (name === 'mine') await phone.screen().getByTestId('my-comments').scrollIntoViewIfNeeded();
      await phone.photograph(`${name}-375-large`);
    }
    await phone.press(phone.screen().getByTestId('notices-view-past'));
    expect((await phone.screen().getByTestId('notices-view-past').boundingBox())!.height).toBeGreaterThan(44);
    await page.evaluate(() => localStorage.removeItem('ui.largeText'));
    expect(failures).toEqual([]);
  }, 120_000);
});
