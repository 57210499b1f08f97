import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StaffInboxPage from '../../src/staff/pages/inbox/index';
import { buildComment, buildMe, buildNotice, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf, type Reply } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

/** The first render of a page with Taro's web components can take a while in jsdom. */
const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const worker = buildMe({ openid: 'u-com-zhongying', name: '陈社工', communityId: null, roles: [{ role: 'community', scopeId: 'c-zhongying' }] });

/** proposal.list answered per state; a state without an entry is an empty page. */
function lists(byState: Record<string, Reply>): Reply {
  return (payload: { state: string }) => {
    const reply = byState[payload.state] ?? ok(pageOf([]));
    return typeof reply === 'function' ? reply(payload) : reply;
  };
}

describe('the community workbench (staff inbox)', () => {
  beforeEach(freshStart);

  it('shows a skeleton while it finds out who is working', async () => {
    const me = held();
    answering({ 'me.get': me.reply, 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<StaffInboxPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(worker));
    expect(await screen.findByText('中英街社区 · 社区工作台', {}, slow)).toBeInTheDocument();
  });

  it('tells a resident that the workbench is for community workers', async () => {
    answering({ 'me.get': ok(buildMe()), 'directory.get': ok(directory) });
    render(<StaffInboxPage />);
    expect(await screen.findByText('您还不是社区工作人员，不能使用社区工作台', {}, slow)).toBeInTheDocument();
  });

  it('says so when the community has nothing to do', async () => {
    answering({ 'me.get': ok(worker), 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<StaffInboxPage />);
    expect(await screen.findByText('目前没有需要办理的项目。居民提交提议后会出现在这里。', {}, slow)).toBeInTheDocument();
    // One list per working state, all of the worker's community.
    expect(payloadsOf('proposal.list').map((payload) => payload.state)).toEqual([
      'submitted', 'adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved', 'publicity', 'implementing', 'completed',
    ]);
    expect(payloadsOf('proposal.list').every((payload) => payload.communityId === 'c-zhongying')).toBe(true);
  });

  it('a worker of two communities picks one under 选择社区; the lists follow the community picked', async () => {
    const twoCommunities = buildMe({ openid: 'u-two', name: '陈社工', communityId: null, roles: [{ role: 'community', scopeId: 'c-zhongying' }, { role: 'community', scopeId: 'c-qiaoyuan' }] });
    answering({ 'me.get': ok(twoCommunities), 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<StaffInboxPage />);
    expect(await screen.findByText('中英街社区 · 社区工作台', {}, slow)).toBeInTheDocument();
    const chips = screen.getByRole('radiogroup', { name: '选择社区' });
    expect(within(chips).getAllByRole('radio').map((chip) => chip.textContent)).toEqual(['中英街社区', '桥园社区']);
    await waitFor(() => expect(payloadsOf('proposal.list').length).toBeGreaterThan(0), slow);
    fireEvent.click(within(chips).getByRole('radio', { name: '桥园社区' }));
    expect(await screen.findByText('桥园社区 · 社区工作台', {}, slow)).toBeInTheDocument();
    await waitFor(() => expect(payloadsOf('proposal.list').at(-1)).toMatchObject({ communityId: 'c-qiaoyuan' }), slow);
  });

  it('a worker of one community is not asked to pick one', async () => {
    answering({ 'me.get': ok(worker), 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<StaffInboxPage />);
    expect(await screen.findByText('中英街社区 · 社区工作台', {}, slow)).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: '选择社区' })).toBeNull();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': async (payload: { state: string }) => (payload.state === 'submitted' && ++calls === 1 ? networkDown : ok(pageOf([]))),
    });
    render(<StaffInboxPage />);
    expect(await screen.findByText('网络异常，请检查网络后重试', {}, slow)).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('目前没有需要办理的项目。居民提交提议后会出现在这里。', {}, slow)).toBeInTheDocument();
  });

  it('counts the work by state and lists the nearest deadline first, with the next step each one waits for', async () => {
    const screen1 = buildProposal({ title: '路灯不亮', allowedActions: ['proposal.screen'] });
    const later = buildProposal({
      state: 'implementing',
      title: '四点半课堂',
      deadlines: { startDueOn: { on: '2026-10-23', provisional: false } },
      allowedActions: ['implementation.start'],
    });
    const sooner = buildNotice({ title: '无障碍扶手', allowedActions: ['comment.reply'] });
    const overdue = buildProposal({
      state: 'implementing',
      title: '健身器材',
      deadlines: { completeDueOn: { on: '2026-09-01', provisional: false } },
      overdue: ['completeDueOn'],
      allowedActions: ['implementation.complete'],
    });
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({
        submitted: ok(pageOf([screen1])),
        publicity: ok(pageOf([sooner])),
        implementing: ok(pageOf([later, overdue], 'next')),
      }),
    });
    render(<StaffInboxPage />);
    const counts = await screen.findByTestId('state-counts', {}, slow);
    expect(within(counts).getByLabelText('已提交 1 项')).toHaveTextContent('1');
    expect(within(counts).getByLabelText('实施中 2 项')).toHaveTextContent('2+');
    // Only the states with work get a tile.
    expect(within(counts).queryByLabelText('已采纳 0 项')).not.toBeInTheDocument();

    const titles = within(screen.getByTestId('work-list'))
      .getAllByRole('link')
      .map((card) => card.getAttribute('aria-label'));
    expect(titles).toEqual(['健身器材', '无障碍扶手', '四点半课堂', '路灯不亮']);
    expect(within(screen.getByTestId(`staff-proposal-${overdue.id}`)).getByText('已逾期')).toBeInTheDocument();
    expect(within(screen.getByTestId(`staff-proposal-${screen1.id}`)).getByText('下一步：筛选（采纳或不采纳）')).toBeInTheDocument();

    // A tile narrows the list to its state; a card opens the proposal to work on.
    fireEvent.click(within(counts).getByLabelText('已提交 1 项'));
    expect(within(screen.getByTestId('work-list')).getAllByRole('link')).toHaveLength(1);
    fireEvent.click(screen.getByText('路灯不亮'));
    fireEvent.click(screen.getByText('居民议事会'));
    fireEvent.click(screen.getByText('公开页面'));
    expect(navigations).toEqual([
      { api: 'navigateTo', url: `/staff/pages/proposal/index?id=${screen1.id}` },
      { api: 'navigateTo', url: '/staff/pages/council/index' },
      { api: 'switchTab', url: '/pages/home/index' },
    ]);
  });

  it('lists the pending comments of projects in publicity, to publish or hide', async () => {
    const notice = buildNotice({ title: '无障碍扶手', allowedActions: ['comment.reply', 'comment.moderate'] });
    const pending = buildComment({ proposalId: notice.id, text: '加微信领补贴', status: 'pending', author: '王建国' });
    let comments = [buildComment({ proposalId: notice.id, text: '支持' }), pending];
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ publicity: ok(pageOf([notice])) }),
      'comment.list': async () => ok(pageOf(comments)),
      'comment.moderate': async (payload: { commentId: string; publish: boolean }) => {
        comments = comments.map((comment) => (comment.id === payload.commentId ? { ...comment, status: payload.publish ? 'published' : 'hidden' } : comment));
        return ok({ ...pending, status: payload.publish ? 'published' : 'hidden' });
      },
    });
    render(<StaffInboxPage />);
    const section = await screen.findByTestId('pending-comments', {}, slow);
    const card = within(section).getByTestId('pending-comment');
    expect(within(card).getByText('加微信领补贴')).toBeInTheDocument();
    expect(within(card).getByText('项目：无障碍扶手')).toBeInTheDocument();
    expect(within(section).queryByText('支持')).not.toBeInTheDocument();

    fireEvent.click(within(card).getByText('不公开'));
    await waitFor(() => expect(payloadsOf('comment.moderate')).toEqual([{ commentId: pending.id, publish: false }]));
    await waitFor(() => expect(screen.queryByTestId('pending-comments')).not.toBeInTheDocument());
    expect(screen.getByTestId('moderated')).toHaveTextContent('意见已设为不公开');
  });

  it('shows the refusal of a moderation next to the comment', async () => {
    const notice = buildNotice({ allowedActions: ['comment.moderate'] });
    const pending = buildComment({ proposalId: notice.id, text: '二维码在此', status: 'pending' });
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ publicity: ok(pageOf([notice])) }),
      'comment.list': ok(pageOf([pending])),
      'comment.moderate': failure('invalid_state', '这条意见已处理'),
    });
    render(<StaffInboxPage />);
    fireEvent.click(await screen.findByText('公开', {}, slow));
    expect(await screen.findByText('这条意见已处理', {}, slow)).toBeInTheDocument();
  });
});
