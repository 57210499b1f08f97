import { useDemo } from './pages.spec';
import { useWeapp } from './support/weapp';

// Issue 18 screens driven through the built weapp: a paper attached from a chat, a complaint made
// by a resident and answered by the street (and only read by the supervisor), a plan revised by
// the community and decided by the street side by side. Checked on the screen and on the server.

jest.setTimeout(60_000);

const weapp = useWeapp();
const { launch } = weapp;
const demo = useDemo(weapp.backend);

describe('the archive (资料)', () => {
  it('R-SUP-1: a community worker attaches the council minutes as a PDF picked from a chat; residents do not see the minutes', async () => {
    const app = await launch('u-com-zhongying');
    await app.open(`/pages/proposal-detail/index?id=${demo.publicity.id}`);
    await app.waitForText('添加资料（当前阶段：公示中）');
    await app.tap('议事会会议记录');
    await app.input(0, '第三次议事会会议记录');
    await app.tap('从聊天中选 PDF');
    await app.waitForText('已选择：PDF 文件');
    expect(app.fake.callsOf('chooseMessageFile')[0]).toMatchObject({ count: 1, type: 'file', extension: ['pdf'] });
    await app.tap('存档');
    await app.waitForText('已存档：第三次议事会会议记录');
    const [upload] = app.fake.callsOf('cloud.uploadFile');
    expect(upload.filePath).toBe('wxfile://tmp_paper.pdf');
    expect(upload.cloudPath).toMatch(/^proposals\/u-com-zhongying\/[\w-]+\.pdf$/);
    await app.waitForText('议事会会议记录 · 公示中时存档');

    const staff = await weapp.backend().ok('u-com-zhongying', 'document.list', { proposalId: demo.publicity.id });
    expect(staff.items).toEqual([expect.objectContaining({ kind: 'minutes', title: '第三次议事会会议记录', stage: 'publicity' })]);
    const resident = await weapp.backend().ok('u-res-1', 'document.list', { proposalId: demo.publicity.id });
    expect(resident.items).toEqual([]);

    // Tapping the paper opens the PDF from cloud storage in WeChat's reader.
    await app.tap('第三次议事会会议记录');
    expect(app.fake.callsOf('cloud.downloadFile')[0]).toMatchObject({ fileID: expect.stringMatching(/\.pdf$/) });
    expect(app.fake.callsOf('openDocument')[0]).toMatchObject({ fileType: 'pdf' });
  });

  it('asks for the kind, the title and the file before uploading anything', async () => {
    const app = await launch('u-com-zhongying');
    await app.open(`/pages/proposal-detail/index?id=${demo.publicity.id}`);
    await app.waitForText('添加资料');
    await app.tap('存档');
    await app.waitForText('请选择材料类别');
    await app.tap('现场公示照片');
    await app.tap('存档');
    await app.waitForText('请填写标题');
    await app.input(0, '公示栏照片');
    await app.tap('存档');
    await app.waitForText('请拍照、从相册选择或选择 PDF 文件');
    expect(app.fake.callsOf('cloud.uploadFile')).toEqual([]);
  });
});

describe('complaints (投诉建议)', () => {
  it('a resident complains from the project page; the street answers with an outcome; the supervisor only reads', async () => {
    const resident = await launch('u-res-1');
    await resident.open(`/pages/proposal-detail/index?id=${demo.publicity.id}`);
    await resident.waitForText('投诉建议');
    await resident.tap('投诉建议');
    expect(resident.page.route).toBe('pages/complaints/index');
    await resident.waitForText(`关于：项目“${demo.publicity.title}”`);
    await resident.input(0, '施工围挡占用了消防通道，请尽快处理。', 'textarea');
    await resident.tap('提交投诉建议');
    await resident.waitForText('已提交，街道答复后会在消息中通知您');
    await resident.waitForText('待答复');

    const supervisor = await launch('u-supervisor-yantian');
    await supervisor.open('/review/pages/complaints/index');
    await supervisor.waitForText('施工围挡占用了消防通道');
    expect(supervisor.text()).not.toContain('提交答复');

    const street = await launch('u-street-shatoujiao');
    await street.open('/review/pages/complaints/index');
    await street.waitForText('施工围挡占用了消防通道');
    await street.tap('属实，已处理');
    await street.input(0, '已要求施工方当天移开围挡，并加派人员巡查。', 'textarea');
    await street.tap('提交答复');
    await street.waitForText('处理结果：属实，已处理');
    expect(street.text()).not.toContain('提交答复');

    const mine = await weapp.backend().ok('u-res-1', 'complaint.list', {});
    expect(mine.items[0]).toMatchObject({ status: 'answered', proposalId: demo.publicity.id, answer: { outcome: 'upheld', text: '已要求施工方当天移开围挡，并加派人员巡查。' } });
    // Private: another resident does not find it in their own list.
    const other = await weapp.backend().ok('u-res-2', 'complaint.list', {});
    expect(other.items).toEqual([]);
  });
});

