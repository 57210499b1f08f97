import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS } from '../../common/glossary';
import { TEXT_LIMITS } from '../../common/limits';
import type { Answer } from '../../types/api';
import ProposalDetailPage from '../../src/pages/proposal-detail/index';
import { buildComment, buildNotice, buildProposal, buildSummary, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, openedWith, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
// Pages render through Taro's web components: on two cores shared with builds and Chromium, a
// test may take longer than jest's default 5 s without anything being wrong.
jest.setTimeout(30_000);

const DETAIL = '/pages/proposal-detail/index';

async function typeInto(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const native = screen.getAllByPlaceholderText(placeholder).find((element) => element.matches('input, textarea'));
    if (!native) throw new Error(`no field with the placeholder ${placeholder}`);
    return native;
  });
  fireEvent.input(field, { target: { value } });
}

const COMMENT_PLACEHOLDER = '对这个项目有什么意见或建议？';

describe('the proposal detail page', () => {
  beforeEach(freshStart);

  it('shows a loading skeleton until the proposal arrives', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    const proposal = held();
    answering({ 'proposal.get': proposal.reply });
    render(<ProposalDetailPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    proposal.release(ok(buildProposal({ id: 'p-1', title: '3 栋门口路灯不亮' })));
    expect(await screen.findByText('3 栋门口路灯不亮')).toBeInTheDocument();
    expect(payloadsOf('proposal.get')).toEqual([{ id: 'p-1' }]);
  });

  it('says the project is not found when opened without an id', async () => {
    openedWith(DETAIL, {});
    render(<ProposalDetailPage />);
    expect(await screen.findByText('没有找到这个项目')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    let calls = 0;
    answering({ 'proposal.get': async () => (++calls === 1 ? networkDown : ok(buildProposal({ id: 'p-1', title: '路灯' }))) });
    render(<ProposalDetailPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('路灯')).toBeInTheDocument();
  });

  it('tells the story of a just-submitted proposal: state badge, proposer masked, no buttons it was not given', async () => {
    openedWith(DETAIL, { id: 'p-1', submitted: '1' });
    answering({ 'proposal.get': ok(buildProposal({ id: 'p-1', mine: true, proposer: '张小明' })) });
    render(<ProposalDetailPage />);
    expect(await screen.findByTestId('submitted-banner')).toHaveTextContent('提议已提交');
    fireEvent.click(screen.getByText('查看我的提议'));
    expect(navigations).toEqual([{ api: 'switchTab', url: '/pages/mine/index' }]);
    expect(screen.getAllByTestId('state-badge')[0]).toHaveTextContent('已提交');
    expect(screen.getByTestId('proposer')).toHaveTextContent('提议人 张小明（我） · 2026年9月1日');
    expect(within(screen.getByTestId('timeline')).getByText('提交提议')).toBeInTheDocument();
    expect(screen.queryByTestId('comment-box')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rating-form')).not.toBeInTheDocument();
  });

  it('shows every step with its date and the running deadline, flagged when overdue', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildProposal({
          id: 'p-1',
          state: 'street_review',
          screening: { adopt: true, decidedOn: '2026-09-02' },
          meetingOn: '2026-09-10',
          vote: { attendance: 30, for: 25, against: 3, abstain: 2, recordedOn: '2026-09-10' },
          submittedToStreetOn: '2026-09-11',
          deadlines: { reviewDueOn: { on: '2026-10-09', provisional: false } },
          overdue: ['reviewDueOn'],
        }),
      ),
    });
    render(<ProposalDetailPage />);
    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText('已采纳')).toBeInTheDocument();
    expect(within(timeline).getByText('2026年9月2日')).toBeInTheDocument();
    expect(within(timeline).getByText('出席 30 人：赞成 25，反对 3，弃权 2')).toBeInTheDocument();
    expect(within(timeline).getByText('提交街道审核')).toBeInTheDocument();
    const deadline = within(screen.getByTestId('progress')).getByTestId('deadline-reviewDueOn');
    expect(deadline).toHaveTextContent('街道审核截止');
    expect(deadline).toHaveTextContent('2026年10月9日（周五）');
    expect(deadline).toHaveTextContent('已逾期');
  });

  it('marks a deadline whose holiday calendar is not yet known as provisional', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildProposal({ id: 'p-1', state: 'implementing', deadlines: { completeDueOn: { on: '2027-03-01', provisional: true } } })) });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('（节假日安排未公布，日期暂定）')).toBeInTheDocument();
  });

  it('explains a proposal that was not adopted', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildProposal({ id: 'p-1', state: 'not_adopted', screening: { adopt: false, exclusion: 'property_duty', explanation: '路灯属物业维修范围，已转物业处理。', decidedOn: '2026-09-03' } }),
      ),
    });
    render(<ProposalDetailPage />);
    const section = await screen.findByTestId('not-adopted');
    expect(within(section).getByText('属物业管理公司等主体职责')).toBeInTheDocument();
    expect(within(section).getByText('路灯属物业维修范围，已转物业处理。')).toBeInTheDocument();
  });

  it('publishes the street rejection reason', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildProposal({ id: 'p-1', state: 'rejected', review: { outcome: 'rejected', reason: '预算明显偏高，请重新询价。', decidedOn: '2026-09-20' } })) });
    render(<ProposalDetailPage />);
    expect(within(await screen.findByTestId('rejected')).getByText('预算明显偏高，请重新询价。')).toBeInTheDocument();
  });

  it('shows a change waiting for the street, with its reason and new budget (R-CHG-1)', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildNotice({
          id: 'p-1',
          state: 'implementing',
          allowedActions: [],
          pendingChange: { id: 'ch-1', proposalId: 'p-1', kind: 'adjust', reason: '钢材涨价，预算需调整。', newBudgetFen: 1300000, state: 'pending', requestedOn: '2026-10-08' },
        }),
      ),
      'comment.list': ok(pageOf([])),
    });
    render(<ProposalDetailPage />);
    const change = await screen.findByTestId('pending-change');
    expect(change).toHaveTextContent('申请调整项目（街道审核中）');
    expect(change).toHaveTextContent('调整后预算：¥13,000.00');
    expect(change).toHaveTextContent('钢材涨价，预算需调整。');
  });

  it('shows the application report with its budget lines in yuan', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildNotice({ id: 'p-1', allowedActions: [] })), 'comment.list': ok(pageOf([])) });
    render(<ProposalDetailPage />);
    const report = await screen.findByTestId('report');
    expect(within(report).getByText('不锈钢扶手 20 米')).toBeInTheDocument();
    expect(within(report).getByText('¥10,000.00')).toBeInTheDocument();
    expect(within(report).getByText('¥2,345.00')).toBeInTheDocument();
    expect(within(report).getAllByText('¥12,345.00')).toHaveLength(2);
  });

  it('during publicity shows the window, the comments with the community answers, and the comment box', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1', commentCount: 1 })),
      'comment.list': ok(pageOf([buildComment({ text: '扶手要做防滑', reply: { text: '已采纳，会选用防滑款。', repliedAt: '2026-09-19T08:00:00Z' } })])),
    });
    render(<ProposalDetailPage />);
    const publicity = await screen.findByTestId('publicity');
    expect(publicity).toHaveTextContent('公示开始2026年9月18日');
    expect(within(publicity).getByTestId('deadline-publicityEndsOn')).toHaveTextContent('2026年9月22日（周二）');
    expect(await screen.findByText('扶手要做防滑')).toBeInTheDocument();
    expect(screen.getByText('已采纳，会选用防滑款。')).toBeInTheDocument();
    expect(screen.getByText('社区回复 · 2026年9月19日 16:00')).toBeInTheDocument();
    expect(screen.getByTestId('comment-box')).toBeInTheDocument();
  });

  it('shows no comment box when comment.add is not among the allowed actions', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildNotice({ id: 'p-1', state: 'implementing', allowedActions: [] })), 'comment.list': ok(pageOf([])) });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('还没有居民发表意见')).toBeInTheDocument();
    expect(screen.queryByTestId('comment-box')).not.toBeInTheDocument();
  });

  it('loads comments 20 at a time and appends the next page with its cursor', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1', commentCount: 21 })),
      'comment.list': (payload: { cursor?: string }) =>
        payload.cursor === 'c-20' ? ok(pageOf([buildComment({ text: '第二页的意见' })])) : ok(pageOf([buildComment({ text: '第一页的意见' })], 'c-20')),
    });
    render(<ProposalDetailPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('第二页的意见')).toBeInTheDocument();
    expect(screen.getByText('第一页的意见')).toBeInTheDocument();
    expect(screen.getByText('没有更多意见了')).toBeInTheDocument();
    expect(payloadsOf('comment.list')).toEqual([
      { proposalId: 'p-1', limit: 20 },
      { proposalId: 'p-1', cursor: 'c-20', limit: 20 },
    ]);
  });

  it('shows user text as text, never as markup', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildNotice({ id: 'p-1' })), 'comment.list': ok(pageOf([buildComment({ text: '<b>加粗</b><img src=x>' })])) });
    const { container } = render(<ProposalDetailPage />);
    expect(await screen.findByText('<b>加粗</b><img src=x>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('adds a comment at the top, keeping its requestId across a failed try', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    const replies: Answer<unknown>[] = [networkDown, ok(buildComment({ text: '施工时请注意安全', mine: true, author: '张小明' }))];
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1' })),
      'comment.list': ok(pageOf([buildComment({ text: '早有的意见' })])),
      'comment.add': () => replies.shift()!,
    });
    render(<ProposalDetailPage />);
    await screen.findByText('早有的意见');
    await typeInto(COMMENT_PLACEHOLDER, '施工时请注意安全');
    fireEvent.click(screen.getByText('发表意见'));
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('发表意见'));
    expect(await screen.findByText('意见已发表，社区会在这里回复。')).toBeInTheDocument();
    const texts = screen.getAllByTestId('comment').map((comment) => comment.textContent);
    expect(texts[0]).toContain('施工时请注意安全');
    expect(texts[1]).toContain('早有的意见');
    const [first, second] = payloadsOf('comment.add');
    expect(first).toEqual({ proposalId: 'p-1', text: '施工时请注意安全', requestId: expect.any(String) });
    expect(second.requestId).toBe(first.requestId);
  });

  it('tells the resident when a comment waits for the community check', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1' })),
      'comment.list': ok(pageOf([])),
      'comment.add': ok(buildComment({ text: '请尽快施工', status: 'pending', mine: true })),
    });
    render(<ProposalDetailPage />);
    await typeInto(COMMENT_PLACEHOLDER, '请尽快施工');
    fireEvent.click(screen.getByText('发表意见'));
    expect(await screen.findByText('意见已提交，社区审核后公开。')).toBeInTheDocument();
    expect(screen.getByText('待社区审核后公开')).toBeInTheDocument();
  });

  it('shows the server refusal when the publicity window has closed', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1' })),
      'comment.list': ok(pageOf([])),
      'comment.add': failure('window_closed', '公示期已结束，不能再发表意见'),
    });
    render(<ProposalDetailPage />);
    await typeInto(COMMENT_PLACEHOLDER, '还来得及吗');
    fireEvent.click(screen.getByText('发表意见'));
    expect(await screen.findByText('公示期已结束，不能再发表意见')).toBeInTheDocument();
  });

  it('lets a resident rate a completed project and shows the summary change', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    const summaries = [
      buildSummary({ count: 1, average: 5, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } }),
      buildSummary({ count: 2, average: 4.5, histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } }),
    ];
    answering({
      'proposal.get': ok(buildProposal({ id: 'p-1', state: 'completed', ratingCount: 1, allowedActions: ['rating.set'] })),
      'rating.summary': () => ok(summaries.length > 1 ? summaries.shift()! : summaries[0]),
      'rating.set': ok({ proposalId: 'p-1', stars: 4, text: '很好', updatedAt: '2026-10-01T00:00:00Z' }),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('1 位居民评价')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('4 星 满意'));
    await typeInto('还想说点什么？（可不填）', '很好');
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('2 位居民评价')).toBeInTheDocument();
    expect(screen.getByText('4.5')).toBeInTheDocument();
    expect(screen.getByText('感谢您的评价！您打了 4 星，可以随时修改。')).toBeInTheDocument();
    expect(payloadsOf('rating.set')).toEqual([{ proposalId: 'p-1', stars: 4, text: '很好' }]);
  });

  it('asks for stars before sending a rating', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildProposal({ id: 'p-1', state: 'completed', allowedActions: ['rating.set'] })),
      'rating.summary': ok(buildSummary()),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('还没有居民评价')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交评价'));
    expect(screen.getByText('请先点击星星打分')).toBeInTheDocument();
    expect(payloadsOf('rating.set')).toEqual([]);
  });

  it('bounds the rating text and the comment by the numbers the server checks (common/limits)', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildNotice({ id: 'p-1', allowedActions: ['comment.add', 'rating.set'] })),
      'rating.summary': ok(buildSummary()),
      'comment.list': ok(pageOf([])),
    });
    render(<ProposalDetailPage />);
    const native = (placeholder: string) =>
      waitFor(() => {
        const field = screen.getAllByPlaceholderText(placeholder).find((element) => element.matches('textarea'));
        if (!field) throw new Error(`no field with the placeholder ${placeholder}`);
        return field as HTMLTextAreaElement;
      });
    expect((await native('还想说点什么？（可不填）')).maxLength).toBe(TEXT_LIMITS.ratingText);
    expect((await native(COMMENT_PLACEHOLDER)).maxLength).toBe(TEXT_LIMITS.comment);
    expect([TEXT_LIMITS.ratingText, TEXT_LIMITS.comment]).toEqual([300, 500]);
    expect(within(screen.getByTestId('comment-box')).getByText(`0/${TEXT_LIMITS.comment}`)).toBeInTheDocument();
  });

  it('names the state, the category and the source in the glossary words', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildProposal({ id: 'p-1', state: 'adopted', category: 'services', source: 'party_member' })) });
    render(<ProposalDetailPage />);
    expect((await screen.findAllByTestId('state-badge'))[0]).toHaveTextContent(STATE_LABELS.adopted);
    expect(screen.getByText(CATEGORY_LABELS.services)).toBeInTheDocument();
    expect(screen.getByText(SOURCE_LABELS.party_member)).toBeInTheDocument();
    expect([STATE_LABELS.adopted, CATEGORY_LABELS.services, SOURCE_LABELS.party_member]).toEqual(['已采纳', '服务类', '党员民主提案']);
  });

  it('shows ratings without stars to tap when rating.set is not allowed', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(buildProposal({ id: 'p-1', state: 'evaluated', ratingCount: 3, evaluation: { summary: '居民满意度高。', publishedOn: '2026-11-01' } })),
      'rating.summary': ok(buildSummary({ count: 3, average: 4, histogram: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 } })),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('3 位居民评价')).toBeInTheDocument();
    expect(screen.getByText('居民满意度高。')).toBeInTheDocument();
    expect(screen.queryByTestId('rating-form')).not.toBeInTheDocument();
  });

  it('publishes the audit with the spending against the approved budget', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildNotice({
          id: 'p-1',
          state: 'audited',
          allowedActions: [],
          deadlines: {},
          audit: { auditor: '深圳某会计师事务所', spentFen: 1200000, report: '资金使用合规。', publishedOn: '2026-12-01' },
        }),
      ),
      'comment.list': ok(pageOf([])),
      'rating.summary': ok(buildSummary()),
    });
    render(<ProposalDetailPage />);
    const audit = await screen.findByTestId('audit');
    expect(within(audit).getByText('深圳某会计师事务所')).toBeInTheDocument();
    expect(within(audit).getByText('¥12,345.00')).toBeInTheDocument();
    expect(within(audit).getByText('¥12,000.00')).toBeInTheDocument();
    expect(within(audit).getByText('节余 ¥345.00')).toBeInTheDocument();
    expect(within(audit).getByText('资金使用合规。')).toBeInTheDocument();
  });

  it('R-PAY-1: shows what was paid against the approved budget as a bar, per budget line and payment by payment', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({
      'proposal.get': ok(
        buildProposal({
          id: 'p-1',
          state: 'implementing',
          approvedBudgetFen: 5_000_000,
          paidFen: 2_000_000,
          payments: [
            { id: 'pay-1', proposalId: 'p-1', kind: 'advance', amountFen: 2_000_000, paidOn: '2026-09-10', payee: '照明工程公司', voucherRef: '记-031', budgetItem: '路灯', recordedAt: '2026-09-10T02:00:00.000Z' },
          ],
          budgetProgress: [
            { item: '路灯', plannedFen: 4_000_000, paidFen: 2_000_000 },
            { item: '安装', plannedFen: 1_000_000, paidFen: 0 },
          ],
        }),
      ),
    });
    render(<ProposalDetailPage />);
    const card = await screen.findByTestId('payments');
    expect(card).toHaveTextContent('¥20,000.00 / ¥50,000.00');
    expect(within(card).getByTestId('payments-bar')).toHaveAttribute('aria-label', '已支付 40%');
    expect(card).toHaveTextContent('路灯¥20,000.00 / ¥40,000.00');
    expect(card).toHaveTextContent('预付款');
    expect(card).toHaveTextContent('照明工程公司 · 凭证 记-031');
  });

  it('R-PAY-1: shows no payments card before anything was paid', async () => {
    openedWith(DETAIL, { id: 'p-1' });
    answering({ 'proposal.get': ok(buildProposal({ id: 'p-1', state: 'implementing', approvedBudgetFen: 5_000_000 })) });
    render(<ProposalDetailPage />);
    await screen.findByTestId('timeline');
    expect(screen.queryByTestId('payments')).not.toBeInTheDocument();
  });
});
