import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NoticesPage from '../../src/pages/notices/index';
import { buildMe, buildNotice, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const resident = ok(buildMe());

describe('the notices page', () => {
  beforeEach(freshStart);

  it('shows a loading skeleton until it knows the community', async () => {
    const me = held();
    answering({ 'directory.get': ok(directory), 'me.get': me.reply, 'proposal.list': ok(pageOf([])) });
    render(<NoticesPage />);
    expect(screen.getAllByLabelText('加载中').length).toBeGreaterThan(0);
    me.release(resident);
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
  });

  it('asks a visitor without a community to pick one on the home page', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': failure('unauthenticated', '请先登录') });
    render(<NoticesPage />);
    fireEvent.click(await screen.findByText('去选择社区'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/home/index' }]);
  });

  it('shows 公示中 first and 已结束 on a tap, each notice with content, location, time limit, budget and window (R-PUB-1)', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': resident,
      'proposal.list': (payload: { state?: string }) =>
        payload.state === 'publicity'
          ? ok(pageOf([buildNotice({ id: 'p-open', title: '中英街口加装无障碍扶手', commentCount: 3 })]))
          : ok(
              pageOf([
                buildNotice({ id: 'p-open', title: '中英街口加装无障碍扶手' }),
                buildNotice({ id: 'p-past', state: 'implementing', title: '小广场更换地砖', deadlines: {}, allowedActions: [] }),
                buildProposal({ id: 'p-never', title: '还在征集的提议' }),
              ]),
            ),
    });
    render(<NoticesPage />);
    const open = await screen.findByTestId('notice-p-open');
    expect(within(open).getByText('在中英街口台阶两侧加装不锈钢扶手 20 米。')).toBeInTheDocument();
    expect(within(open).getByText('中英街 3 号楼东侧')).toBeInTheDocument();
    expect(within(open).getByText('¥12,345.00')).toBeInTheDocument();
    // The time limit in the words the server wrote when it published the notice.
    expect(within(open).getByText('实施时限').nextSibling).toHaveTextContent('确定实施主体之日起 6 个月内完成');
    expect(within(open).getByTestId('deadline-publicityEndsOn')).toHaveTextContent('公示期截止2026年9月22日（周二）');
    expect(within(open).getByText('意见 3 条')).toBeInTheDocument();

    expect(screen.getByTestId('notices-view-open')).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByTestId('notices-past')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('已结束'));
    expect(screen.getByTestId('notices-view-past')).toHaveAttribute('aria-selected', 'true');
    const past = await screen.findByTestId('notices-past');
    expect(await within(past).findByText('小广场更换地砖')).toBeInTheDocument();
    expect(screen.queryByTestId('notices-open')).not.toBeInTheDocument();
    expect(past).toHaveTextContent('公示期2026年9月18日 至 9月22日');
    expect(within(past).queryByText('中英街口加装无障碍扶手')).not.toBeInTheDocument();
    expect(within(past).queryByText('还在征集的提议')).not.toBeInTheDocument();
    expect(payloadsOf('proposal.list')[0]).toEqual({ communityId: 'c-zhongying', state: 'publicity' });
  });

  it('opens a notice to read it in full and comment', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': resident, 'proposal.list': ok(pageOf([buildNotice({ id: 'p-open' })])) });
    render(<NoticesPage />);
    fireEvent.click(await screen.findByText('查看并发表意见 ›'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-detail/index?id=p-open' }]);
  });

  it('says so when there is no notice, open or past', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': resident, 'proposal.list': ok(pageOf([])) });
    render(<NoticesPage />);
    expect(await screen.findByText('目前没有正在公示的项目')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已结束'));
    expect(await screen.findByText('还没有已结束的公示')).toBeInTheDocument();
  });

  it('loads more open notices with the cursor', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': resident,
      'proposal.list': (payload: { state?: string; cursor?: string }) => {
        if (payload.state !== 'publicity') return ok(pageOf([]));
        return payload.cursor === 'n-1'
          ? ok(pageOf([buildNotice({ id: 'p-2', title: '第二页的公示' })]))
          : ok(pageOf([buildNotice({ id: 'p-1', title: '第一页的公示' })], 'n-1'));
      },
    });
    render(<NoticesPage />);
    await screen.findByText('第一页的公示');
    fireEvent.click(within(screen.getByTestId('notices-open')).getByText('加载更多'));
    expect(await screen.findByText('第二页的公示')).toBeInTheDocument();
    expect(screen.getByText('以上是全部正在公示的项目')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    answering({ 'directory.get': async () => (++calls === 1 ? networkDown : ok(directory)), 'me.get': resident, 'proposal.list': ok(pageOf([])) });
    render(<NoticesPage />);
    fireEvent.click(await screen.findByText('重试'));
    await waitFor(() => expect(screen.getByText('中英街社区')).toBeInTheDocument());
  });
});
