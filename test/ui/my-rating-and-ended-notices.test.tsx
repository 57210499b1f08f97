import { render, screen, within } from '@testing-library/react';
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
    const ended = buildNotice({ id: 'p-ended', title: '昨天截止的公示', publicityOpen: false });
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': (payload: { state?: string }) => ok(pageOf(payload.state === 'publicity' ? [ended] : [ended])),
    });
    render(<NoticesPage />);
    const past = await screen.findByTestId('notices-past');
    expect(await within(past).findByText('昨天截止的公示')).toBeInTheDocument();
    expect(within(screen.getByTestId('notices-open')).queryByText('昨天截止的公示')).not.toBeInTheDocument();
  });
});
