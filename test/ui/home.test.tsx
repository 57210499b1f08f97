import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import { buildLedger, buildMe, buildNotice, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf, type Reply } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const anonymous = failure('unauthenticated', '请先登录');

/** The public board of a community: one list per state, the ledger. */
function board(overrides: Partial<Record<'publicity' | 'submitted' | 'completed', Reply>> = {}): Record<string, Reply> {
  const lists: Record<string, Reply> = {
    publicity: ok(pageOf([buildNotice({ title: '中英街口加装无障碍扶手' })])),
    submitted: ok(pageOf([buildProposal({ title: '3 栋门口路灯不亮' })])),
    completed: ok(pageOf([buildProposal({ state: 'completed', title: '小公园增设座椅', allowedActions: ['rating.set'] })])),
    ...overrides,
  };
  return {
    'proposal.list': (payload: { state: keyof typeof lists }) => {
      const reply = lists[payload.state];
      return typeof reply === 'function' ? reply(payload) : reply;
    },
    'ledger.get': ok(buildLedger()),
  };
}

describe('the home page', () => {
  beforeEach(freshStart);

  it('shows a loading skeleton until the directory arrives', async () => {
    const directoryReply = held();
    answering({ 'directory.get': directoryReply.reply, 'me.get': anonymous });
    render(<HomePage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    directoryReply.release(ok(directory));
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.queryByLabelText('加载中')).not.toBeInTheDocument();
  });

  it('lists every community of the directory under its street, for an anonymous visitor', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': anonymous });
    render(<HomePage />);
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.getByText('桥园社区')).toBeInTheDocument();
    expect(screen.getByText('田心社区')).toBeInTheDocument();
    expect(screen.getByText('沙头角街道')).toBeInTheDocument();
    expect(screen.queryByTestId('greeting')).not.toBeInTheDocument();
  });

  it('shows the public board of the community a visitor picks, with a way to join it', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': anonymous, ...board() });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('中英街社区'));
    expect(await screen.findByText('中英街口加装无障碍扶手')).toBeInTheDocument();
    expect(screen.getByText('您正在浏览中英街社区。加入社区后，就可以提议、发表意见和评价。')).toBeInTheDocument();
    expect(screen.queryByText('我要提议')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('加入社区'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/mine/index' }]);
  });

  it('greets a signed-in resident and shows their community: notices, proposals, ratings and the ledger', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), ...board() });
    render(<HomePage />);
    expect(await screen.findByText('你好，张小明')).toBeInTheDocument();
    expect(within(screen.getByTestId('home-community')).getByText('中英街社区')).toBeInTheDocument();
    expect(screen.getByText('我的社区')).toBeInTheDocument();

    const publicity = screen.getByTestId('home-publicity');
    expect(await within(publicity).findByText('中英街口加装无障碍扶手')).toBeInTheDocument();
    expect(within(publicity).getByText('2026年9月22日（周二）')).toBeInTheDocument();
    expect(within(screen.getByTestId('home-submitted')).getByText('3 栋门口路灯不亮')).toBeInTheDocument();
    const completed = screen.getByTestId('home-completed');
    expect(within(completed).getByText('小公园增设座椅')).toBeInTheDocument();
    expect(within(completed).getByText('★ 欢迎为这个项目打分')).toBeInTheDocument();

    const ledger = await screen.findByTestId('ledger');
    expect(within(ledger).getByText('¥2,000,000.00')).toBeInTheDocument();
    expect(within(ledger).getByText('¥1,000,000.00')).toBeInTheDocument();
    expect(within(ledger).getByText('¥12,345.00')).toBeInTheDocument();
    expect(within(ledger).getByText('¥987,655.00')).toBeInTheDocument();
    expect(payloadsOf('proposal.list').map((payload) => payload.state).sort()).toEqual(['completed', 'publicity', 'submitted']);
    expect(payloadsOf('proposal.list').every((payload) => payload.communityId === 'c-zhongying')).toBe(true);
  });

  it('invites rating only for the projects whose allowedActions include rating.set', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      ...board({ completed: ok(pageOf([buildProposal({ state: 'completed', title: '已评过的项目', allowedActions: [] })])) }),
    });
    render(<HomePage />);
    expect(await screen.findByText('已评过的项目')).toBeInTheDocument();
    expect(screen.queryByText('★ 欢迎为这个项目打分')).not.toBeInTheDocument();
  });

  it.each([
    [{ publicityEndsOn: 2 }, '还剩 2 个工作日'],
    [{ publicityEndsOn: 0 }, '今天截止'],
  ])('shows the working days left of a notice as the server counts them: %p reads %s', async (daysLeft, shown) => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), ...board({ publicity: ok(pageOf([buildNotice({ daysLeft })])) }) });
    render(<HomePage />);
    expect(await within(await screen.findByTestId('home-publicity')).findByText(shown)).toBeInTheDocument();
  });

  it('shows no count of days when the server sends none', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), ...board({ publicity: ok(pageOf([buildNotice({ daysLeft: {} })])) }) });
    render(<HomePage />);
    expect(await screen.findByText('2026年9月22日（周二）')).toBeInTheDocument();
    expect(screen.queryByText(/还剩|今天截止/)).not.toBeInTheDocument();
  });

  it('sends a resident to the proposal form from 我要提议', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), ...board() });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('我要提议'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-new/index' }]);
  });

  it('says so when a community has nothing in publicity, collection or waiting for ratings', async () => {
    const empty = ok(pageOf([]));
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), ...board({ publicity: empty, submitted: empty, completed: empty }) });
    render(<HomePage />);
    expect(await screen.findByText('目前没有正在公示的项目')).toBeInTheDocument();
    expect(screen.getByText('还没有新的提议，欢迎您提出第一个')).toBeInTheDocument();
    expect(screen.getByText('目前没有等待评价的项目')).toBeInTheDocument();
  });

  it('shows an empty state when the directory has no community', async () => {
    answering({ 'directory.get': ok({ districts: [] }), 'me.get': anonymous });
    render(<HomePage />);
    expect(await screen.findByText('暂无社区')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    answering({ 'directory.get': async () => (++calls === 1 ? networkDown : ok(directory)), 'me.get': anonymous });
    render(<HomePage />);
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByText('中英街社区')).toBeInTheDocument());
    expect(calls).toBe(2);
  });

  it('keeps the rest of the board when one part fails, and retries that part alone', async () => {
    let ledgerCalls = 0;
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      ...board(),
      'ledger.get': async () => (++ledgerCalls === 1 ? failure('internal', '系统繁忙，请稍后再试') : ok(buildLedger())),
    });
    render(<HomePage />);
    const ledgerSection = await screen.findByTestId('home-ledger');
    expect(await within(ledgerSection).findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    expect(screen.getByText('中英街口加装无障碍扶手')).toBeInTheDocument();
    fireEvent.click(within(ledgerSection).getByText('重试'));
    expect(await within(ledgerSection).findByText('¥2,000,000.00')).toBeInTheDocument();
  });
});
