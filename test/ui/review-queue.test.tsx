import { fireEvent, render, screen, within } from '@testing-library/react';
import ReviewQueuePage from '../../src/review/pages/queue/index';
import { buildMe, buildProposal, directory, pageOf } from './support/factories';
import { answering, freshStart, held, networkDown, ok, payloadsOf, type Reply } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const street = buildMe({ openid: 'u-street-shatoujiao', name: '周审核', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }] });

function lists(byState: Record<string, Reply>): Reply {
  return (payload: { state: string }) => {
    const reply = byState[payload.state] ?? ok(pageOf([]));
    return typeof reply === 'function' ? reply(payload) : reply;
  };
}

const review = (title: string, on: string, extra = {}) =>
  buildProposal({ state: 'street_review', title, communityId: 'c-qiaoyuan', deadlines: { reviewDueOn: { on, provisional: false } }, allowedActions: ['review.decide'], ...extra });

describe('the street review queue', () => {
  beforeEach(freshStart);

  it('shows a skeleton, then an empty queue', async () => {
    const me = held();
    answering({ 'me.get': me.reply, 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<ReviewQueuePage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(street));
    expect(await screen.findByText('目前没有待审核的项目', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('目前没有待发布审计结果的项目')).toBeInTheDocument();
    expect(payloadsOf('proposal.list').every((payload) => payload.streetId === 's-shatoujiao')).toBe(true);
  });

  it('tells a resident the queue is for reviewers', async () => {
    answering({ 'me.get': ok(buildMe()), 'directory.get': ok(directory) });
    render(<ReviewQueuePage />);
    expect(await screen.findByText('您没有街道、区或市的审核权限', {}, slow)).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({
      'me.get': ok(street),
      'directory.get': ok(directory),
      'proposal.list': async (payload: { state: string }) => (payload.state === 'street_review' && ++calls === 1 ? networkDown : ok(pageOf([]))),
    });
    render(<ReviewQueuePage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByText('目前没有待审核的项目', {}, slow)).toBeInTheDocument();
  });

  it('R-REV-1: orders the proposals in review by their review deadline, flags the overdue ones and opens the decision', async () => {
    const late = review('共享图书角', '2026-12-15');
    const overdue = review('加装扶手', '2026-10-15', { overdue: ['reviewDueOn'] });
    const middle = review('路灯', '2026-11-20', { daysLeft: { reviewDueOn: 3 } });
    answering({ 'me.get': ok(street), 'directory.get': ok(directory), 'proposal.list': lists({ street_review: ok(pageOf([late, middle, overdue])) }) });
    render(<ReviewQueuePage />);
    const queue = await screen.findByTestId('review-queue', {}, slow);
    expect(within(queue).getAllByRole('link').map((card) => card.getAttribute('aria-label'))).toEqual(['加装扶手', '路灯', '共享图书角']);
    expect(within(queue).getByText('3 项，1 项已逾期')).toBeInTheDocument();
    expect(within(screen.getByTestId(`staff-proposal-${overdue.id}`)).getByText('已逾期')).toBeInTheDocument();
    // Working days left only when the server counts them.
    expect(within(screen.getByTestId(`staff-proposal-${middle.id}`)).getByText('还剩 3 个工作日')).toBeInTheDocument();
    expect(within(screen.getByTestId(`staff-proposal-${late.id}`)).queryByText(/还剩/)).not.toBeInTheDocument();
    expect(within(screen.getByTestId(`staff-proposal-${late.id}`)).getByText('桥园社区')).toBeInTheDocument();
    fireEvent.click(screen.getByText('加装扶手'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/review/pages/decide/index?id=${overdue.id}` }]);
  });

  it('lists the changes waiting for the street and the projects waiting for the audit', async () => {
    const change = buildProposal({ state: 'implementing', title: '手机课堂', pendingChangeId: 'ch-1', allowedActions: ['change.decide'] });
    const toAudit = buildProposal({ state: 'evaluated', title: '口袋公园座椅', allowedActions: ['audit.publish'] });
    answering({
      'me.get': ok(street),
      'directory.get': ok(directory),
      'proposal.list': lists({ implementing: ok(pageOf([change])), evaluated: ok(pageOf([toAudit])) }),
    });
    render(<ReviewQueuePage />);
    expect(within(await screen.findByTestId('change-queue', {}, slow)).getByText('下一步：审核变更申请')).toBeInTheDocument();
    fireEvent.click(within(screen.getByTestId('audit-queue')).getByText('口袋公园座椅'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/review/pages/audit/index?id=${toAudit.id}` }]);
  });
});
