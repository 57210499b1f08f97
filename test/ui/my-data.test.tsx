import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MyDataPage, { WHAT_STAYS_PUBLIC } from '../../src/pages/my-data/index';
import HomePage from '../../src/pages/home/index';
import { buildLedger, buildMe, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const EXPORT = {
  exportedAt: '2026-03-09T02:00:00.000Z',
  openid: 'u-res-1',
  profile: { openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying', createdAt: '2026-01-05T02:00:00.000Z' },
  roles: [{ role: 'resident', scopeId: 'c-zhongying' }],
  consent: { version: '2026.1', at: '2026-03-02T02:00:00.000Z' },
  proposals: [{ id: 'p-1', title: '3 栋门口路灯不亮', state: 'publicity' }],
  comments: [{ id: 'cm-1', proposalId: 'p-1', text: '希望加靠背', status: 'published', createdAt: '2026-03-03T02:00:00.000Z', reply: { text: '好的', repliedAt: '2026-03-03T03:00:00.000Z' } }],
  ratings: [{ proposalId: 'p-2', stars: 4, text: '不错', updatedAt: '2026-03-05T02:00:00.000Z' }],
  notifications: [],
  complaints: [
    { id: 'cp-1', communityId: 'c-zhongying', text: '施工噪音太大', status: 'answered', createdAt: '2026-03-04T02:00:00.000Z', answer: { text: '已责成施工方调整时间', outcome: 'upheld', answeredAt: '2026-03-05T02:00:00.000Z' } },
    { id: 'cp-2', communityId: 'c-zhongying', text: '议事会没有提前公示', status: 'open', createdAt: '2026-03-06T02:00:00.000Z' },
  ],
  messages: [{ kind: 'proposal_state_changed', payload: {}, createdAt: '2026-03-03T02:00:00.000Z', outcome: 'sent' }],
  files: [],
};

describe('我的 → 个人信息 (issue 17)', () => {
  beforeEach(freshStart);

  it('PIPL: shows what is stored about me — profile, consent, proposals, comments with replies, ratings, complaints with answers', async () => {
    answering({ 'me.export': ok(EXPORT as never), 'directory.get': ok(directory) });
    render(<MyDataPage />);
    const profile = await screen.findByTestId('my-data-profile');
    expect(profile).toHaveTextContent('张小明');
    expect(profile).toHaveTextContent('中英街社区 · 沙头角街道');
    expect(profile).toHaveTextContent('版本 2026.1');
    expect(screen.getByTestId('my-data-proposals')).toHaveTextContent('3 栋门口路灯不亮');
    expect(screen.getByTestId('my-data-comments')).toHaveTextContent('社区答复：好的');
    expect(screen.getByTestId('my-data-ratings')).toHaveTextContent('★★★★ 不错');
    const complaints = screen.getByTestId('my-data-complaints');
    expect(complaints).toHaveTextContent('我的投诉建议（2）');
    expect(complaints).toHaveTextContent('施工噪音太大已答复：已责成施工方调整时间');
    expect(complaints).toHaveTextContent('议事会没有提前公示待答复');
  });

  it('PIPL: downloads everything as one JSON file', async () => {
    answering({ 'me.export': ok(EXPORT as never), 'directory.get': ok(directory) });
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:my-data';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(<MyDataPage />);
    fireEvent.click(await screen.findByText('下载我的信息'));
    expect(await screen.findByText('已导出')).toBeInTheDocument();
    expect(clicked).toEqual(['weishishi-my-data-2026-03-09.json']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(JSON.parse(text)).toEqual(EXPORT);
    click.mockRestore();
  });

  it('PIPL: deletes only after a confirmation that says what stays public under 已注销用户', async () => {
    answering({ 'me.export': ok(EXPORT as never), 'directory.get': ok(directory), 'me.delete': ok({ deleted: true, at: '2026-03-09T02:00:00.000Z' }) });
    render(<MyDataPage />);
    fireEvent.click(await screen.findByTestId('delete-start'));
    const confirm = screen.getByTestId('delete-confirm');
    for (const part of WHAT_STAYS_PUBLIC) expect(within(confirm).getByText(part)).toBeInTheDocument();
    expect(confirm).toHaveTextContent('已注销用户');
    expect(payloadsOf('me.delete')).toEqual([]);
    fireEvent.click(within(confirm).getByText('取消'));
    expect(screen.queryByTestId('delete-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('delete-start'));
    fireEvent.click(screen.getByText('确认注销'));
    expect(await screen.findByText('账号已注销')).toBeInTheDocument();
    expect(payloadsOf('me.delete')).toEqual([{ confirm: true }]);
    fireEvent.click(screen.getByText('返回首页'));
    await waitFor(() => expect(navigations.map((n) => n.url)).toContain('/pages/home/index'));
  });

  it('says why a deletion did not go through, and stays', async () => {
    answering({ 'me.export': ok(EXPORT as never), 'directory.get': ok(directory), 'me.delete': failure('internal', '系统繁忙，请稍后再试') });
    render(<MyDataPage />);
    fireEvent.click(await screen.findByTestId('delete-start'));
    fireEvent.click(screen.getByText('确认注销'));
    expect(await screen.findByRole('alert')).toHaveTextContent('系统繁忙，请稍后再试');
    expect(screen.queryByText('账号已注销')).toBeNull();
  });

  it('tells a visitor who is not signed in to open the mini-program in WeChat', async () => {
    answering({ 'me.export': failure('unauthenticated', '请先登录'), 'directory.get': ok(directory) });
    render(<MyDataPage />);
    expect(await screen.findByText('您还没有登录。请在微信中打开“民生微实事”小程序。')).toBeInTheDocument();
  });
});

describe('the public ledger on the home page (issue 14)', () => {
  beforeEach(freshStart);

  it('M4: shows the audit trail\'s latest daily head in full, for anyone to keep', async () => {
    const hash = 'ab'.repeat(32);
    answering({
      'home.get': ok({
        me: buildMe(),
        directory,
        board: { communityId: 'c-zhongying', publicity: pageOf([]), submitted: pageOf([]), completed: pageOf([]), ledger: buildLedger() },
        joined: true,
        year: 2026,
      }),
      'audit.heads': ok({ items: [{ day: '2026-03-08', count: 3, hash: 'cd'.repeat(32) }, { day: '2026-03-09', count: 12, hash }] }),
    });
    render(<HomePage />);
    const head = await screen.findByTestId('audit-head');
    expect(head).toHaveTextContent(hash);
    expect(head).toHaveTextContent('当日 12 条');
    expect(within(screen.getByTestId('home-ledger')).getByTestId('audit-head')).toBe(head);
    expect(payloadsOf('audit.heads')).toEqual([{}]);
  });
});
