import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TEXT_LIMITS } from '../../common/limits';
import type { ProposalView } from '../../types/api';
import StaffProposalPage from '../../src/staff/pages/proposal/index';
import { buildComment, buildNotice, buildProposal, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, openedWith, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);
const PAGE = '/staff/pages/proposal/index';

/** Types into the native field inside the Taro Input / Textarea of the field named `name`. */
async function typeInto(name: string, value: string, scope: HTMLElement = document.body) {
  const field = within(scope).getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

function open(proposal: ProposalView, extra: Record<string, unknown> = {}) {
  let current = proposal;
  answering({
    'proposal.get': async () => ok(current),
    'comment.list': ok(pageOf([])),
    ...extra,
  } as never);
  openedWith(PAGE, { id: proposal.id });
  render(<StaffProposalPage />);
  return { set: (next: ProposalView) => (current = next) };
}

describe('the staff proposal page', () => {
  beforeEach(freshStart);

  it('shows a skeleton until the proposal arrives, then its title', async () => {
    const proposal = held();
    answering({ 'proposal.get': proposal.reply });
    openedWith(PAGE, { id: 'p-1' });
    render(<StaffProposalPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    proposal.release(ok(buildProposal({ id: 'p-1', title: '路灯不亮' })));
    expect(await screen.findByText('路灯不亮', {}, slow)).toBeInTheDocument();
  });

  it('says so when opened without a proposal id', async () => {
    answering({});
    render(<StaffProposalPage />);
    expect(await screen.findByText('没有找到这个项目', {}, slow)).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({ 'proposal.get': async () => (++calls === 1 ? networkDown : ok(buildProposal({ title: '路灯不亮' }))) });
    openedWith(PAGE, { id: 'p-1' });
    render(<StaffProposalPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByText('路灯不亮', {}, slow)).toBeInTheDocument();
  });

  it('offers no step the server does not allow, and says what the project waits for', async () => {
    open(buildProposal({ state: 'street_review', allowedActions: ['audit.trail'] }));
    expect(await screen.findByText('已提交街道审核，请等待街道的审核决定。', {}, slow)).toBeInTheDocument();
    expect(screen.queryByText('采纳')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-editor')).not.toBeInTheDocument();
  });

  it('adopts a proposal', async () => {
    const proposal = buildProposal({ allowedActions: ['proposal.screen'] });
    const page = open(proposal, {
      'proposal.screen': async () => {
        const next = { ...proposal, state: 'adopted' as const, allowedActions: ['proposal.draftReport'] };
        page.set(next);
        return ok(next);
      },
    });
    fireEvent.click(await screen.findByText('采纳', {}, slow));
    fireEvent.click(screen.getByText('确认采纳'));
    await waitFor(() => expect(payloadsOf('proposal.screen')).toEqual([{ id: proposal.id, adopt: true }]));
    expect(await screen.findByText('已采纳，请拟定申请报告', {}, slow)).toBeInTheDocument();
    expect(await screen.findByTestId('report-editor', {}, slow)).toBeInTheDocument();
  });

  it('does not adopt without an explanation to the proposer, then sends it with the exclusion', async () => {
    const proposal = buildProposal({ allowedActions: ['proposal.screen'] });
    open(proposal, { 'proposal.screen': ok({ ...proposal, state: 'not_adopted', allowedActions: [] }) });
    fireEvent.click(await screen.findByText('不采纳', {}, slow));
    fireEvent.click(screen.getByText('确认不采纳'));
    expect(within(screen.getByTestId('field-explanation')).getByText('请填写给提议人的解释说明')).toBeInTheDocument();
    expect(payloadsOf('proposal.screen')).toEqual([]);

    expect(within(screen.getByTestId('field-explanation')).getByText(`0/${TEXT_LIMITS.explanation}`)).toBeInTheDocument();
    fireEvent.click(screen.getByText('属物业管理公司等主体职责'));
    await typeInto('explanation', '路灯由物业负责维修，已转告物业。');
    fireEvent.click(screen.getByText('确认不采纳'));
    await waitFor(() =>
      expect(payloadsOf('proposal.screen')).toEqual([
        { id: proposal.id, adopt: false, explanation: '路灯由物业负责维修，已转告物业。', exclusion: 'property_duty' },
      ]),
    );
  });

  describe('the application report editor', () => {
    const adopted = () => buildProposal({ state: 'adopted', category: 'services', allowedActions: ['proposal.draftReport'] });

    async function fillReport(lines: [string, string, boolean][]) {
      await typeInto('reason', '解决学生课后看护');
      await typeInto('overview', '开设课后托管 60 次');
      await typeInto('plan', '委托社工机构开展');
      for (const [index, [item, yuan, fee]] of lines.entries()) {
        if (index > 0) fireEvent.click(screen.getByTestId('add-line'));
        const line = await screen.findByTestId(`budget-line-${index}`);
        await typeInto(`budgetLines.${index}.item`, item, line);
        await typeInto(`budgetLines.${index}.amountFen`, yuan, line);
        if (fee) fireEvent.click(within(line).getByRole('checkbox'));
      }
    }

    it('bounds every field by the number the server checks for it (common/limits)', async () => {
      open(adopted());
      const line = await screen.findByTestId('budget-line-0', {}, slow);
      const maxLengthOf = async (name: string, scope: HTMLElement = document.body) =>
        (
          await waitFor(() => {
            const native = within(scope).getByTestId(`field-${name}`).querySelector<HTMLInputElement>('input, textarea');
            if (!native) throw new Error(`no native field in ${name}`);
            return native;
          })
        ).maxLength;
      expect(await maxLengthOf('reason')).toBe(TEXT_LIMITS.reason);
      expect(await maxLengthOf('overview')).toBe(TEXT_LIMITS.reason);
      expect(await maxLengthOf('plan')).toBe(TEXT_LIMITS.plan);
      expect(await maxLengthOf('budgetLines.0.item', line)).toBe(TEXT_LIMITS.shortText);
      expect([TEXT_LIMITS.reason, TEXT_LIMITS.plan, TEXT_LIMITS.shortText]).toEqual([2000, 5000, 100]);
    });

    it('R-REP-2: totals the lines as they are typed and shows the services fee share', async () => {
      open(adopted());
      await screen.findByTestId('report-editor', {}, slow);
      await fillReport([
        ['托管服务', '44000', false],
        ['服务管理费', '6000', true],
      ]);
      expect(screen.getByTestId('budget-total')).toHaveTextContent('¥50,000.00');
      expect(screen.getByTestId('fee-share')).toHaveTextContent('¥6,000.00（占 12.0%）');
      // The ceiling as the lines are typed (the default 10% until the district's policy answers).
      expect(screen.getByTestId('fee-ceiling')).toHaveTextContent('服务管理费上限为预算的 10%，即 ¥5,000.00；已超出 ¥1,000.00');
      // Yuan text becomes fen exactly: 0.1 yuan is 10 fen.
      fireEvent.click(screen.getByTestId('add-line'));
      const third = await screen.findByTestId('budget-line-2');
      await typeInto('budgetLines.2.amountFen', '0.1', third);
      expect(screen.getByTestId('budget-total')).toHaveTextContent('¥50,000.10');
    });

    it('R-REP-2: shows the server refusing a 12% fee next to the budget lines, then saves 10%', async () => {
      const proposal = adopted();
      let answer = failure('fee_ratio_exceeded', '服务管理费 ¥6,000.00 超过预算总额 ¥50,000.00 的 10%', 'budgetLines');
      const page = open(proposal, {
        'proposal.draftReport': async () => {
          if (!answer.ok) return answer;
          return answer;
        },
      });
      await screen.findByTestId('report-editor', {}, slow);
      await fillReport([
        ['托管服务', '44000', false],
        ['服务管理费', '6000.00', true],
      ]);
      fireEvent.click(screen.getByTestId('save-report'));
      const refusal = await screen.findByTestId('error-budgetLines', {}, slow);
      expect(refusal).toHaveTextContent('服务管理费 ¥6,000.00 超过预算总额 ¥50,000.00 的 10%');
      expect(payloadsOf('proposal.draftReport')[0]).toEqual({
        id: proposal.id,
        reason: '解决学生课后看护',
        overview: '开设课后托管 60 次',
        plan: '委托社工机构开展',
        budgetLines: [
          { item: '托管服务', amountFen: 4_400_000 },
          { item: '服务管理费', amountFen: 600_000, fee: true },
        ],
      });

      const drafted = {
        ...proposal,
        state: 'drafted' as const,
        report: {
          reason: '解决学生课后看护',
          overview: '开设课后托管 60 次',
          plan: '委托社工机构开展',
          budgetLines: [
            { item: '托管服务', amountFen: 4_500_000 },
            { item: '服务管理费', amountFen: 500_000, fee: true },
          ],
          budgetFen: 5_000_000,
          feeFen: 500_000,
        },
        allowedActions: ['proposal.draftReport', 'council.publishAgenda'],
      };
      answer = ok(drafted) as never;
      page.set(drafted);
      await typeInto('budgetLines.0.amountFen', '45000', screen.getByTestId('budget-line-0'));
      await typeInto('budgetLines.1.amountFen', '5000', screen.getByTestId('budget-line-1'));
      expect(screen.queryByTestId('error-budgetLines')).not.toBeInTheDocument();
      expect(screen.getByTestId('fee-share')).toHaveTextContent('¥5,000.00（占 10.0%）');
      expect(screen.getByTestId('fee-ceiling')).toHaveTextContent('即 ¥5,000.00；还可填 ¥0.00');
      fireEvent.click(screen.getByTestId('save-report'));
      expect(await screen.findByText('申请报告已保存', {}, slow)).toBeInTheDocument();
      expect(payloadsOf('proposal.draftReport')[1].budgetLines).toEqual([
        { item: '托管服务', amountFen: 4_500_000 },
        { item: '服务管理费', amountFen: 500_000, fee: true },
      ]);
      // Drafted: the next step is the council's agenda.
      expect(await screen.findByText('去发布议事公示', {}, slow)).toBeInTheDocument();
    });

    it('refuses an amount with more than two decimals next to its line, before sending', async () => {
      open(adopted());
      await screen.findByTestId('report-editor', {}, slow);
      await fillReport([['托管服务', '12.345', false]]);
      fireEvent.click(screen.getByTestId('save-report'));
      expect(within(screen.getByTestId('field-budgetLines.0.amountFen')).getByText('金额最多精确到分（两位小数）')).toBeInTheDocument();
      expect(payloadsOf('proposal.draftReport')).toEqual([]);
    });
  });

  it('publishes the publicity notice after a confirmation', async () => {
    const approved = buildProposal({ state: 'approved', approvedBudgetFen: 5_000_000, allowedActions: ['publicity.publish'] });
    open(approved, { 'publicity.publish': ok(buildNotice({ id: approved.id })) });
    fireEvent.click(await screen.findByTestId('publish-publicity', {}, slow));
    expect(payloadsOf('publicity.publish')).toEqual([]);
    expect(screen.getByText('¥50,000.00')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('publish-publicity-confirm'));
    await waitFor(() => expect(payloadsOf('publicity.publish')).toEqual([{ id: approved.id }]));
    expect(await screen.findByText('公示已发布，公示期至 2026年9月22日', {}, slow)).toBeInTheDocument();
  });

  it('answers a comment, and publishes a pending one', async () => {
    const notice = buildNotice({ allowedActions: ['comment.reply', 'comment.moderate'], commentCount: 1 });
    const question = buildComment({ proposalId: notice.id, text: '扶手什么颜色？', author: '李秀英' });
    const pending = buildComment({ proposalId: notice.id, text: '加微信了解详情', status: 'pending' });
    open(notice, {
      'comment.list': ok(pageOf([question, pending])),
      'comment.reply': ok({ ...question, reply: { text: '不锈钢本色。', repliedAt: '2026-09-19T03:00:00.000Z' } }),
      'comment.moderate': ok({ ...pending, status: 'published' }),
    });
    const comments = await screen.findAllByTestId('staff-comment', {}, slow);
    expect(within(comments[1]).getByText('待审核，居民暂看不到')).toBeInTheDocument();
    expect(within(comments[0]).getByText(`0/${TEXT_LIMITS.reply}`)).toBeInTheDocument();
    await typeInto(`reply-${question.id}`, '不锈钢本色。', comments[0]);
    fireEvent.click(within(comments[0]).getByText('发送回复'));
    await waitFor(() => expect(payloadsOf('comment.reply')).toEqual([{ commentId: question.id, text: '不锈钢本色。' }]));
    fireEvent.click(within(comments[1]).getByText('公开'));
    await waitFor(() => expect(payloadsOf('comment.moderate')).toEqual([{ commentId: pending.id, publish: true }]));
  });

  it('assigns the implementer and shows the server asking for the tender record next to its field', async () => {
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-09-23' }));
    const notice = buildNotice({ approvedBudgetFen: 45_000_000, deadlines: {}, allowedActions: ['implementation.assign'] });
    open(notice, {
      'implementation.assign': failure('invalid_input', '预算达到招标限额 ¥400,000.00，须登记招标记录', 'tenderRef'),
    });
    await screen.findByTestId('step-assign', {}, slow);
    await typeInto('implementer', '田心社工服务社');
    // Today (the dev bar's day) is the date unless another is picked.
    expect(screen.getByRole('radio', { name: '今天 9月23日 周三' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId('send-assign'));
    expect(await within(screen.getByTestId('field-tenderRef')).findByText('预算达到招标限额 ¥400,000.00，须登记招标记录', {}, slow)).toBeInTheDocument();
    expect(payloadsOf('implementation.assign')).toEqual([{ id: notice.id, implementer: '田心社工服务社', assignedOn: '2026-09-23' }]);
  });

  it('records the completion with the maintenance unit', async () => {
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-11-20' }));
    const implementing = buildProposal({ state: 'implementing', allowedActions: ['implementation.complete', 'change.request'] });
    open(implementing, { 'implementation.complete': ok({ ...implementing, state: 'completed', allowedActions: [] }) });
    await screen.findByTestId('step-complete', {}, slow);
    fireEvent.click(screen.getByTestId('send-complete'));
    expect(within(screen.getByTestId('field-maintenanceUnit')).getByText('请填写后续管养单位')).toBeInTheDocument();
    await typeInto('maintenanceUnit', '田心社区工作站');
    await typeInto('maintenanceFunding', '社区党群服务经费');
    fireEvent.click(screen.getByRole('radio', { name: '11月19日 周四' }));
    fireEvent.click(screen.getByTestId('send-complete'));
    await waitFor(() =>
      expect(payloadsOf('implementation.complete')).toEqual([
        { id: implementing.id, completedOn: '2026-11-19', maintenanceUnit: '田心社区工作站', maintenanceFunding: '社区党群服务经费' },
      ]),
    );
  });

  it('R-ACC-1: the completion form asks for the acceptance and sends it with the completion', async () => {
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-11-20' }));
    const implementing = buildProposal({ state: 'implementing', allowedActions: ['implementation.complete'] });
    open(implementing, { 'implementation.complete': ok({ ...implementing, state: 'completed', allowedActions: [] }) });
    await screen.findByTestId('step-complete', {}, slow);
    await typeInto('maintenanceUnit', '田心社区工作站');
    await typeInto('maintenanceFunding', '社区党群服务经费');
    await typeInto('opinion', '两处器材松动，限期整改');
    fireEvent.click(screen.getByTestId('send-complete'));
    expect(within(screen.getByTestId('field-participants')).getByText('请填写参加验收的人员')).toBeInTheDocument();
    await typeInto('participants', '社区工作站、居民代表');
    fireEvent.click(screen.getByTestId('acceptance-passed'));
    fireEvent.click(screen.getByTestId('send-complete'));
    await waitFor(() =>
      expect(payloadsOf('implementation.complete')).toEqual([
        {
          id: implementing.id,
          completedOn: '2026-11-20',
          maintenanceUnit: '田心社区工作站',
          maintenanceFunding: '社区党群服务经费',
          acceptance: { acceptedOn: '2026-11-20', participants: ['社区工作站', '居民代表'], opinion: '两处器材松动，限期整改', passed: false },
        },
      ]),
    );
  });

  it('asks the street for a budget change in yuan, sent in fen', async () => {
    const implementing = buildProposal({ state: 'implementing', approvedBudgetFen: 5_000_000, allowedActions: ['change.request'] });
    open(implementing, { 'change.request': ok({ id: 'ch-1', proposalId: implementing.id, kind: 'adjust', reason: '增加场次', newBudgetFen: 5_500_050, state: 'pending', requestedOn: '2026-10-01' }) });
    fireEvent.click(await screen.findByTestId('open-change', {}, slow));
    fireEvent.click(screen.getByText('调整预算'));
    await typeInto('newBudgetFen', '55000.5');
    await typeInto('reason', '增加场次');
    fireEvent.click(screen.getByTestId('send-change'));
    await waitFor(() => expect(payloadsOf('change.request')).toEqual([{ id: implementing.id, kind: 'adjust', reason: '增加场次', newBudgetFen: 5_500_050 }]));
    expect(await screen.findByText('预算调整申请已提交街道审核', {}, slow)).toBeInTheDocument();
  });

  it('sends the worker to the council page for the agenda', async () => {
    open(buildProposal({ state: 'drafted', allowedActions: ['proposal.draftReport', 'council.publishAgenda'] }));
    fireEvent.click(await screen.findByTestId('go-council', {}, slow));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/staff/pages/council/index' }]);
  });
});
