import type { Inspection, ProposalRecord } from '../../../types/domain';
import type { AuditDraft, ProposalIndexing, Store, StoredProposal } from '../../../backend/app/ports/store.port';
import { buildProposal } from '../../domain/factories';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, sqliteTarget, type OpenedStore } from './targets';

// Issue 18 (inspections, plans, reports): the port's new methods, the same on every adapter.

const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
const ZHONGYING = { communityId: 'c-zhongying', streetId: 's-shatoujiao', districtId: 'd-yantian' };
const AT = '2026-05-12T02:00:00.000Z';
const NO_INDEXING: ProposalIndexing = { openDeadlineOn: null, missingDocuments: [] };
let serial = 0;
const nextId = (prefix: string) => `${prefix}-reports-${String(++serial).padStart(4, '0')}`;
const audit = (chainId: string): AuditDraft => ({ chainId, at: AT, actor: 'u-contract', action: 'contract', from: null, to: null, detail: {} });

async function create(store: Store, overrides: Partial<ProposalRecord>): Promise<StoredProposal> {
  const record = buildProposal({ id: nextId('p'), ...TIANXIN, version: 1, proposerOpenid: 'u-res-3', ...overrides });
  const outcome = await store.createProposal({
    record,
    indexing: NO_INDEXING,
    request: { openid: 'u-res-3', action: 'proposal.submit', requestId: nextId('req') },
    rateLimit: { openid: 'u-res-3', action: 'proposal.submit', windowStart: '2026-05-12', max: 1000 },
    audit: audit(record.id),
    outbox: [],
  });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.value.stored;
}

function inspection(overrides: Partial<Inspection> = {}): Inspection {
  return { id: nextId('ins'), scopeId: 's-haishan', kind: 'self_check', heldOn: '2026-05-12', findings: [{ text: '问题' }], recordedBy: 'u-street-haishan', recordedAt: AT, version: 1, ...overrides };
}

