import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReviewDecidePage from '../../src/review/pages/decide/index';
import { buildLedger, buildProposal, directory } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, openedWith, payloadsOf } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);
const PAGE = '/review/pages/decide/index';

async function typeInto(name: string, value: string) {
  const field = screen.getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

const inReview = () =>
  buildProposal({
    state: 'street_review',
    communityId: 'c-tianxin',
    title: '四点半课堂',
    report: { reason: '课后看护', overview: '托管 60 次', plan: '社工机构', budgetLines: [{ item: '托管服务', amountFen: 5_000_000 }], budgetFen: 5_000_000, feeFen: 0 },
    deadlines: { reviewDueOn: { on: '2026-10-15', provisional: false } },
    allowedActions: ['review.decide'],
  });

describe('the street decision page', () => {
  beforeEach(() => {
    freshStart();
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-09-18' }));
  });

  it('shows a skeleton, then the proposal with its report', async () => {
    const proposal = held();
    answering({ 'proposal.get': proposal.reply, 'ledger.get': ok(buildLedger()), 'directory.get': ok(directory) });
    openedWith(PAGE, { id: 'p-1' });
    render(<ReviewDecidePage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    proposal.release(ok(inReview()));
    expect(await screen.findByText('四点半课堂', {}, slow)).toBeInTheDocument();
    expect(within(screen.getByTestId('application')).getByText('托管服务')).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({ 'proposal.get': async () => (++calls === 1 ? networkDown : ok(inReview())), 'ledger.get': ok(buildLedger()), 'directory.get': ok(directory) });
    openedWith(PAGE, { id: 'p-1' });
    render(<ReviewDecidePage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByText('四点半课堂', {}, slow)).toBeInTheDocument();
  });

  it('R-FUN-2: approves with a budget, showing the remaining allocation of the community for the year', async () => {
    const proposal = inReview();
    answering({
      'proposal.get': ok(proposal),
      'directory.get': ok(directory),
      'ledger.get': ok(buildLedger({ communityId: 'c-tianxin', remainingFen: 100_000_000 })),
      'review.decide': ok({ ...proposal, state: 'approved', approvedBudgetFen: 5_000_000, allowedActions: [] }),
    });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    const remaining = await screen.findByTestId('remaining', {}, slow);
    expect(remaining).toHaveTextContent('¥1,000,000.00');
    expect(payloadsOf('ledger.get')).toEqual([{ communityId: 'c-tianxin', year: 2026 }]);
    expect(await screen.findByText('田心社区 2026 年资金台账', {}, slow)).toBeInTheDocument();
    fireEvent.click(screen.getByText('审核通过'));
    // The budget lines the amount must match stand next to it; what stays after it is shown.
    expect(screen.getByTestId('approval-lines')).toHaveTextContent('不超过合计 ¥50,000.00');
    expect(screen.getByTestId('after-approval')).toHaveTextContent('批复后本年度剩余 ¥950,000.00');
    fireEvent.click(screen.getByTestId('send-decision'));
    // Irreversible: the page says what will happen, and a second tap sends it.
    expect(screen.getByTestId('send-decision-question')).toHaveTextContent('批复 ¥50,000.00 后，这笔资金从社区 2026 年度已下达额度中占用（批复后剩余 ¥950,000.00）');
    expect(payloadsOf('review.decide')).toEqual([]);
    fireEvent.click(screen.getByTestId('send-decision-confirm'));
    await waitFor(() => expect(payloadsOf('review.decide')).toEqual([{ id: proposal.id, outcome: 'approved', approvedBudgetFen: 5_000_000 }]));
    expect(await screen.findByText('已审核通过，批复预算 ¥50,000.00', {}, slow)).toBeInTheDocument();
  });

  it('R-FUN-1: shows the server refusing an approval over the allocation next to the budget', async () => {
    const proposal = inReview();
    answering({
      'proposal.get': ok(proposal),
      'directory.get': ok(directory),
      'ledger.get': ok(buildLedger({ remainingFen: 1_000_000 })),
      'review.decide': failure('budget_exceeded', '超出社区本年度已下达的资金额度', 'approvedBudgetFen'),
    });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    fireEvent.click(await screen.findByText('审核通过', {}, slow));
    expect(screen.queryByTestId('after-approval')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('send-decision'));
    fireEvent.click(screen.getByTestId('send-decision-confirm'));
    expect(await within(screen.getByTestId('field-approvedBudgetFen')).findByText('超出社区本年度已下达的资金额度', {}, slow)).toBeInTheDocument();
  });

  it('R-REV-2: rejects only with a reason', async () => {
    const proposal = inReview();
    answering({
      'proposal.get': ok(proposal),
      'directory.get': ok(directory),
      'ledger.get': ok(buildLedger()),
      'review.decide': ok({ ...proposal, state: 'rejected', allowedActions: [] }),
    });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    fireEvent.click(await screen.findByText('不通过', {}, slow));
    fireEvent.click(screen.getByTestId('send-decision'));
    expect(within(screen.getByTestId('field-reason')).getByText('请填写不通过的原因，会向居民公开')).toBeInTheDocument();
    await typeInto('reason', '属物业职责');
    fireEvent.click(screen.getByTestId('send-decision'));
    fireEvent.click(screen.getByTestId('send-decision-confirm'));
    await waitFor(() => expect(payloadsOf('review.decide')).toEqual([{ id: proposal.id, outcome: 'rejected', reason: '属物业职责' }]));
  });

  it('R-REV-3: transfers to a named department', async () => {
    const proposal = inReview();
    answering({
      'proposal.get': ok(proposal),
      'directory.get': ok(directory),
      'ledger.get': ok(buildLedger()),
      'review.decide': ok({ ...proposal, state: 'transferred', allowedActions: [] }),
    });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    fireEvent.click(await screen.findByText('转交职能部门', {}, slow));
    await typeInto('department', '区城管局');
    await typeInto('reason', '属市政道路');
    fireEvent.click(screen.getByTestId('send-decision'));
    fireEvent.click(screen.getByTestId('send-decision-confirm'));
    await waitFor(() => expect(payloadsOf('review.decide')).toEqual([{ id: proposal.id, outcome: 'transferred', reason: '属市政道路', department: '区城管局' }]));
  });

  it('R-CHG-1: shows the pending change the street decides on, and decides it with a reason', async () => {
    const proposal = buildProposal({
      state: 'implementing',
      approvedBudgetFen: 5_000_000,
      budgetYear: 2026,
      pendingChangeId: 'ch-9',
      pendingChange: { id: 'ch-9', proposalId: 'p-x', kind: 'adjust', reason: '钢材涨价，预算需调整。', newBudgetFen: 5_600_000, state: 'pending', requestedOn: '2026-10-01' },
      allowedActions: ['change.decide'],
    });
    answering({
      'proposal.get': ok(proposal),
      'directory.get': ok(directory),
      'ledger.get': ok(buildLedger()),
      'change.decide': ok({ id: 'ch-9', proposalId: proposal.id, kind: 'withdraw', reason: '场地取消', state: 'approved', requestedOn: '2026-10-01', proposal }),
    });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    const section = await screen.findByTestId('change-decision', {}, slow);
    expect(section).toHaveTextContent('申请类型调整预算');
    expect(section).toHaveTextContent('现批复预算¥50,000.00');
    expect(section).toHaveTextContent('调整后预算¥56,000.00');
    expect(section).toHaveTextContent('变更理由钢材涨价，预算需调整。');
    expect(section).toHaveTextContent('提出日期2026年10月1日');
    fireEvent.click(within(section).getByText('同意'));
    await typeInto('changeReason', '情况属实');
    fireEvent.click(screen.getByTestId('send-change-decision'));
    expect(screen.getByTestId('send-change-decision-question')).toHaveTextContent('同意后批复预算由 ¥50,000.00 改为 ¥56,000.00，再占用额度 ¥6,000.00。');
    fireEvent.click(screen.getByTestId('send-change-decision-confirm'));
    await waitFor(() => expect(payloadsOf('change.decide')).toEqual([{ changeId: 'ch-9', approve: true, reason: '情况属实' }]));
    expect(await screen.findByText('已同意变更申请', {}, slow)).toBeInTheDocument();
  });

  it('shows the decision once made, with no form', async () => {
    const proposal = buildProposal({ state: 'approved', approvedBudgetFen: 5_000_000, budgetYear: 2026, review: { outcome: 'approved', decidedOn: '2026-09-18' }, allowedActions: [] });
    answering({ 'proposal.get': ok(proposal), 'directory.get': ok(directory), 'ledger.get': ok(buildLedger()) });
    openedWith(PAGE, { id: proposal.id });
    render(<ReviewDecidePage />);
    const outcome = await screen.findByTestId('outcome', {}, slow);
    expect(within(outcome).getByText('审核通过')).toBeInTheDocument();
    expect(screen.queryByTestId('decision')).not.toBeInTheDocument();
  });
});
