import { useDemo } from './pages.spec';
import { useWeapp } from './support/weapp';

// Issue 18's screens driven through the built weapp: the street's plan from the summary, the
// May self-check from its reminder with a finding resolved, and an acceptance held again after a
// failed one — checked on the screen and on the server.

jest.setTimeout(60_000);

const weapp = useWeapp();
const { launch } = weapp;
const demo = useDemo(weapp.backend);

describe('the street (u-street-shatoujiao, 沙头角街道)', () => {
  it('R-PLN-1: sets the year\'s plan from the summary, and the summary shows it', async () => {
    const app = await launch('u-street-shatoujiao');
    await app.open('/review/pages/summary/index');
    await app.waitForText('各社区资金');
    await app.tap('设置 2026 年年度计划');
    await app.waitForText('保存年度计划');
    expect(app.page.route).toBe('review/pages/plan/index');
    await app.input(0, '3');
    await app.input(1, '300000');
    await app.input(2, '1');
    await app.input(3, '80000.5');
    await app.waitForText('计划金额合计 ¥380,000.50');
    await app.tap('保存年度计划');
    await app.waitForText('2026 年年度计划已保存');
    const summary = await weapp.backend().ok('u-street-shatoujiao', 'report.summary', { scopeId: 's-shatoujiao', year: 2026 });
    expect(summary.rows.map((row: { plannedCount: number; plannedFen: number }) => [row.plannedCount, row.plannedFen])).toEqual([
      [3, 30_000_000],
      [1, 8_000_050],
    ]);
    await app.tap('返回统计报表');
    await app.waitForText('修改 2026 年年度计划');
    await app.waitForText('¥380,000.50');
  });

  it('R-INS-1: in May sees the self-check due on its home page, records it with a finding and resolves the finding', async () => {
    weapp.backend().setDay('2026-05-06');
    const app = await launch('u-street-shatoujiao');
    await app.open('/review/pages/queue/index');
    await app.waitForText('本月（5 月）为街道自查月：请沙头角街道开展检查并登记检查结果');
    await app.tap('去登记 ›');
    expect(app.page.route).toBe('review/pages/inspections/index');
    await app.waitForText('去登记 ›');
    await app.tap('去登记 ›');
    await app.waitForText('登记检查结果');
    await app.tap('添加发现的问题');
    await app.input(0, '桥园社区书角项目缺少议事会会议记录', 'textarea');
    await app.tap('登记检查结果');
    await app.waitForText('已登记街道自查，发现问题 1 条');
    await app.waitForText('5 月街道自查已登记');
    await app.tap('登记整改');
    await app.input(0, '已补齐会议记录并归档', 'textarea');
    await app.tap('确认已整改');
    await app.waitForText('第 1 条问题已登记整改');
    await app.waitForText('已整改（2026年5月6日）：已补齐会议记录并归档');
    const { items, due } = await weapp.backend().ok('u-street-shatoujiao', 'inspection.list', { scopeId: 's-shatoujiao', year: 2026 });
    expect(items[0]).toMatchObject({ kind: 'self_check', heldOn: '2026-05-06', findings: [{ text: '桥园社区书角项目缺少议事会会议记录', resolvedOn: '2026-05-06' }] });
    expect(due).toEqual([{ kind: 'self_check', year: 2026, month: 5, done: true }]);
  });
});

describe('the community (u-com-zhongying, 中英街社区)', () => {
  it('R-ACC-1: holds the acceptance again after a failed one, and the latest counts', async () => {
    weapp.backend().setDay('2026-03-02');
    await weapp.backend().ok('u-com-zhongying', 'implementation.accept', { id: demo.completed.id, acceptedOn: '2026-03-02', participants: ['社区工作站'], opinion: '扶手松动，需整改', passed: false });
    const app = await launch('u-com-zhongying');
    await app.open(`/staff/pages/proposal/index?id=${demo.completed.id}`);
    await app.waitForText('再次验收');
    await app.waitForText('2026年3月2日 验收不合格：扶手松动，需整改');
    await app.input(0, '社区工作站、居民代表');
    await app.input(1, '整改后合格，同意验收');
    await app.tap('登记验收');
    await app.waitForText('验收合格，已登记');
    const project = await weapp.backend().ok(null, 'proposal.get', { id: demo.completed.id });
    expect(project.acceptances.map((each: { passed: boolean }) => each.passed)).toEqual([false, true]);
  });
});
