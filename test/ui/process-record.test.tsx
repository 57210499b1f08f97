import { createHash } from 'crypto';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { hashInput, GENESIS_HASH, type HashedFields } from '../../common/audit-hash';
import { ProcessRecord } from '../../src/components/ProcessRecord';
import { buildProposal } from './support/factories';
import { answering, freshStart, ok, payloadsOf } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

/** A chain as the backend writes it (node:crypto), to be checked by the page's pure SHA-256. */
function chainOf(drafts: Omit<HashedFields, 'seq' | 'chainId'>[]) {
  let prevHash = GENESIS_HASH;
  return drafts.map((draft, index) => {
    const entry = { ...draft, chainId: 'p-1', seq: index + 1 };
    const hash = createHash('sha256').update(hashInput(prevHash, entry)).digest('hex');
    const full = { ...entry, prevHash, hash };
    prevHash = hash;
    return full;
  });
}

const trail = chainOf([
  { at: '2026-03-02T02:00:00.000Z', actor: 'u-res-1', action: 'proposal.submit', from: null, to: 'submitted', detail: { source: 'resident' } },
  { at: '2026-03-03T02:00:00.000Z', actor: 'u-com-zhongying', action: 'proposal.screen', from: 'submitted', to: 'adopted', detail: {} },
  { at: '2026-03-27T02:00:00.000Z', actor: 'u-street-shatoujiao', action: 'review.decide', from: 'street_review', to: 'approved', detail: { approvedBudgetFen: 5_000_000 } },
]);

const approved = buildProposal({
  id: 'p-1',
  state: 'approved',
  screening: { adopt: true, decidedOn: '2026-03-03' },
  submittedToStreetOn: '2026-03-13',
  review: { outcome: 'approved', decidedOn: '2026-03-27' },
  approvedBudgetFen: 5_000_000,
});

describe('办理记录 on a proposal page', () => {
  beforeEach(() => freshStart());

  it('R-TRN-1: shows everyone the public steps: which role acted, when, what changed — and no audit trail', () => {
    render(<ProcessRecord proposal={{ ...approved, allowedActions: [] }} />);
    const record = screen.getByTestId('process-record');
    expect(record).toHaveTextContent('社区工作人员2026年3月3日状态变为「已采纳」');
    expect(record).toHaveTextContent('街道审核人员2026年3月27日状态变为「审核通过」，批复预算 ¥50,000.00');
    expect(screen.queryByTestId('load-audit-trail')).not.toBeInTheDocument();
  });

  it('R-SUP-2: staff in scope read the full trail with hashes and verify the chain in the app; an edited entry is found', async () => {
    const edited = trail.map((entry, index) => (index === 1 ? { ...entry, detail: { note: '改过' } } : entry));
    let answer = ok({ entries: trail });
    answering({ 'audit.trail': async () => answer });
    const { unmount } = render(<ProcessRecord proposal={{ ...approved, allowedActions: ['audit.trail'] }} />);
    fireEvent.click(screen.getByTestId('load-audit-trail'));
    const shown = await screen.findByTestId('audit-trail', {}, slow);
    expect(payloadsOf('audit.trail')).toEqual([{ id: 'p-1', full: true }]);
    expect(shown).toHaveTextContent(`哈希 ${trail[2].hash.slice(0, 10)}… ← 上一条 ${trail[1].hash.slice(0, 10)}…`);
    expect(shown).toHaveTextContent('已提交 → 已采纳');
    fireEvent.click(screen.getByTestId('verify-chain'));
    expect(screen.getByTestId('chain-verdict')).toHaveTextContent('校验通过：3 条记录逐条重算哈希，链条完整，未被改动。');
    unmount();

    answer = ok({ entries: edited });
    render(<ProcessRecord proposal={{ ...approved, allowedActions: ['audit.trail'] }} />);
    fireEvent.click(screen.getByTestId('load-audit-trail'));
    fireEvent.click(await screen.findByTestId('verify-chain', {}, slow));
    expect(within(screen.getByTestId('audit-trail')).getByTestId('chain-verdict')).toHaveTextContent('校验失败：第 2 条记录内容与哈希不符（记录被改动）。前 1 条完好。');
  });
});