describe('revised plans (修改实施方案)', () => {
  it('R-PUB-3: the community redrafts the plan and a line after publicity; the street sees old and new side by side and approves', async () => {
    const before = await weapp.backend().ok('u-com-zhongying', 'proposal.get', { id: demo.publicity.id });
    const community = await launch('u-com-zhongying');
    await community.open(`/staff/pages/proposal/index?id=${demo.publicity.id}`);
    await community.waitForText('申请变更或撤销');
    await community.tap('申请变更或撤销');
    await community.tap('修改实施方案');
    await community.waitForText('修改后的实施方案');
    const textareas = community.page.view.dom.querySelectorAll('wx-textarea').length;
    // The last amount of the redrafted lines: the archive's title input follows them on the page.
    const amountIndex = community.page.view.dom.querySelectorAll('wx-input').length - 2;
    await community.input(textareas - 2, '根据居民意见，改为分两期施工，避开早晚高峰。', 'textarea');
    await community.input(amountIndex, '1000');
    await community.input(textareas - 1, '公示期间居民提出施工时段的意见。', 'textarea');
    await community.tap('提交街道审核');
    await community.waitForText('修改后的实施方案已提交街道审核');

    const street = await launch('u-street-shatoujiao');
    await street.open(`/review/pages/decide/index?id=${demo.publicity.id}`);
    await street.waitForText('修改前');
    for (const text of ['修改后', before.report.plan, '根据居民意见，改为分两期施工，避开早晚高峰。', '¥1,000.00', '同意后按新合计重新占用额度']) await street.waitForText(text);
    await street.tap('同意');
    await street.input(0, '同意分期施工。', 'textarea');
    await street.tap('提交审核意见');
    // The decision says what it will do, and takes a second tap (decisions with facts, issue 16).
    await street.tap('确定，提交');
    await street.waitForText('已同意变更申请');

    const after = await weapp.backend().ok('u-com-zhongying', 'proposal.get', { id: demo.publicity.id });
    expect(after.report.plan).toBe('根据居民意见，改为分两期施工，避开早晚高峰。');
    expect(after.report.budgetLines.at(-1).amountFen).toBe(100_000);
  });
});

describe('offline proposals (代录)', () => {
  it('a worker keys in a proposal received on paper; it shows the channel and the masked originator, not the worker', async () => {
    const app = await launch('u-com-zhongying');
    await app.open('/staff/pages/behalf/index?communityId=c-zhongying');
    await app.waitForText('提交代录的提议');
    await app.input(0, '王秀英');
    await app.tap('纸质意见');
    await app.tap('服务类');
    await app.input(1, '长者饭堂增加周末供餐');
    await app.input(2, '中英街社区长者饭堂');
    await app.input(0, '周末子女不在家，老人吃饭不方便。', 'textarea');
    await app.tap('提交代录的提议');
    await app.waitForText('长者饭堂增加周末供餐');
    expect(app.page.route).toBe('staff/pages/proposal/index');

    const resident = await launch('u-res-1');
    await resident.open(`/pages/proposal-detail/index?id=${app.page.query.id}`);
    await resident.waitForText('来源渠道：纸质意见（社区工作人员代录）');
    expect(resident.text()).toContain('提议人 王*英');
    expect(resident.text()).not.toContain('陈社工');
  });
});
