import { fireEvent, render, screen, within } from '@testing-library/react';
import ProposalDetailPage from '../../src/pages/proposal-detail/index';
import NoticesPage from '../../src/pages/notices/index';
import { buildMe, buildNotice, buildProposal, buildSummary, directory, pageOf } from './support/factories';
import { answering, freshStart, ok, openedWith } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
jest.setTimeout(30_000);

describe('issue 17 on the resident pages', () => {
  beforeEach(freshStart);

  it('R-EVA-1: a resident who rated sees their own stars, not an invitation', async () => {
    openedWith('/pages/proposal-detail/index', { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildProposal({ id: 'p-1', state: 'completed', ratingCount: 1, allowedActions: ['rating.set'], myRating: { proposalId: 'p-1', stars: 4, updatedAt: '2026-10-01T00:00:00Z' } }),
      ),
      'rating.summary': ok(buildSummary()),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByTestId('my-rating')).toHaveTextContent('我的评价：4 星');
    expect(screen.queryByText('您对这个项目满意吗？')).not.toBeInTheDocument();
    expect(screen.getByText('更新评价')).toBeInTheDocument();
  });

  it('R-PUB-2: a notice the server says has ended is shown as past, even while still in publicity', async () => {
    const ended = buildNotice({ id: 'p-ended', title: '昨天截止的公示', publicityOpen: false, daysLeft: { publicityEndsOn: -1 } });
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': (payload: { state?: string }) => ok(pageOf(payload.state === 'publicity' ? [ended] : [ended])),
    });
    render(<NoticesPage />);
    expect(await within(await screen.findByTestId('notices-open')).findByText('目前没有正在公示的项目')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已结束'));
    const past = await screen.findByTestId('notices-past');
    const card = await within(past).findByTestId('notice-p-ended');
    expect(card).toHaveTextContent('昨天截止的公示');
    // Its state is still publicity, but the card says the window ended and no longer counts down.
    expect(within(card).getByText('公示期已结束')).toBeInTheDocument();
    expect(within(card).queryByText('今天截止')).not.toBeInTheDocument();
  });

  it('R-EVA-1: once rating is closed, my stars stay on the project', async () => {
    openedWith('/pages/proposal-detail/index', { id: 'p-2' });
    answering({
      'proposal.get': ok(buildProposal({ id: 'p-2', state: 'audited', ratingCount: 1, allowedActions: [], myRating: { proposalId: 'p-2', stars: 5, text: '很好', updatedAt: '2026-10-01T00:00:00Z' } })),
      'rating.summary': ok(buildSummary()),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByTestId('my-rating')).toHaveTextContent('我的评价：5 星（很好）');
    expect(screen.queryByTestId('rating-form')).not.toBeInTheDocument();
  });

  it('R-PUB-2: the detail shows a notice ended on the day after its last day, not 今天截止', async () => {
    openedWith('/pages/proposal-detail/index', { id: 'p-ended' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-ended', publicityOpen: false, daysLeft: { publicityEndsOn: -1 }, allowedActions: [] })),
      'rating.summary': ok(buildSummary()),
      'comment.list': ok(pageOf([])),
    });
    render(<ProposalDetailPage />);
    const publicity = await screen.findByTestId('publicity');
    expect(publicity).toHaveTextContent('公示期已结束，意见征集已关闭');
    expect(screen.queryByText('今天截止')).not.toBeInTheDocument();
  });
});
