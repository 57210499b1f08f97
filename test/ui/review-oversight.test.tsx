import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import OversightPage from '../../src/review/pages/oversight/index';
import { buildMe, directory, pageOf } from './support/factories';
import { answering, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const district = buildMe({ openid: 'u-district-yantian', name: '郑民政', communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] });
const CSV = '项目编号,社区,项目名称,状态,缺少的材料\r\np-1,c-qiaoyuan,共享图书角,已完工,后续管养单位及资金安排\r\n';

describe('the oversight page', () => {
  const created: Blob[] = [];
  beforeAll(() => {
    // jsdom has no object URLs: record the Blob the page makes its link from.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return `blob:csv-${created.length}`;
      },
      revokeObjectURL: () => undefined,
    });
  });
  beforeEach(() => {
    freshStart();
    created.length = 0;
  });

  it('shows a skeleton, then empty lists for a clean scope', async () => {
    const me = held();
    answering({ 'me.get': me.reply, 'directory.get': ok(directory), 'oversight.overdue': ok(pageOf([])), 'oversight.checklist': ok({ ...pageOf([]), csv: '项目编号\r\n' }) });
    render(<OversightPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(district));
    expect(await screen.findByText('没有逾期的项目', {}, slow)).toBeInTheDocument();
    expect(await screen.findByText('各项目材料齐全', {}, slow)).toBeInTheDocument();
    expect(payloadsOf('oversight.overdue')).toEqual([{ scopeId: 'd-yantian', limit: 20 }]);
  });

  it('one holding two grants picks one under 选择身份; a range picked under the first does not carry over to the second', async () => {
    const twoGrants = buildMe({ openid: 'u-two', name: '林监督', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }, { role: 'supervisor', scopeId: 'd-yantian' }] });
    answering({ 'me.get': ok(twoGrants), 'directory.get': ok(directory), 'oversight.overdue': ok(pageOf([])), 'oversight.checklist': ok({ ...pageOf([]), csv: '' }) });
    render(<OversightPage />);
    const grants = await screen.findByRole('radiogroup', { name: '选择身份' }, slow);
    expect(within(grants).getAllByRole('radio').map((chip) => chip.textContent)).toEqual(['街道审核人员 · 沙头角街道', '监督员 · 盐田区']);
    await screen.findByText('没有逾期的项目', {}, slow);
    // Under the street: its own unit and its communities, never another street.
    const ranges = () => within(screen.getByRole('radiogroup', { name: '检查范围' })).getAllByRole('radio').map((chip) => chip.textContent);
    expect(ranges()).toEqual(['沙头角街道', '中英街社区', '桥园社区']);
    fireEvent.click(screen.getByRole('radio', { name: '中英街社区' }));
    await waitFor(() => expect(payloadsOf('oversight.overdue').at(-1)).toEqual({ scopeId: 'c-zhongying', limit: 20 }), slow);
    // The supervisor's grant starts from the district, though 中英街社区 lies under it too.
    fireEvent.click(within(grants).getByRole('radio', { name: '监督员 · 盐田区' }));
    await waitFor(() => expect(payloadsOf('oversight.overdue').at(-1)).toEqual({ scopeId: 'd-yantian', limit: 20 }), slow);
    expect(ranges()).toEqual(['盐田区', '沙头角街道', '中英街社区', '桥园社区', '海山街道', '田心社区']);
    expect(screen.getByRole('radio', { name: '盐田区' })).toHaveAttribute('aria-checked', 'true');
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({
      'me.get': ok(district),
      'directory.get': ok(directory),
      'oversight.overdue': async () => (++calls === 1 ? networkDown : ok(pageOf([]))),
      'oversight.checklist': ok({ ...pageOf([]), csv: '' }),
    });
    render(<OversightPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByText('没有逾期的项目', {}, slow)).toBeInTheDocument();
  });

  it('R-SUP-1: lists the overdue records and the missing documents of a scope, with 导出 Excel (or CSV) as a download', async () => {
    answering({
      'me.get': ok(district),
      'directory.get': ok(directory),
      'oversight.overdue': ok(pageOf([{ id: 'p-9', communityId: 'c-qiaoyuan', title: '共享图书角', state: 'street_review', overdue: [{ deadline: 'reviewDueOn', on: '2026-12-15', label: '街道审核逾期' }] }])),
      'oversight.checklist': ok({ ...pageOf([{ id: 'p-1', communityId: 'c-qiaoyuan', title: '共享图书角', state: 'completed', missing: [{ id: 'completion.maintenance', label: '后续管养单位及资金安排' }] }]), csv: CSV }),
      'export.create': async (payload: any) => ok({ fileName: `盐田区-材料检查清单.${payload.format}`, url: `/exports/x-1.${payload.format}`, rows: 1 }),
    });
    render(<OversightPage />);
    expect(await screen.findByText('街道审核逾期：截止 2026年12月15日（周二）', {}, slow)).toBeInTheDocument();
    // An overdue review opens the decision page.
    fireEvent.click(screen.getByRole('link', { name: '共享图书角' }));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/review/pages/decide/index?id=p-9' }]);
    const checklist = screen.getByTestId('checklist');
    expect(await within(checklist).findByText('缺少：后续管养单位及资金安排', {}, slow)).toBeInTheDocument();
    // 导出 Excel (CSV stays an option): the server makes the file, the browser downloads it.
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(within(checklist).getByText('或导出 CSV'));
    expect(await within(checklist).findByTestId('export-message', {}, slow)).toHaveTextContent('已导出：盐田区-材料检查清单.csv');
    expect(payloadsOf('export.create')).toEqual([{ kind: 'checklist', scopeId: 'd-yantian', format: 'csv' }]);
    expect(clicked.map((link) => link.download)).toEqual(['盐田区-材料检查清单.csv']);
    click.mockRestore();

    // Another scope: a street of the district.
    fireEvent.click(screen.getByText('沙头角街道'));
    await waitFor(() => expect(payloadsOf('oversight.checklist').map((payload) => payload.scopeId)).toEqual(['d-yantian', 's-shatoujiao']));
  });
});
