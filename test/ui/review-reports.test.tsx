import { fireEvent, render, screen, within } from '@testing-library/react';
import type { SummaryRow, SummarySums } from '../../types/api';
import InspectionsPage from '../../src/review/pages/inspections/index';
import SummaryPage from '../../src/review/pages/summary/index';
import { buildMe, directory } from './support/factories';
import { answering, freshStart, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const street = buildMe({ openid: 'u-street-shatoujiao', name: '周审核', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }] });
const district = buildMe({ openid: 'u-district-yantian', name: '郑民政', communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] });

const sums = (overrides: Partial<SummarySums> = {}): SummarySums => ({
  byState: {},
  byCategory: {},
  changes: 0,
  withdrawals: 0,
  approvedFen: 0,
  paidFen: 0,
  auditedFen: 0,
  plannedCount: 0,
  plannedFen: 0,
  overdue: 0,
  stalled: 0,
  meetingsHeld: 0,
  ratingAverage: 0,
  ...overrides,
});
const row = (communityId: string, name: string, overrides: Partial<SummarySums>): SummaryRow => ({ communityId, name, ...sums(overrides) });

const report = (allowedActions: string[]) => ({
  scopeId: 's-shatoujiao',
  year: 2026,
  from: '2026-01-01',
  through: '2026-12-31',
  rows: [
    row('c-zhongying', '中英街社区', { byState: { implementing: 2, audited: 1 }, approvedFen: 40_000_000, paidFen: 10_000_000, plannedCount: 4, plannedFen: 40_000_000 }),
    row('c-qiaoyuan', '桥园社区', { byState: { submitted: 1 }, approvedFen: 10_000_000 }),
  ],
  total: sums({ byState: { implementing: 2, audited: 1, submitted: 1 }, approvedFen: 50_000_000, paidFen: 10_000_000, plannedCount: 4, plannedFen: 40_000_000 }),
  allowedActions,
});

const widthOf = (element: HTMLElement) => element.querySelector<HTMLElement>('.bars__fill')?.style.width;

describe('the summary screen', () => {
  beforeEach(freshStart);

  it('R-RPT-1: draws the money per community as bars, each a share of the largest amount, and the counts by state', async () => {
    answering({ 'me.get': ok(street), 'directory.get': ok(directory), 'report.summary': ok(report(['plan.set'])) });
    render(<SummaryPage />);
    const money = await screen.findByTestId('money-c-zhongying', {}, slow);
    const bars = within(money).getAllByLabelText(/中英街社区/);
    // 计划 ¥400,000 and 已批复 ¥400,000 are the largest: full; 已支付 ¥100,000 a quarter; 已审计 nothing.
    expect(bars.map(widthOf)).toEqual(['100%', '100%', '25%', '0%']);
    expect(within(money).getByText('¥100,000.00')).toBeInTheDocument();
    expect(within(screen.getByTestId('states-implementing')).getByText('2 个')).toBeInTheDocument();
    expect(screen.queryByTestId('states-approved')).toBeNull();
    expect(screen.getByTestId('total-count').textContent).toBe('4 个');
    // Overdue and stalled are counted on the records as they are today: said so under the totals.
    expect(screen.getByTestId('summary-as-of-today')).toHaveTextContent('逾期、停滞为截至今日的数量');
    expect(payloadsOf('report.summary')[0]).toEqual({ scopeId: 's-shatoujiao', year: 2026 });
  });

  it('R-PLN-1: offers the plan when the server allows it, and asks for the year to a quarter\'s end', async () => {
    answering({ 'me.get': ok(street), 'directory.get': ok(directory), 'report.summary': ok(report(['plan.set'])) });
    render(<SummaryPage />);
    fireEvent.click(await screen.findByText('修改 2026 年年度计划', {}, slow));
    expect(navigations.at(-1)).toEqual({ api: 'navigateTo', url: '/review/pages/plan/index?streetId=s-shatoujiao&year=2026' });
    fireEvent.click(screen.getByText('至二季度末'));
    await screen.findByTestId('summary', {}, slow);
    expect(payloadsOf('report.summary').at(-1)).toEqual({ scopeId: 's-shatoujiao', year: 2026, quarter: 2 });
  });

  it('R-PLN-1: shows no plan button when the server does not offer it', async () => {
    answering({ 'me.get': ok(district), 'directory.get': ok(directory), 'report.summary': ok(report([])) });
    render(<SummaryPage />);
    await screen.findByTestId('summary', {}, slow);
    expect(screen.queryByTestId('open-plan')).toBeNull();
  });
});

const inspection = {
  id: 'ins-1',
  scopeId: 's-shatoujiao',
  kind: 'self_check',
  heldOn: '2026-05-12',
  findings: [{ text: '缺少签到表', fixBy: '2026-05-27' }, { text: '公示照片未归档', resolvedOn: '2026-05-20', note: '已补拍归档' }],
  recordedBy: 'u-street-shatoujiao',
  recordedAt: '2026-05-12T02:00:00.000Z',
  version: 2,
};

describe('the inspections screen', () => {
  beforeEach(freshStart);

  it('R-INS-1: lists the findings with their resolution, and offers to resolve only what the server allows', async () => {
    const listing = (allowedActions: string[]) => ok({ items: [inspection], due: [{ kind: 'self_check', year: 2026, month: 5, done: true }], recordKinds: [], allowedActions });
    answering({ 'me.get': ok(district), 'directory.get': ok(directory), 'inspection.list': listing([]) });
    const { unmount } = render(<InspectionsPage />);
    expect(await screen.findByText('发现问题 2 条，待整改 1 条', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('已整改（2026年5月20日）：已补拍归档')).toBeInTheDocument();
    expect(screen.getByText('待整改')).toBeInTheDocument();
    expect(screen.getByText('5 月各街道街道自查均已登记')).toBeInTheDocument();
    expect(screen.queryByText('登记整改')).toBeNull();
    expect(screen.queryByText('登记检查')).toBeNull();
    unmount();
    answering({ 'me.get': ok(district), 'directory.get': ok(directory), 'inspection.list': listing(['inspection.resolve']) });
    render(<InspectionsPage />);
    expect(await screen.findByText('登记整改', {}, slow)).toBeInTheDocument();
  });
});
