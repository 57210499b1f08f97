import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBSCRIBE_TEMPLATE_SETTINGS } from '../../config/weapp-env';
import { WX_FAILURE_MESSAGES } from '../../src/lib/wx-failure';
import { createFakeWx } from './support/fake-wx';
import { useWeapp } from './support/weapp';

// The weapp-only modules (*.weapp.ts: upload, subscribe, Excel export, privacy) with a fake `wx`
// that records every call and fails on demand: in the built app where a page reaches them, from
// their source otherwise (subscribe, whose templates are build settings the plain build leaves
// empty).

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../..');
const { launch } = useWeapp();

describe('privacy authorisation (app.json __usePrivacyCheck__)', () => {
  it('is switched on in the built app.json, and the app listens for WeChat\'s requests at launch', async () => {
    const app = await launch('u-res-1');
    expect(app.appJson.__usePrivacyCheck__).toBe(true);
    expect(app.fake.privacyHandler()).toEqual(expect.any(Function));
  });

  it('shows the consent sheet over the open page; the guide opens; agreeing goes through WeChat\'s agree button', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/proposal-new/index');
    await app.waitForText('提交提议');
    const answers: unknown[] = [];
    app.fake.privacyHandler()!((result) => answers.push(result), { referrer: 'chooseMedia' });
    await app.waitForText('隐私保护提示');
    await app.tap('查看《民生微实事小程序隐私保护指引》');
    expect(app.fake.callsOf('openPrivacyContract')).toHaveLength(1);
    await app.trigger('同意并继续', 'agreeprivacyauthorization', {});
    expect(answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(app.text()).not.toContain('隐私保护提示');
  });

  it('declining answers "disagree" and closes the sheet', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/mine/index');
    await app.waitForText('张小明');
    const answers: unknown[] = [];
    app.fake.privacyHandler()!((result) => answers.push(result), { referrer: 'setClipboardData' });
    await app.waitForText('隐私保护提示');
    await app.tap('不同意');
    expect(answers).toEqual([{ event: 'disagree' }]);
    expect(app.text()).not.toContain('隐私保护提示');
  });

  it('an API not declared in the guide (errno 112) says so instead of failing silently', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/proposal-new/index');
    await app.waitForText('提交提议');
    app.fake.fail('chooseMedia', { errno: 112, errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement' });
    await app.tap('＋');
    await app.waitForText(WX_FAILURE_MESSAGES.privacyNotDeclared);
    app.fake.fail('chooseLocation', { errno: 104, errMsg: 'chooseLocation:fail privacy permission is not authorized' });
    await app.tap('在地图上选择位置');
    await app.waitForText(WX_FAILURE_MESSAGES.privacyRefused);
  });

  it('closing the photo picker is not an error: nothing is said, nothing is uploaded', async () => {
    const app = await launch('u-res-1');
    await app.open('/pages/proposal-new/index');
    await app.waitForText('提交提议');
    app.fake.fail('chooseMedia', { errMsg: 'chooseMedia:fail cancel' });
    await app.tap('＋');
    expect(app.text()).toContain('照片0/6');
    expect(app.fake.callsOf('cloud.uploadFile')).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('导出 Excel on the district page (export.create → wx.downloadFile → wx.openDocument)', () => {
  it('makes the workbook in cloud storage, downloads it and opens it with its menu', async () => {
    const app = await launch('u-district-yantian');
    await app.open('/review/pages/district/index');
    await app.waitForText('导出补助申请 Excel');
    await app.tap('导出补助申请 Excel');
    await app.waitForText('已打开：');
    const [download] = app.fake.callsOf('downloadFile');
    expect(download.url).toMatch(/^https:\/\/7765-weishishi\.tcb\.qcloud\.la\/exports\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{32}\.xlsx\?sign=test$/);
    expect(app.fake.callsOf('openDocument')).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp_download.xlsx', fileType: 'xlsx', showMenu: true })]);
    expect(app.text()).toContain('盐田区-');
    expect(app.errors).toEqual([]);
  });

  it('a file that cannot be opened is said on the page, with no unhandled rejection', async () => {
    const app = await launch('u-district-yantian');
    await app.open('/review/pages/district/index');
    await app.waitForText('导出补助申请 Excel');
    app.fake.fail('openDocument', { errMsg: 'openDocument:fail filetype not supported' });
    await app.tap('导出补助申请 Excel');
    await app.waitForText('文件打开失败，请稍后再试');
    expect(app.errors).toEqual([]);
  });
});

describe('subscribe messages', () => {
  it('the plain build (no template settings) offers no subscription, to residents or staff', async () => {
    const app = await launch('u-com-zhongying');
    await app.open('/staff/pages/inbox/index');
    await app.waitForText('社区工作台');
    expect(app.text()).not.toContain('订阅办理提醒');
  });

  /** subscribe.weapp.ts from its source, with the template settings of a release build. */
  function subscribeModule(env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const fake = createFakeWx({ callFunction: async () => undefined, navigate: () => undefined });
    (globalThis as unknown as { wx: unknown }).wx = fake.wx;
    let module!: typeof import('../../src/lib/subscribe.weapp');
    jest.isolateModules(() => {
      jest.doMock('@tarojs/taro', () => jest.requireActual('./support/taro-on-fake-wx'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      module = require('../../src/lib/subscribe.weapp');
    });
    process.env = saved;
    return { module, fake };
  }

  const STAFF_TEMPLATES = { TARO_APP_TEMPLATE_PROPOSAL_SUBMITTED: 'tpl-new', TARO_APP_TEMPLATE_DEADLINE_NEAR: 'tpl-due', TARO_APP_TEMPLATE_CHANGE_REQUESTED: 'tpl-change' };

  it('asks staff for the three workbench templates at once (new proposal, deadline within 3 working days, change request)', async () => {
    const { module, fake } = subscribeModule(STAFF_TEMPLATES);
    expect(module.canAskForNotices('staff')).toBe(true);
    expect(module.canAskForNotices('proposal')).toBe(false);
    await expect(module.askForNotices('staff')).resolves.toBe(true);
    expect(fake.callsOf('requestSubscribeMessage')[0].tmplIds).toEqual(['tpl-new', 'tpl-due', 'tpl-change']);
  });

  it('a refusal answers false; subscriptions switched off (20004) are said in a toast', async () => {
    const { module, fake } = subscribeModule(STAFF_TEMPLATES);
    fake.answer('requestSubscribeMessage', { 'tpl-new': 'reject', 'tpl-due': 'reject', 'tpl-change': 'reject' });
    await expect(module.askForNotices('staff')).resolves.toBe(false);
    fake.fail('requestSubscribeMessage', { errMsg: 'requestSubscribeMessage:fail main switch is off', errCode: 20004 } as never);
    await expect(module.askForNotices('staff')).resolves.toBe(false);
    expect(fake.toasts()).toEqual(['您已关闭订阅消息，可在右上角“…”→“设置”中打开']);
  });

  it('the deployment guide and the code name the same template settings', () => {
    const guide = readFileSync(path.join(root, 'docs/deploy-cloudbase.md'), 'utf8');
    const code = readFileSync(path.join(root, 'src/lib/subscribe.weapp.ts'), 'utf8');
    const named = (text: string) => [...new Set(text.match(/TARO_APP_TEMPLATE_[A-Z_]+/g) ?? [])].sort();
    expect(named(code)).toEqual([...SUBSCRIBE_TEMPLATE_SETTINGS].sort());
    expect(named(guide)).toEqual([...SUBSCRIBE_TEMPLATE_SETTINGS].sort());
    expect(guide).not.toContain('TARO_APP_SUBSCRIBE_TEMPLATE_IDS');
  });
});