describe.each([sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget])('the Store contract (inspections, plans, reports) on $name', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await target.open();
    store = opened.store;
  });
  afterEach(async () => opened.close());

  it('R-INS-1: an inspection is filed under its unit and the units above it, and updated only at its version', async () => {
    const street = await store.saveInspection({ inspection: inspection(), place: { streetId: 's-haishan', districtId: 'd-yantian' }, audit: audit('inspection:a') });
    const census = await store.saveInspection({ inspection: inspection({ scopeId: 'd-yantian', kind: 'census', heldOn: '2026-11-10' }), place: { districtId: 'd-yantian' }, audit: audit('inspection:b') });
    expect((await store.listInspections({ kind: 'street', id: 's-haishan' }, undefined)).map((i) => i.id)).toEqual([street.id]);
    expect((await store.listInspections({ kind: 'district', id: 'd-yantian' }, 2026)).map((i) => i.id)).toEqual([census.id, street.id]);
    expect((await store.listInspections({ kind: 'all' }, 2025))).toEqual([]);
    expect(await store.findInspection(street.id)).toEqual({ inspection: street, place: { streetId: 's-haishan', districtId: 'd-yantian' } });
    expect(await store.findInspection('ins-none')).toBeNull();
    const resolved = { ...street, findings: [{ text: '问题', resolvedOn: '2026-05-20', note: '已整改' }] };
    const updated = await store.updateInspection({ inspection: resolved, expectedVersion: 1, audit: audit('inspection:a'), outbox: [] });
    expect(updated).toEqual({ ok: true, value: { ...resolved, version: 2 } });
    expect(await store.updateInspection({ inspection: resolved, expectedVersion: 1, audit: audit('inspection:a'), outbox: [] })).toEqual({ ok: false, code: 'conflict' });
    expect((await store.findInspection(street.id))?.inspection.version).toBe(2);
  });

  it('R-PLN-1: a street plan is replaced by the next, and listed for its street, district and communities', async () => {
    const plan = { streetId: 's-haishan', year: 2026, items: [{ communityId: 'c-tianxin', plannedCount: 2, plannedFen: 100 }], note: '一', updatedAt: AT };
    await store.savePlan({ plan, districtId: 'd-yantian', audit: audit('plan:s-haishan:2026') });
    const next = { ...plan, items: [{ communityId: 'c-tianxin', plannedCount: 3, plannedFen: 300 }], note: '二' };
    await store.savePlan({ plan: next, districtId: 'd-yantian', audit: audit('plan:s-haishan:2026') });
    expect(await store.listPlans({ kind: 'street', id: 's-haishan' }, 2026)).toEqual([next]);
    expect(await store.listPlans({ kind: 'district', id: 'd-yantian' }, 2026)).toEqual([next]);
    expect(await store.listPlans({ kind: 'community', id: 'c-tianxin' }, 2026)).toEqual([next]);
    expect(await store.listPlans({ kind: 'all' }, 2027)).toEqual([]);
  });

  it('R-RPT-1: the summary\'s running figures move with every write of a project, per community and quarter', async () => {
    const stored = await create(store, { state: 'implementing', createdAt: '2026-03-02T02:00:00.000Z' });
    await create(store, { ...ZHONGYING, state: 'submitted', category: 'works', createdAt: '2026-05-02T02:00:00.000Z' });
    const paid = { ...stored.record, payments: [{ id: 'pay-1', kind: 'advance' as const, amountFen: 700, paidOn: '2026-05-01', payee: 'p', voucherRef: 'v', recordedAt: AT, recordedBy: 'u', requestId: 'r' }] };
    const outcome = await store.commitTransitions({
      at: AT,
      proposals: [{ record: { ...paid, state: 'completed' }, indexing: NO_INDEXING, expectedVersion: stored.record.version, expectedState: 'implementing' }],
      ledgerMoves: [],
      changes: [],
      audit: [audit(stored.record.id)],
      outbox: [],
    });
    expect(outcome.ok).toBe(true);
    const sorted = (rows: { communityId: string; metric: string; value: number }[]) => rows.filter((row) => row.value !== 0).sort((a, b) => `${a.communityId}${a.metric}`.localeCompare(`${b.communityId}${b.metric}`));
    expect(sorted(await store.summaryTotals({ kind: 'district', id: 'd-yantian' }, 2026, 4))).toEqual([
      { communityId: 'c-tianxin', metric: 'approvedFen', value: 5_000_000 },
      { communityId: 'c-tianxin', metric: 'category:goods', value: 1 },
      { communityId: 'c-tianxin', metric: 'paidFen', value: 700 },
      { communityId: 'c-tianxin', metric: 'state:completed', value: 1 },
      { communityId: 'c-zhongying', metric: 'category:works', value: 1 },
      { communityId: 'c-zhongying', metric: 'state:submitted', value: 1 },
    ]);
    // Through the first quarter: the payment of May and the proposal of May are not counted yet.
    expect(sorted(await store.summaryTotals({ kind: 'street', id: 's-haishan' }, 2026, 1)).map((row) => row.metric)).toEqual(['approvedFen', 'category:goods', 'state:completed']);
    expect(sorted(await store.summaryTotals({ kind: 'community', id: 'c-zhongying' }, 2026, 4)).map((row) => row.metric)).toEqual(['category:works', 'state:submitted']);
  });

  it('R-RPT-1: overdue records and the ratings of the year are counted per community', async () => {
    const overdueId = nextId('p');
    const overdue = await store.createProposal({
      record: buildProposal({ id: overdueId, ...TIANXIN, state: 'implementing', version: 1 }),
      indexing: { openDeadlineOn: '2026-04-01', missingDocuments: [] },
      request: { openid: 'u-res-3', action: 'proposal.submit', requestId: nextId('req') },
      rateLimit: { openid: 'u-res-3', action: 'proposal.submit', windowStart: '2026-05-12', max: 1000 },
      audit: audit(overdueId),
      outbox: [],
    });
    expect(overdue.ok).toBe(true);
    const rated = await create(store, { state: 'completed' });
    const set = await store.setRating({ rating: { proposalId: rated.record.id, openid: 'u-res-3', stars: 4, updatedAt: AT }, proposalState: 'completed', audit: audit(`ratings:${rated.record.id}`) });
    expect(set.ok).toBe(true);
    const counts = await store.summaryCounts({ scope: { kind: 'street', id: 's-haishan' }, today: '2026-05-12', year: 2026, from: '2026-01-01', through: '2026-06-30' });
    expect(counts).toEqual([{ communityId: 'c-tianxin', overdue: 1, meetingsHeld: 0, ratingSum: 4, ratingCount: 1 }]);
  });

  it('R-INS-1: a due-check reminder is queued once per unit, check and period', async () => {
    const message = { recipientOpenid: 'u-street-haishan', kind: 'inspection_due', payload: {} };
    expect(await store.noticeDueCheck({ scopeId: 's-haishan', kind: 'self_check', period: '2026-05', at: AT, outbox: [message] })).toBe(true);
    expect(await store.noticeDueCheck({ scopeId: 's-haishan', kind: 'self_check', period: '2026-05', at: AT, outbox: [message] })).toBe(false);
    expect(await store.noticeDueCheck({ scopeId: 's-haishan', kind: 'self_check', period: '2026-11', at: AT, outbox: [message] })).toBe(true);
    expect((await store.takeUndelivered(10)).filter((m) => m.kind === 'inspection_due')).toHaveLength(2);
  });
});
