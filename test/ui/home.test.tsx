import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Directory, HomeAnswer, HomeBoard, Me } from '../../types/api';
import HomePage from '../../src/pages/home/index';
import { buildLedger, buildMe, buildNotice, buildProposal, directory, pageOf } from './support/factories';
import { answering, freshStart, held, networkDown, ok, payloadsOf, type Reply } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

/** The public board of a community: the first page of each state, the ledger. */
function board(overrides: Partial<HomeBoard> = {}): HomeBoard {
  return {
    communityId: 'c-zhongying',
    publicity: pageOf([buildNotice({ title: '中英街口加装无障碍扶手' })]),
    submitted: pageOf([buildProposal({ title: '3 栋门口路灯不亮' })]),
    completed: pageOf([buildProposal({ state: 'completed', title: '小公园增设座椅', allowedActions: ['rating.set'] })]),
    ledger: buildLedger(),
    ...overrides,
  };
}

/**
 * home.get as the server answers it (issue 17: the first screen in one request): the board of the
 * caller's community, else of the community asked for, else none.
 */
function home({ me = null, dir = directory, boardOf = board }: { me?: Me | null; dir?: Directory; boardOf?: () => HomeBoard } = {}): Reply {
  return (payload: { communityId?: string; year?: number }) => {
    const communityId = me?.communityId ?? payload.communityId ?? null;
    const answer: HomeAnswer = {
      me,
      directory: dir,
      board: communityId ? { ...boardOf(), communityId } : null,
      joined: Boolean(me?.communityId),
      year: payload.year ?? 2026,
    };
    return ok(answer);
  };
}

describe('the home page', () => {
  beforeEach(freshStart);

  it('shows a loading skeleton until home.get answers', async () => {
    const homeReply = held();
    answering({ 'home.get': homeReply.reply });
    render(<HomePage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    homeReply.release((home() as (payload: object) => ReturnType<typeof ok>)({}));
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.queryByLabelText('加载中')).not.toBeInTheDocument();
  });

  it('lists every community of the directory under its street, for an anonymous visitor', async () => {
    answering({ 'home.get': home() });
    render(<HomePage />);
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.getByText('桥园社区')).toBeInTheDocument();
    expect(screen.getByText('田心社区')).toBeInTheDocument();
    expect(screen.getByText('沙头角街道')).toBeInTheDocument();
    expect(screen.queryByTestId('greeting')).not.toBeInTheDocument();
  });

  it('shows the public board of the community a visitor picks, with a way to join it', async () => {
    answering({ 'home.get': home() });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('中英街社区'));
    expect(await screen.findByText('中英街口加装无障碍扶手')).toBeInTheDocument();
    expect(screen.getByText('您正在浏览中英街社区。加入社区后，就可以提议、发表意见和评价。')).toBeInTheDocument();
    expect(screen.queryByText('我要提议')).not.toBeInTheDocument();
    // The pick is asked of the server again, with the community: one request for the whole board.
    expect(payloadsOf('home.get').map((payload) => payload.communityId)).toEqual([undefined, 'c-zhongying']);
    fireEvent.click(screen.getByText('加入社区'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/mine/index' }]);
  });

  it('greets a signed-in resident and shows their community: notices, proposals, ratings and the ledger', async () => {
    answering({ 'home.get': home({ me: buildMe() }) });
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
    // Issue 17: the whole first screen came in one request, nothing else was asked.
    expect(payloadsOf('home.get')).toHaveLength(1);
    expect(payloadsOf('proposal.list')).toEqual([]);
    expect(payloadsOf('ledger.get')).toEqual([]);
  });

  it('invites rating only for the projects whose allowedActions include rating.set', async () => {
    answering({
      'home.get': home({ me: buildMe(), boardOf: () => board({ completed: pageOf([buildProposal({ state: 'completed', title: '已评过的项目', allowedActions: [] })]) }) }),
    });
    render(<HomePage />);
    expect(await screen.findByText('已评过的项目')).toBeInTheDocument();
    expect(screen.queryByText('★ 欢迎为这个项目打分')).not.toBeInTheDocument();
  });

  it.each([
    [{ publicityEndsOn: 2 }, '还剩 2 个工作日'],
    [{ publicityEndsOn: 0 }, '今天截止'],
  ])('shows the working days left of a notice as the server counts them: %p reads %s', async (daysLeft, shown) => {
    answering({ 'home.get': home({ me: buildMe(), boardOf: () => board({ publicity: pageOf([buildNotice({ daysLeft })]) }) }) });
    render(<HomePage />);
    expect(await within(await screen.findByTestId('home-publicity')).findByText(shown)).toBeInTheDocument();
  });

  it('shows no count of days when the server sends none', async () => {
    answering({ 'home.get': home({ me: buildMe(), boardOf: () => board({ publicity: pageOf([buildNotice({ daysLeft: {} })]) }) }) });
    render(<HomePage />);
    expect(await screen.findByText('2026年9月22日（周二）')).toBeInTheDocument();
    expect(screen.queryByText(/还剩|今天截止/)).not.toBeInTheDocument();
  });

  it('sends a resident to the proposal form from 我要提议', async () => {
    answering({ 'home.get': home({ me: buildMe() }) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('我要提议'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-new/index' }]);
  });

  it('says so when a community has nothing in publicity, collection or waiting for ratings', async () => {
    const empty = pageOf([]);
    answering({ 'home.get': home({ me: buildMe(), boardOf: () => board({ publicity: empty, submitted: empty, completed: empty }) }) });
    render(<HomePage />);
    expect(await screen.findByText('目前没有正在公示的项目')).toBeInTheDocument();
    expect(screen.getByText('还没有新的提议，欢迎您提出第一个')).toBeInTheDocument();
    expect(screen.getByText('目前没有等待评价的项目')).toBeInTheDocument();
  });

  it('shows an empty state when the directory has no community', async () => {
    answering({ 'home.get': home({ dir: { districts: [] } }) });
    render(<HomePage />);
    expect(await screen.findByText('暂无社区')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    const answer = home();
    answering({ 'home.get': async (payload) => (++calls === 1 ? networkDown : (answer as (p: object) => ReturnType<typeof ok>)(payload)) });
    render(<HomePage />);
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByText('中英街社区')).toBeInTheDocument());
    expect(calls).toBe(2);
  });

  it('shows each section\'s first page as home.get answered it, and 查看全部 (no paging on the home page) only where there is more', async () => {
    answering({
      'home.get': home({ me: buildMe(), boardOf: () => board({ submitted: pageOf([buildProposal({ title: '3 栋门口路灯不亮' })], 'cursor-2') }) }),
    });
    render(<HomePage />);
    const submitted = await screen.findByTestId('home-submitted');
    expect(within(submitted).getByText('3 栋门口路灯不亮')).toBeInTheDocument();
    expect(within(submitted).getByText('查看全部')).toBeInTheDocument();
    expect(within(submitted).queryByText('加载更多')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('home-publicity')).queryByText('查看全部')).not.toBeInTheDocument();
    expect(payloadsOf('proposal.list')).toEqual([]);
  });
});
