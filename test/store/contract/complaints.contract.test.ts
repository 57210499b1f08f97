import type { ComplaintRecord } from '../../../types/domain';
import type { AuditDraft, Store } from '../../../backend/app/ports/store.port';
import { verifyChain } from '../../../backend/store/audit-chain';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, liveTarget, sqliteTarget, type OpenedStore, type StoreTarget } from './targets';

// The complaints part of the Store port (issue 18), run against every adapter like the main contract.

const live = liveTarget();
const targets: StoreTarget[] = [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget, ...(live ? [live] : [])];

const ZHONGYING = { communityId: 'c-zhongying', streetId: 's-shatoujiao', districtId: 'd-yantian' };
const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
let serial = 0;

function complaint(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  serial += 1;
  return { id: `cp-contract-${String(serial).padStart(4, '0')}`, ...ZHONGYING, authorOpenid: 'u-res-1', text: '路灯坏了', status: 'open', createdAt: `2026-08-03T02:00:${String(serial % 60).padStart(2, '0')}.000Z`, ...overrides };
}

const audit = (id: string, action: string): AuditDraft => ({ chainId: `complaint:${id}`, at: '2026-08-03T02:00:00.000Z', actor: 'u-contract', action, from: null, to: null, detail: { event: action } });

async function submitted(store: Store, record: ComplaintRecord, requestId = `req-${record.id}`) {
  return store.submitComplaint({ complaint: record, request: { openid: record.authorOpenid, action: 'complaint.submit', requestId }, audit: audit(record.id, 'complaint.submit'), outbox: [{ recipientOpenid: 'u-street-shatoujiao', kind: 'complaint_received', payload: { complaintId: record.id } }] });
}

describe.each(targets)('the complaints contract on $name', (target) => {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await target.open();
  }, target.timeoutMs);
  afterEach(async () => opened.close(), target.timeoutMs);

  it('saves a complaint with its audit entry and message; the same request answers the first one', async () => {
    const { store } = opened;
    const first = complaint({ proposalId: 'p-1' });
    expect(await submitted(store, first)).toEqual({ complaint: first, created: true });
    expect(await submitted(store, complaint(), `req-${first.id}`)).toEqual({ complaint: first, created: false });
    expect(await store.findComplaint(first.id)).toEqual(first);
    expect(await store.findComplaint('cp-nowhere')).toBeNull();
    const trail = await store.auditTrail(`complaint:${first.id}`);
    expect(trail).toHaveLength(1);
    expect(verifyChain(trail)).toBeNull();
    expect((await store.takeUndelivered(100)).filter((message) => message.kind === 'complaint_received')).toHaveLength(1);
  }, target.timeoutMs);

  it('lists newest first by unit, author and status, a page at a time', async () => {
    const { store } = opened;
    const a = complaint();
    const b = complaint({ ...TIANXIN, authorOpenid: 'u-res-3' });
    const c = complaint({ status: 'answered' });
    for (const record of [a, b, c]) await submitted(store, record);
    const ids = async (query: Parameters<Store['listComplaints']>[0]) => (await store.listComplaints(query)).items.map((item) => item.id);
    expect(await ids({ scope: { kind: 'street', id: 's-shatoujiao' }, limit: 10 })).toEqual([c.id, a.id]);
    expect(await ids({ scope: { kind: 'district', id: 'd-yantian' }, limit: 10 })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ scope: { kind: 'community', id: 'c-tianxin' }, limit: 10 })).toEqual([b.id]);
    expect(await ids({ scope: { kind: 'all' }, authorOpenid: 'u-res-1', limit: 10 })).toEqual([c.id, a.id]);
    expect(await ids({ scope: { kind: 'street', id: 's-shatoujiao' }, status: 'open', limit: 10 })).toEqual([a.id]);
    const page = await store.listComplaints({ scope: { kind: 'all' }, limit: 2 });
    expect(page.more).toBe(true);
    const last = page.items[1];
    expect(await ids({ scope: { kind: 'all' }, after: { createdAt: last.createdAt, id: last.id }, limit: 2 })).toEqual([a.id]);
  }, target.timeoutMs);

  it('answers an open complaint once, with its audit entry and the message to the author; a second answer is invalid_state and writes nothing', async () => {
    const { store } = opened;
    const record = complaint();
    await submitted(store, record);
    const answered: ComplaintRecord = { ...record, status: 'answered', answer: { text: '已修好', outcome: 'upheld', by: 'u-street-shatoujiao', answeredAt: '2026-08-04T02:00:00.000Z' } };
    const message = { recipientOpenid: 'u-res-1', kind: 'complaint_answered', payload: { complaintId: record.id } };
    expect(await store.answerComplaint({ complaint: answered, audit: audit(record.id, 'complaint.answer'), outbox: [message] })).toEqual({ ok: true, value: answered });
    const again = await store.answerComplaint({ complaint: { ...answered, answer: { ...answered.answer!, text: '再答' } }, audit: audit(record.id, 'complaint.answer'), outbox: [message] });
    expect(again).toEqual({ ok: false, code: 'invalid_state' });
    expect(await store.findComplaint(record.id)).toEqual(answered);
    expect(await store.auditTrail(`complaint:${record.id}`)).toHaveLength(2);
    expect((await store.takeUndelivered(100)).filter((m) => m.kind === 'complaint_answered')).toHaveLength(1);
    expect(await store.answerComplaint({ complaint: complaint({ id: 'cp-nowhere' }), audit: audit('cp-nowhere', 'complaint.answer'), outbox: [] })).toEqual({ ok: false, code: 'invalid_state' });
  }, target.timeoutMs);
});
