import { useDemo } from './pages.spec';
import { useWeapp } from './support/weapp';

// The main journeys driven through the built weapp's pages — taps and inputs on the rendered
// WXML reach the pages' real handlers, `wx.cloud.callFunction` runs the built api function — and
// checked both on the screen and on the server.

jest.setTimeout(60_000);

const weapp = useWeapp();
const { launch } = weapp;
const demo = useDemo(weapp.backend);

describe('a resident (u-res-1, 中英街社区)', () => {
  it('R-SRC-1: proposes with a photo: chosen with chooseMedia, compressed, size-checked, uploaded to their folder, kept on the proposal', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/proposal-new/index');
    await app.waitForText('提交提议');
    await app.tap('工程类');
    await app.input(0, '中英街 5 巷加装扶手');
    await app.input(1, '中英街 5 巷台阶');
    await app.input(0, '台阶很陡，老人上下不方便，希望加装扶手。', 'textarea');
    await app.tap('＋');
    await app.waitForText('照片1/6');

    expect(app.fake.callsOf('chooseImage')).toEqual([]);
    expect(app.fake.callsOf('chooseMedia')[0]).toMatchObject({ count: 6, mediaType: ['image'], sizeType: ['compressed'] });
    expect(app.fake.callsOf('compressImage')[0]).toMatchObject({ src: 'wxfile://tmp_photo_1.jpg' });
    expect(app.fake.callsOf('getFileInfo')[0]).toMatchObject({ filePath: 'wxfile://tmp_photo_1_compressed.jpg' });
    const [upload] = app.fake.callsOf('cloud.uploadFile');
    expect(upload.filePath).toBe('wxfile://tmp_photo_1_compressed.jpg');
    expect(upload.cloudPath).toMatch(/^proposals\/u-res-1\/[\w-]+\.jpg$/);

    await app.tap('提交提议');
    await app.waitForText('提议已提交，社区会尽快处理');
    expect(app.page.route).toBe('pages/proposal-detail/index');
    expect(app.text()).toContain('中英街 5 巷加装扶手');
    const proposal = await weapp.backend().ok('u-res-1', 'proposal.get', { id: app.page.query.id });
    expect(proposal).toMatchObject({ state: 'submitted', communityId: 'c-zhongying', title: '中英街 5 巷加装扶手', location: '中英街 5 巷台阶' });
    expect(proposal.photos).toEqual([`cloud://weishishi-test-7g2k.7765-weishishi/${upload.cloudPath}`]);
  });

  it('is told why a photo did not go: too large after compression, then the network', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/proposal-new/index');
    await app.waitForText('提交提议');
    app.fake.answer('getFileInfo', { size: 6 * 1024 * 1024 });
    await app.tap('＋');
    await app.waitForText('照片太大（压缩后仍超过 5 MB）');
    expect(app.fake.callsOf('cloud.uploadFile')).toEqual([]);

    app.fake.answer('getFileInfo', { size: 300_000 });
    app.fake.fail('cloud.uploadFile', { errMsg: 'cloud.uploadFile:fail Error: network timeout' });
    await app.tap('＋');
    await app.waitForText('照片上传失败：网络不通或云存储暂不可用');
  });

  it('R-PUB-2: comments on the project in publicity, and sees the comment published', async () => {
    const app = await launch('u-res-1');
    await app.open(`/pages/proposal-detail/index?id=${demo.publicity.id}`);
    await app.waitForText('发表意见');
    await app.input(0, '希望灯光不要直射住户窗户。', 'textarea');
    await app.tap('发表意见');
    await app.waitForText('希望灯光不要直射住户窗户。');
    const { items } = await weapp.backend().ok(null, 'comment.list', { proposalId: demo.publicity.id });
    expect(items.map((comment: { text: string }) => comment.text)).toContain('希望灯光不要直射住户窗户。');
    // The content check saw it, for its author.
    expect(weapp.backend().standIn.checked.at(-1)).toMatchObject({ openid: 'u-res-1', content: '希望灯光不要直射住户窗户。' });
  });

  it('R-EVA-1: rates the completed project with four stars', async () => {
    const app = await launch('u-res-1');
    await app.open(`/pages/proposal-detail/index?id=${demo.completed.id}`);
    await app.waitForText('您对这个项目满意吗？');
    await app.tapNth('★', 3, '.stars-input__row');
    await app.waitForText('4 星');
    await app.tap('提交评价');
    await app.waitForText('感谢您的评价！您打了 4 星');
    const summary = await weapp.backend().ok(null, 'rating.summary', { proposalId: demo.completed.id });
    expect(summary.histogram['4']).toBeGreaterThanOrEqual(1);
  });
});

describe('staff', () => {
  it('R-COL-2: a community worker (中英街) adopts the submitted proposal from the workbench', async () => {
    const app = await launch('u-com-zhongying');
    await app.open('/staff/pages/inbox/index');
    await app.waitForText(demo.submitted.title);
    await app.tapNth('办理 ›', app.text().split('办理 ›').findIndex((part) => part.includes(demo.submitted.title)));
    await app.waitForText('筛选提议');
    expect(app.page.route).toBe('staff/pages/proposal/index');
    await app.tap('采纳');
    await app.tap('确认采纳');
    await app.waitForText('已采纳，请拟定申请报告');
    expect((await weapp.backend().ok(null, 'proposal.get', { id: demo.submitted.id })).state).toBe('adopted');
  });

  it('R-REV-1 / R-PUB-1: a street reviewer (沙头角) approves the 桥园 proposal, and the 桥园 worker publishes it for publicity', async () => {
    const reviewer = await launch('u-street-shatoujiao');
    await reviewer.open('/review/pages/queue/index');
    await reviewer.waitForText(demo.streetReview.title);
    await reviewer.tap('办理 ›');
    await reviewer.waitForText('审核决定');
    expect(reviewer.page.route).toBe('review/pages/decide/index');
    await reviewer.tap('审核通过');
    await reviewer.waitForText('批复后本年度剩余');
    await reviewer.tap('确认审核通过');
    await reviewer.waitForText('项目进入公示准备');
    await reviewer.tap('确定，提交');
    await reviewer.waitForText('已审核通过，批复预算 ¥43,000.00');
    const approved = await weapp.backend().ok(null, 'proposal.get', { id: demo.streetReview.id });
    expect(approved.state).toBe('approved');
    expect((await weapp.backend().ok(null, 'ledger.get', { communityId: 'c-qiaoyuan', year: 2026 })).approvedFen).toBe(4_300_000);

    const worker = await launch('u-com-qiaoyuan');
    await worker.open(`/staff/pages/proposal/index?id=${demo.streetReview.id}`);
    await worker.waitForText('街道已审核通过');
    await worker.tap('发布公示');
    await worker.waitForText('公示发布后居民即可看到并发表意见。确认发布？');
    await worker.tap('确认发布');
    await worker.waitForText('公示已发布，公示期至');
    expect((await weapp.backend().ok(null, 'proposal.get', { id: demo.streetReview.id })).state).toBe('publicity');
  });
});
