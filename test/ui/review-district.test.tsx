import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DistrictPage from '../../src/review/pages/district/index';
import { buildMe, directory } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const districtAdmin = buildMe({ openid: 'u-district-yantian', name: '郑民政', communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] });
const street = buildMe({ openid: 'u-street-haishan', name: '海审核', communityId: null, roles: [{ role: 'street', scopeId: 's-haishan' }] });

const policy = {
  districtId: 'd-yantian',
  year: 2026,
  quotaFen: 200_000_000,
  feeRatioPercent: 10,
  streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 },
  tenderThresholdFen: 40_000_000,
};

const subsidy = {
  districtId: 'd-yantian',
  year: 2026,
  projects: [{ id: 'p-1', communityId: 'c-zhongying', title: '口袋公园座椅', category: 'goods', state: 'audited', approvedBudgetFen: 3_600_000 }],
  communityCount: 3,
  totalApprovedFen: 27_100_000,
  cityMatchFen: 27_100_000,
  dueOn: { on: '2026-11-30', provisional: false },
  lateDueOn: { on: '2027-02-01', provisional: true },
  csv: '项目编号\r\np-1\r\n',
};

async function typeInto(name: string, value: string) {
  const field = screen.getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

describe('the district settings page', () => {
  beforeAll(() => {
    Object.assign(URL, { createObjectURL: () => 'blob:subsidy', revokeObjectURL: () => undefined });
  });
  beforeEach(() => {
    freshStart();
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-11-20' }));
  });

  it('shows a skeleton, then the policy of the year in yuan and the subsidy application with its totals and due date', async () => {
    const me = held();
    answering({
      'me.get': me.reply,
      'directory.get': ok(directory),
      'policy.get': ok(policy),
      'subsidy.application': ok(subsidy),
      'export.create': ok({ fileName: '盐田区-2026年市级补助申报-2026-11-20.xlsx', url: '/exports/x-1.xlsx', rows: 1 }),
    });
    render(<DistrictPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(districtAdmin));
    await screen.findByTestId('policy-form', {}, slow);
    await waitFor(() => expect(screen.getByTestId('field-quotaFen').querySelector('input')?.value).toBe('2000000.00'));
    const application = await screen.findByTestId('subsidy', {}, slow);
    expect(await within(application).findByTestId('subsidy-total', {}, slow)).toHaveTextContent('¥271,000.00');
    expect(within(application).getByTestId('subsidy-match')).toHaveTextContent('¥271,000.00');
    expect(within(application).getByText('2026年11月30日（周一）')).toBeInTheDocument();
    expect(within(application).getByText('口袋公园座椅')).toBeInTheDocument();
    // 导出 Excel: the server makes the workbook, the browser downloads it under its Chinese name.
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(within(application).getByTestId('export-xlsx'));
    expect(await within(application).findByTestId('export-message', {}, slow)).toHaveTextContent('已导出：盐田区-2026年市级补助申报-2026-11-20.xlsx');
    expect(payloadsOf('export.create')).toEqual([{ kind: 'subsidy', scopeId: 'd-yantian', year: 2026, format: 'xlsx' }]);
    expect(clicked.map((link) => [link.getAttribute('href'), link.download])).toEqual([['/exports/x-1.xlsx', '盐田区-2026年市级补助申报-2026-11-20.xlsx']]);
    click.mockRestore();
    expect(payloadsOf('policy.get')).toEqual([{ districtId: 'd-yantian', year: 2026 }]);
    expect(payloadsOf('subsidy.application')).toEqual([{ districtId: 'd-yantian', year: 2026 }]);
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({ 'me.get': async () => (++calls === 1 ? networkDown : ok(districtAdmin)), 'directory.get': ok(directory), 'policy.get': ok(policy), 'subsidy.application': ok(subsidy) });
    render(<DistrictPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByTestId('policy-form', {}, slow)).toBeInTheDocument();
  });

  it('R-REP-2: saves the policy in fen and shows a refusal next to its field', async () => {
    let answer = failure('invalid_input', '服务管理费比例须在 0 到 100 之间', 'feeRatioPercent');
    answering({ 'me.get': ok(districtAdmin), 'directory.get': ok(directory), 'policy.get': ok(policy), 'subsidy.application': ok(subsidy), 'policy.set': async () => answer });
    render(<DistrictPage />);
    await screen.findByTestId('policy-form', {}, slow);
    await typeInto('feeRatioPercent', '8');
    await typeInto('tenderThresholdFen', '350000');
    fireEvent.click(screen.getByTestId('save-policy'));
    expect(await within(screen.getByTestId('field-feeRatioPercent')).findByText('服务管理费比例须在 0 到 100 之间', {}, slow)).toBeInTheDocument();
    expect(payloadsOf('policy.set')).toEqual([{ ...policy, feeRatioPercent: 8, tenderThresholdFen: 35_000_000 }]);
    answer = ok({ ...policy, feeRatioPercent: 8 }) as never;
    fireEvent.click(screen.getByTestId('save-policy'));
    expect(await screen.findByText('政策已保存', {}, slow)).toBeInTheDocument();
  });

  it('sends a street to 人员管理 to appoint staff: no openid is typed by hand (issue 16)', async () => {
    answering({ 'me.get': ok(street), 'directory.get': ok(directory) });
    render(<DistrictPage />);
    const roles = await screen.findByTestId('roles', {}, slow);
    expect(screen.queryByTestId('policy')).not.toBeInTheDocument();
    expect(within(roles).queryByText(/openid/)).not.toBeInTheDocument();
    fireEvent.click(within(roles).getByText('人员管理（邀请、撤销）'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/onboarding/pages/staff/index' }]);
    expect(payloadsOf('role.grant')).toEqual([]);
  });

  it('tells a resident the page is not for them', async () => {
    answering({ 'me.get': ok(buildMe()), 'directory.get': ok(directory) });
    render(<DistrictPage />);
    expect(await screen.findByText('您没有区级设置的权限', {}, slow)).toBeInTheDocument();
  });
});
