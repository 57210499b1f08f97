import { fireEvent, render, screen, within } from '@testing-library/react';
import MinePage from '../../src/pages/mine/index';
import { buildMe, directory, pageOf } from './support/factories';
import { answering, freshStart, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
jest.setTimeout(30_000);

const comments = [
  { id: 'cm-1', proposalId: 'p-1', title: '中英街口加装无障碍扶手', text: '扶手要做防滑', status: 'published', createdAt: '2026-09-19T02:00:00Z', replies: [{ text: '已采纳，会选用防滑款。', repliedAt: '2026-09-19T08:00:00Z' }] },
  { id: 'cm-2', proposalId: 'p-1', title: '中英街口加装无障碍扶手', text: '还在审核的意见', status: 'pending', createdAt: '2026-09-18T02:00:00Z', replies: [] },
  { id: 'cm-3', proposalId: 'p-2', title: '小广场更换地砖', text: '被隐藏的意见', status: 'hidden', createdAt: '2026-09-17T02:00:00Z', replies: [] },
];

describe('我的意见 and 我的评价', () => {
  beforeEach(freshStart);

  it('lists my comments with their status and the replies, each leading to its proposal', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': ok({ ...pageOf([]), total: 0 }),
      'comment.mine': ok(pageOf(comments)),
      'rating.mine': ok(pageOf([])),
    });
    render(<MinePage />);
    const mine = await screen.findByTestId('my-comments');
    const published = await within(mine).findByTestId('my-comment-cm-1');
    expect(published).toHaveTextContent('中英街口加装无障碍扶手');
    expect(within(published).getByText('已发表')).toBeInTheDocument();
    expect(published).toHaveTextContent('社区回复');
    expect(published).toHaveTextContent('已采纳，会选用防滑款。');
    expect(within(within(mine).getByTestId('my-comment-cm-2')).getByText('待审核')).toBeInTheDocument();
    expect(within(within(mine).getByTestId('my-comment-cm-3')).getByText('未公开')).toBeInTheDocument();
    fireEvent.click(within(mine).getByTestId('my-comment-cm-3'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-detail/index?id=p-2' }]);
    expect(await within(screen.getByTestId('my-ratings')).findByText('您还没有评价过项目')).toBeInTheDocument();
  });

  it('lists my ratings with their stars, loads more with the cursor, and opens the project', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': ok({ ...pageOf([]), total: 0 }),
      'comment.mine': ok(pageOf([])),
      'rating.mine': (payload: { cursor?: string }) =>
        payload.cursor === 'r-1'
          ? ok(pageOf([{ proposalId: 'p-9', title: '第二页的评价', stars: 3, updatedAt: '2026-10-01T00:00:00Z' }]))
          : ok(pageOf([{ proposalId: 'p-8', title: '长者饭堂', stars: 4, text: '饭菜不错', updatedAt: '2026-10-02T00:00:00Z' }], 'r-1')),
    });
    render(<MinePage />);
    const ratings = await screen.findByTestId('my-ratings');
    const first = await within(ratings).findByTestId('my-rating-p-8');
    expect(first).toHaveTextContent('长者饭堂');
    expect(first).toHaveTextContent('4 星：饭菜不错');
    fireEvent.click(within(ratings).getByText('加载更多'));
    expect(await within(ratings).findByText('第二页的评价')).toBeInTheDocument();
    expect(payloadsOf('rating.mine')).toEqual([{}, { cursor: 'r-1' }]);
    fireEvent.click(first);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-detail/index?id=p-8' }]);
    expect(await within(screen.getByTestId('my-comments')).findByText('您还没有发表过意见')).toBeInTheDocument();
  });

  it('shows a failure of one list with a retry, the rest of the page still there', async () => {
    let calls = 0;
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': ok({ ...pageOf([]), total: 0 }),
      'comment.mine': async () => (++calls === 1 ? networkDown : ok(pageOf(comments.slice(0, 1)))),
      'rating.mine': ok(pageOf([])),
    });
    render(<MinePage />);
    const mine = await screen.findByTestId('my-comments');
    fireEvent.click(await within(mine).findByText('重试'));
    expect(await within(mine).findByText('扶手要做防滑')).toBeInTheDocument();
    expect(screen.getByText('张小明')).toBeInTheDocument();
  });
});
