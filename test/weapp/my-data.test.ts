import { useWeapp } from './support/weapp';

// Issue 17 in the built mini-program: 我的 → 个人信息 — the export sent as a file, and deleting
// the account, through the real pages and the built api function.

jest.setTimeout(60_000);

const weapp = useWeapp();
const { launch } = weapp;

describe('我的 → 个人信息 in the weapp', () => {
  it('PIPL: a resident opens 个人信息 from 我的 and sends the export as a JSON file', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/mine/index');
    await app.waitForText('查看个人信息');
    await app.tap('查看个人信息');
    await app.waitForText('我们保存的您的信息');
    expect(app.page.route).toBe('pages/my-data/index');
    await app.tap('下载我的信息');
    await app.waitForText('已导出');
    const [shared] = app.fake.callsOf('shareFileMessage');
    expect(shared.filePath).toMatch(/^wxfile:\/\/usr\/weishishi-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(app.fake.files.get(shared.filePath)!);
    expect(saved.profile).toMatchObject({ openid: 'u-res-1', name: '张小明' });
    expect(saved.proposals.length).toBeGreaterThan(0);
  });

  it('PIPL: refusing the privacy prompt on sending the file (errno 104) is said, not swallowed', async () => {
    const app = await launch('u-res-1');
    app.fake.fail('shareFileMessage', { errno: 104, errMsg: 'shareFileMessage:fail privacy permission is not authorized' });
    await app.open('/pages/my-data/index');
    await app.waitForText('下载我的信息');
    await app.tap('下载我的信息');
    await app.waitForText('需要先同意隐私保护指引，才能发送文件');
  });

  it('PIPL: deleting asks first, saying what stays public; afterwards the proposals show 已注销用户 and a new sign-in is empty', async () => {
    const app = await launch('u-res-1');
    const mine = await weapp.backend().ok('u-res-1', 'proposal.list', { mine: true });
    await app.open('/pages/my-data/index');
    await app.waitForText('注销账号');
    // The section's title shows it too: the button is the last element showing exactly it.
    await app.tap('注销账号');
    await app.waitForText('确认注销');
    expect(app.text()).toContain('署名改为“已注销用户”');
    await app.tap('确认注销');
    await app.waitForText('账号已注销');
    const proposal = await weapp.backend().ok(null, 'proposal.get', { id: mine.items[0].id });
    expect(proposal.proposer).toBe('已注销用户');
    const fresh = await weapp.backend().ok('u-res-1', 'me.export', {});
    expect(fresh).toMatchObject({ profile: null, proposals: [], comments: [], ratings: [] });
  });
});
