import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../src/review/pages/audit/index';
import { buildProposal } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, openedWith, payloadsOf } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);
const PAGE = '/review/pages/audit/index';

async function typeInto(name: string, value: string) {
  const field = screen.getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

const evaluated = () =>
  buildProposal({
    state: 'evaluated',
    title: '口袋公园座椅',
    approvedBudgetFen: 3_600_000,
    evaluation: { summary: '居民满意。', publishedOn: '2026-09-07' },
    ratingCount: 2,
    ratingAverage: 4.5,
    allowedActions: ['audit.publish'],
  });

describe('the audit page', () => {
  beforeEach(freshStart);

  it('shows a skeleton, then the project and the audit form', async () => {
    const proposal = held();
    answering({ 'proposal.get': proposal.reply });
    openedWith(PAGE, { id: 'p-1' });
    render(<AuditPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    proposal.release(ok(evaluated()));
    expect(await screen.findByTestId('audit-form', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('2 位居民，平均 4.5 星')).toBeInTheDocument();
  });

  it('says so without an id, and retries after an error', async () => {
    answering({});
    const { unmount } = render(<AuditPage />);
    expect(await screen.findByText('没有找到这个项目', {}, slow)).toBeInTheDocument();
    unmount();
    let calls = 0;
    answering({ 'proposal.get': async () => (++calls === 1 ? networkDown : ok(evaluated())) });
    openedWith(PAGE, { id: 'p-1' });
    render(<AuditPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByTestId('audit-form', {}, slow)).toBeInTheDocument();
  });

  it('R-AUD-1: publishes the audit with the final spending in fen, showing what is left of the budget', async () => {
    const proposal = evaluated();
    let answer = failure('invalid_input', '请填写审计结果', 'report');
    answering({ 'proposal.get': ok(proposal), 'audit.publish': async () => answer });
    openedWith(PAGE, { id: proposal.id });
    render(<AuditPage />);
    await screen.findByTestId('audit-form', {}, slow);
    await typeInto('auditor', '盐田审计所');
    await typeInto('spentFen', '35200');
    expect(screen.getByTestId('spend-difference')).toHaveTextContent('节余 ¥800.00');
    await typeInto('report', '资金使用规范。');
    answer = ok({ ...proposal, state: 'audited', allowedActions: [], audit: { auditor: '盐田审计所', spentFen: 3_520_000, report: '资金使用规范。', publishedOn: '2026-09-22' } }) as never;
    fireEvent.click(screen.getByTestId('send-audit'));
    await waitFor(() => expect(payloadsOf('audit.publish')).toEqual([{ id: proposal.id, auditor: '盐田审计所', spentFen: 3_520_000, report: '资金使用规范。' }]));
    expect(await screen.findByText('审计结果已发布，实际支出 ¥35,200.00', {}, slow)).toBeInTheDocument();
  });

  it('shows a server refusal next to its field', async () => {
    const proposal = evaluated();
    answering({ 'proposal.get': ok(proposal), 'audit.publish': failure('invalid_input', '实际支出须为以分计的非负整数', 'spentFen') });
    openedWith(PAGE, { id: proposal.id });
    render(<AuditPage />);
    await screen.findByTestId('audit-form', {}, slow);
    await typeInto('auditor', '盐田审计所');
    await typeInto('spentFen', '1');
    await typeInto('report', '合规');
    fireEvent.click(screen.getByTestId('send-audit'));
    expect(await within(screen.getByTestId('field-spentFen')).findByText('实际支出须为以分计的非负整数', {}, slow)).toBeInTheDocument();
  });

  it('shows the published audit without a form when publishing is not allowed', async () => {
    const proposal = buildProposal({ state: 'audited', allowedActions: [], audit: { auditor: '盐田审计所', spentFen: 3_520_000, report: '合规。', publishedOn: '2026-09-22' } });
    answering({ 'proposal.get': ok(proposal) });
    openedWith(PAGE, { id: proposal.id });
    render(<AuditPage />);
    const record = await screen.findByTestId('audit-record', {}, slow);
    expect(within(record).getByText('¥35,200.00')).toBeInTheDocument();
    expect(screen.queryByTestId('audit-form')).not.toBeInTheDocument();
  });
});
