import { useDemo } from './pages.spec';
import { useWeapp } from './support/weapp';

// issue 17 driven through the built weapp: the 项目 tab finds a proposal of another community that
// was not adopted (filters, then the search box), 我的 lists my ratings and comments leading to
// their proposals, and the 公示 tab switches between 公示中 and 已结束.

jest.setTimeout(60_000);

const weapp = useWeapp();
const { launch } = weapp;
const demo = useDemo(weapp.backend);
const NOT_ADOPTED = '桥园小区 3 栋楼道漏水维修';

describe('a resident of 中英街社区 (u-res-1)', () => {
  it('finds the not-adopted proposal of 桥园社区 by widening the place and picking 未实施', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/projects/index');
    await app.waitForText('中英街社区 · 全部状态');
    expect(app.text()).not.toContain(NOT_ADOPTED);
    await app.tap('筛选 ▾');
    await app.tapNth('全部', 0, '.projects__panel');
    await app.tap('未实施');
    await app.waitForText('全市 · 未实施');
    await app.waitForText(NOT_ADOPTED);
    await app.waitForText('共 1 个项目');
    expect(app.text()).not.toContain(demo.publicity.title);
    await app.tap(NOT_ADOPTED);
    expect(app.page.route).toBe('pages/proposal-detail/index');
    await app.waitForText('未采纳');
  });

  it('searches the whole city for two characters of a title', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/projects/index');
    await app.waitForText('中英街社区 · 全部状态');
    await app.tap('筛选 ▾');
    await app.tap('清除筛选');
    await app.input(0, '漏水');
    await app.tap('搜索');
    await app.waitForText('全市 · 全部状态 · “漏水”');
    await app.waitForText(NOT_ADOPTED);
    await app.waitForText('共 1 个项目');
    const answer = await weapp.backend().ok(null, 'proposal.list', { q: '漏水' });
    expect(answer.total).toBe(1);
  });

  it('R-EVA-1: sees the project it rated under 我的评价 and opens it to find its stars', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/mine/index');
    await app.waitForText('我的评价');
    await app.waitForText(demo.audited.title);
    await app.tap('4 星');
    expect(app.page.route).toBe('pages/proposal-detail/index');
    expect(app.page.query.id).toBe(demo.audited.id);
    await app.waitForText('我的评价：4 星');
    expect(app.text()).not.toContain('您对这个项目满意吗？');
  });

  it('R-PUB-2: comments, then finds the comment under 我的意见 with its status', async () => {
    const app = await launch('u-res-1');
    await app.open(`/pages/proposal-detail/index?id=${demo.publicity.id}`);
    await app.waitForText('发表意见');
    await app.input(0, '巷口的灯请装高一些。', 'textarea');
    await app.tap('发表意见');
    await app.waitForText('巷口的灯请装高一些。');
    const mine = await launch('u-res-1');
    await mine.open('/pages/mine/index');
    await mine.waitForText('我的意见');
    await mine.waitForText('巷口的灯请装高一些。');
    await mine.waitForText('已发表');
    await mine.tap('巷口的灯请装高一些。');
    expect(mine.page.route).toBe('pages/proposal-detail/index');
    expect(mine.page.query.id).toBe(demo.publicity.id);
  });

  it('switches the 公示 tab from 公示中 to 已结束 and back', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/notices/index');
    await app.waitForText(demo.publicity.title);
    expect(app.text()).not.toContain(demo.audited.title);
    await app.tap('已结束');
    await app.waitForText('已结束的公示');
    await app.waitForText(demo.audited.title);
    expect(app.text()).not.toContain('查看并发表意见');
    await app.tap('公示中');
    await app.waitForText('查看并发表意见');
  });
});
