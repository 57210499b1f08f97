import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../src/review/pages/ledger/index';
import { buildLedger, buildMe, directory } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const street = buildMe({ openid: 'u-street-shatoujiao', name: '周审核', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }] });
const district = buildMe({ openid: 'u-district-yantian', name: '郑民政', communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] });

async function typeInto(name: string, value: string, scope: HTMLElement) {
  const field = within(scope).getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

describe('the ledger page', () => {
  beforeEach(() => {
    freshStart();
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-09-14' }));
  });

  it('shows a skeleton, then every community of the street with its quota, allocated, approved and spent', async () => {
    const me = held();
    answering({
      'me.get': me.reply,
      'directory.get': ok(directory),
      'ledger.get': (payload: { communityId: string }) =>
        ok(buildLedger({ communityId: payload.communityId, approvedFen: payload.communityId === 'c-zhongying' ? 27_100_000 : 0, spentFen: 3_520_000 })),
    });
    render(<LedgerPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(street));
    const zhongying = await screen.findByTestId('ledger-c-zhongying', {}, slow);
    expect(within(zhongying).getByText('中英街社区')).toBeInTheDocument();
    expect(within(zhongying).getByText('¥271,000.00')).toBeInTheDocument();
    expect(within(zhongying).getByText('¥35,200.00')).toBeInTheDocument();
    expect(screen.getByTestId('ledger-c-qiaoyuan')).toBeInTheDocument();
    expect(screen.queryByTestId('ledger-c-tianxin')).not.toBeInTheDocument();
    expect(payloadsOf('ledger.get')).toEqual([
      { communityId: 'c-zhongying', year: 2026 },
      { communityId: 'c-qiaoyuan', year: 2026 },
    ]);
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({ 'me.get': ok(street), 'directory.get': ok(directory), 'ledger.get': async (payload: { communityId: string }) => (++calls === 1 ? networkDown : ok(buildLedger({ communityId: payload.communityId }))) });
    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByTestId('ledger-c-zhongying', {}, slow)).toBeInTheDocument();
  });

  it('says so for a scope without communities', async () => {
    answering({ 'me.get': ok(street), 'directory.get': ok({ districts: [] }) });
    render(<LedgerPage />);
    expect(await screen.findByText('这个范围内没有社区', {}, slow)).toBeInTheDocument();
  });

  it('R-FUN-2: the street allocates in yuan, and sees the server refusing too little', async () => {
    let answer = failure('invalid_input', '年初下达不得少于年度额度的一半', 'allocatedFen');
    answering({
      'me.get': ok(street),
      'directory.get': ok(directory),
      'ledger.get': (payload: { communityId: string }) => ok(buildLedger({ communityId: payload.communityId, allocatedFen: 0, approvedFen: 0, remainingFen: 0 })),
      'ledger.allocate': async () => answer,
    });
    render(<LedgerPage />);
    fireEvent.click(await screen.findByTestId('open-allocate-c-qiaoyuan', {}, slow));
    const form = screen.getByTestId('allocate-c-qiaoyuan');
    await typeInto('allocatedFen', '500000', form);
    fireEvent.click(screen.getByTestId('send-allocate-c-qiaoyuan'));
    expect(await within(form).findByText('年初下达不得少于年度额度的一半', {}, slow)).toBeInTheDocument();
    answer = ok(buildLedger({ communityId: 'c-qiaoyuan', allocatedFen: 120_000_000 })) as never;
    await typeInto('allocatedFen', '1200000', form);
    // The amount is read back with separators, so that a zero too many shows at once.
    expect(within(form).getByTestId('echo-allocatedFen')).toHaveTextContent('即 ¥1,200,000.00');
    fireEvent.click(screen.getByTestId('send-allocate-c-qiaoyuan'));
    expect(await screen.findByText('下达成功：本年度已下达 ¥1,200,000.00', {}, slow)).toBeInTheDocument();
    expect(payloadsOf('ledger.allocate')).toEqual([
      { communityId: 'c-qiaoyuan', year: 2026, allocatedFen: 50_000_000 },
      { communityId: 'c-qiaoyuan', year: 2026, allocatedFen: 120_000_000 },
    ]);
  });

  it('shows the district every community of the district, without allocating', async () => {
    answering({ 'me.get': ok(district), 'directory.get': ok(directory), 'ledger.get': (payload: { communityId: string }) => ok(buildLedger({ communityId: payload.communityId })) });
    render(<LedgerPage />);
    expect(await screen.findByTestId('ledger-c-tianxin', {}, slow)).toBeInTheDocument();
    expect(screen.queryByText('调整已下达资金')).not.toBeInTheDocument();
  });
});
