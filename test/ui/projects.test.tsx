import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import ProjectsPage from '../../src/pages/projects/index';
import { buildLedger, buildMe, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
jest.setTimeout(30_000);

const resident = ok(buildMe());
const visitor = failure('unauthenticated', '请先登录');
const pageWithTotal = <T,>(items: T[], total: number, nextCursor: string | null = null) => ok({ ...pageOf(items, nextCursor), total });

async function search(text: string) {
  const input = await waitFor(() => {
    const native = screen.getAllByPlaceholderText('搜索标题、内容或地点').find((element) => element.matches('input'));
    if (!native) throw new Error('no search box');
    return native;
  });
  fireEvent.input(input, { target: { value: text } });
  fireEvent.click(screen.getByTestId('projects-search-go'));
}

describe('the 项目 tab', () => {
  beforeEach(freshStart);

  it('shows a skeleton, then every state of my community with the total', async () => {
    const me = held();
    answering({
      'directory.get': ok(directory),
      'me.get': me.reply,
      'proposal.list': pageWithTotal([buildProposal({ id: 'p-1', title: '楼道灯', state: 'not_adopted' }), buildProposal({ id: 'p-2', title: '小广场地砖', state: 'withdrawn' })], 23, 'n-1'),
    });
    render(<ProjectsPage />);
    expect(screen.getAllByLabelText('加载中').length).toBeGreaterThan(0);
    me.release(resident);
    expect(await screen.findByTestId('projects-total')).toHaveTextContent('共 23 个项目');
    expect(screen.getByText('楼道灯')).toBeInTheDocument();
    expect(screen.getByTestId('projects-filter-summary')).toHaveTextContent('中英街社区 · 全部状态');
    // Every state: no state filter is sent until one is chosen.
    expect(payloadsOf('proposal.list')[0]).toEqual({ communityId: 'c-zhongying' });
  });

  it('searches by a few characters with the filters kept, and loads more with the cursor', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': resident,
      'proposal.list': (payload: { q?: string; cursor?: string }) =>
        payload.q !== '路灯'
          ? pageWithTotal([], 0)
          : payload.cursor === 'n-1'
            ? pageWithTotal([buildProposal({ id: 'p-3', title: '第二页的路灯' })], 2)
            : pageWithTotal([buildProposal({ id: 'p-2', title: '3 栋路灯不亮' })], 2, 'n-1'),
    });
    render(<ProjectsPage />);
    await screen.findByText('没有符合条件的项目');
    await search('路灯');
    expect(await screen.findByText('3 栋路灯不亮')).toBeInTheDocument();
    expect(screen.getByTestId('projects-total')).toHaveTextContent('共 2 个项目');
    expect(payloadsOf('proposal.list').at(-1)).toEqual({ communityId: 'c-zhongying', q: '路灯' });
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('第二页的路灯')).toBeInTheDocument();
    expect(payloadsOf('proposal.list').at(-1)).toEqual({ communityId: 'c-zhongying', q: '路灯', cursor: 'n-1' });
    expect(screen.getByText('以上是全部符合条件的项目')).toBeInTheDocument();
  });

  it('filters by place, state group, category and year, and clears them all', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': visitor, 'proposal.list': pageWithTotal([buildProposal({ title: '某个项目' })], 1) });
    render(<ProjectsPage />);
    // A visitor without a community starts on the whole city.
    await screen.findByText('某个项目');
    expect(payloadsOf('proposal.list')[0]).toEqual({});
    fireEvent.click(screen.getByTestId('projects-filter-toggle'));
    const panel = screen.getByTestId('projects-filters');
    fireEvent.click(within(panel).getByText('盐田区'));
    fireEvent.click(within(panel).getByText('海山街道'));
    fireEvent.click(within(panel).getByText('未实施'));
    fireEvent.click(within(panel).getByText('服务类'));
    fireEvent.click(within(panel).getByText('2026 年'));
    await waitFor(() =>
      expect(payloadsOf('proposal.list').at(-1)).toEqual({
        streetId: 's-haishan',
        states: ['not_adopted', 'council_rejected', 'rejected', 'transferred', 'withdrawn'],
        category: 'services',
        year: 2026,
      }),
    );
    expect(within(panel).getByText('未实施')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('projects-filter-summary')).toHaveTextContent('海山街道 · 未实施 · 服务类 · 2026 年');
    fireEvent.click(screen.getByTestId('projects-clear'));
    await waitFor(() => expect(payloadsOf('proposal.list').at(-1)).toEqual({}));
  });

  it('says when nothing matches, and offers to clear the search', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': resident, 'proposal.list': (payload: { q?: string }) => pageWithTotal(payload.q ? [] : [buildProposal({ title: '有的' })], payload.q ? 0 : 1) });
    render(<ProjectsPage />);
    await screen.findByText('有的');
    await search('不存在的词');
    expect(await screen.findByText('没有找到包含“不存在的词”的项目')).toBeInTheDocument();
    fireEvent.click(screen.getByText('清除筛选，查看全部'));
    expect(await screen.findByText('有的')).toBeInTheDocument();
    expect(payloadsOf('proposal.list').at(-1)).toEqual({});
  });

  it('shows a failure with a retry', async () => {
    let calls = 0;
    answering({ 'directory.get': ok(directory), 'me.get': resident, 'proposal.list': async () => (++calls === 1 ? networkDown : pageWithTotal([buildProposal({ title: '重试后看到' })], 1)) });
    render(<ProjectsPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('重试后看到')).toBeInTheDocument();
  });

  it('says 10,000 个以上 when the server stops counting', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': resident, 'proposal.list': pageWithTotal([buildProposal()], 10_000, 'n-1') });
    render(<ProjectsPage />);
    expect(await screen.findByTestId('projects-total')).toHaveTextContent('共 10,000 个以上项目');
  });
});

describe('查看全部 on the home page', () => {
  beforeEach(freshStart);

  it('opens the 项目 tab on the same community and state group instead of growing the section', async () => {
    // home.get answers the first screen: the completed section has more than its first page.
    answering({
      'home.get': ok({
        me: buildMe(),
        directory,
        board: {
          communityId: 'c-zhongying',
          publicity: pageOf([]),
          submitted: pageOf([]),
          completed: pageOf([buildProposal({ title: '已完工的一个', state: 'completed' })], 'n-1'),
          ledger: buildLedger(),
        },
        joined: true,
        year: 2026,
      }),
      'directory.get': ok(directory),
      'me.get': resident,
      'proposal.list': pageWithTotal([], 0),
    });
    render(<HomePage />);
    const completed = await screen.findByTestId('home-completed');
    fireEvent.click(await within(completed).findByText('查看全部'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/projects/index' }]);
    // Sections without more show no 查看全部.
    expect(within(screen.getByTestId('home-submitted')).queryByText('查看全部')).not.toBeInTheDocument();

    // The tab, opened next, starts on what the home page handed over.
    render(<ProjectsPage />);
    await waitFor(() => expect(screen.getByTestId('projects-filter-summary')).toHaveTextContent('中英街社区 · 已完工'));
    await waitFor(() => expect(payloadsOf('proposal.list').at(-1)).toEqual({ communityId: 'c-zhongying', states: ['completed', 'evaluated', 'audited'] }));
  });
});
