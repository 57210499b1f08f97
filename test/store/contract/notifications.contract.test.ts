import type { ProposalRecord } from '../../../types/domain';
import type { AuditDraft, InboxOwner, NotificationRecord, ProposalIndexing, Store, StoredProposal, TransitionBatch } from '../../../backend/app/ports/store.port';
import { buildProposal } from '../../domain/factories';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, liveTarget, sqliteTarget, type OpenedStore, type StoreTarget } from './targets';

// The inbox part of the Store contract (notifications), run against every adapter like
// store.contract.test.ts: every outbox message is an inbox item of its recipient, written in the
// same transaction; a community notice is read by each resident of the community.

const live = liveTarget();
const targets: StoreTarget[] = [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget, ...(live ? [live] : [])];

const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
const NO_INDEXING: ProposalIndexing = { openDeadlineOn: null, missingDocuments: [] };
const SINCE = '2026-06-01T00:00:00.000Z';
const RESIDENT: InboxOwner = { openid: 'u-res-3', community: { id: 'c-tianxin', since: SINCE } };
const NEIGHBOUR: InboxOwner = { openid: 'u-res-9', community: { id: 'c-tianxin', since: SINCE } };
const ELSEWHERE: InboxOwner = { openid: 'u-res-1', community: { id: 'c-zhongying', since: SINCE } };

let serial = 0;
const nextId = (prefix: string) => `${prefix}-inbox-${String(++serial).padStart(4, '0')}`;
const at = (minute: number) => `2026-08-03T02:${String(minute).padStart(2, '0')}:00.000Z`;

function audit(chainId: string, when: string): AuditDraft {
  return { chainId, at: when, actor: 'u-contract', action: 'contract', from: null, to: null, detail: {} };
}

/** A new proposal whose creation queues `kinds` to its proposer, at `when`. */
async function proposalTelling(store: Store, kinds: string[], when: string): Promise<StoredProposal> {
  const record: ProposalRecord = buildProposal({ id: nextId('p'), ...TIANXIN, state: 'submitted', version: 1, proposerOpenid: 'u-res-3', proposerName: '王建国', createdAt: when });
  const outcome = await store.createProposal({
    record,
    indexing: NO_INDEXING,
    request: { openid: 'u-res-3', action: 'proposal.submit', requestId: nextId('req') },
    rateLimit: { openid: 'u-res-3', action: 'proposal.submit', windowStart: '2026-08-03', max: 1000 },
    audit: audit(record.id, when),
    outbox: kinds.map((kind) => ({ recipientOpenid: 'u-res-3', kind, payload: { proposalId: record.id, note: kind } })),
  });
  if (!outcome.ok) throw new Error(`createProposal refused: ${outcome.code}`);
  return outcome.value.stored;
}

/** A transition of `stored` that posts a notice to its community (and nothing to anyone in person). */
function completion(stored: StoredProposal, when: string, notice = { kind: 'rating_opened' }): TransitionBatch {
  const current = stored.record;
  return {
    at: when,
    proposals: [{ record: { ...current, state: 'adopted' }, indexing: NO_INDEXING, expectedVersion: current.version, expectedState: current.state }],
    ledgerMoves: [],
    changes: [],
    audit: [audit(current.id, when)],
    outbox: [],
    notices: [{ communityId: current.communityId, kind: notice.kind, proposalId: current.id, payload: { proposalId: current.id, title: current.title } }],
  };
}

async function all(store: Store, owner: InboxOwner): Promise<NotificationRecord[]> {
  const items: NotificationRecord[] = [];
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const slice = await store.listNotifications({ ...owner, after, limit: 2 });
    items.push(...slice.items);
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) return items;
    after = { createdAt: last.at, id: last.id };
  }
}

describe.each(targets)('the Store contract on $name: notifications', (target) => {
  let opened: OpenedStore;
  let store: Store;

  beforeEach(async () => {
    opened = await target.open();
    store = opened.store;
  }, target.timeoutMs);

  afterEach(async () => {
    await opened?.close();
  });

  const it = (title: string, body: () => Promise<void>) => test(title, body, target.timeoutMs);

  it('puts every outbox message, of any kind, in its recipient\'s inbox in the same write, unread', async () => {
    const stored = await proposalTelling(store, ['proposal_state_changed', 'a_kind_added_later'], at(1));
    const items = await all(store, { openid: 'u-res-3', community: null });
    expect(items.map((item) => item.kind).sort()).toEqual(['a_kind_added_later', 'proposal_state_changed']);
    expect(items[0]).toMatchObject({ at: at(1), proposalId: stored.record.id, read: false, payload: { proposalId: stored.record.id } });
    expect(await store.countUnreadNotifications({ openid: 'u-res-3', community: null })).toBe(2);
    expect(await store.countUnreadNotifications({ openid: 'u-res-1', community: null })).toBe(0);
  });

  it('lists own items and the community\'s notices together, newest first, in pages that neither skip nor repeat', async () => {
    await proposalTelling(store, ['first'], at(1));
    const second = await proposalTelling(store, ['second'], at(2));
    await proposalTelling(store, ['third'], at(4));
    const committed = await store.commitTransitions(completion(second, at(3)));
    expect(committed.ok).toBe(true);
    const items = await all(store, RESIDENT);
    expect(items.map((item) => item.kind)).toEqual(['third', 'rating_opened', 'second', 'first']);
    expect(new Set(items.map((item) => item.id)).size).toBe(4);
    expect(await store.countUnreadNotifications(RESIDENT)).toBe(4);
    // A neighbour sees the notice and none of the resident's own items; another community nothing.
    expect((await all(store, NEIGHBOUR)).map((item) => item.kind)).toEqual(['rating_opened']);
    expect(await all(store, ELSEWHERE)).toEqual([]);
    // Notices posted before `since` are no longer shown or counted.
    const later = { ...NEIGHBOUR, community: { id: 'c-tianxin', since: at(5) } };
    expect(await all(store, later)).toEqual([]);
    expect(await store.countUnreadNotifications(later)).toBe(0);
  });

  it('posts a community notice once per community, kind and proposal', async () => {
    const stored = await proposalTelling(store, [], at(1));
    expect((await store.commitTransitions(completion(stored, at(2)))).ok).toBe(true);
    const again = (await store.findProposal(stored.record.id)) as StoredProposal;
    expect((await store.commitTransitions(completion(again, at(3)))).ok).toBe(true);
    expect((await all(store, NEIGHBOUR)).map((item) => [item.kind, item.at])).toEqual([['rating_opened', at(2)]]);
  });

  it('marks the owner\'s items by id — a community notice for that reader alone — and appends the audit entry once', async () => {
    const stored = await proposalTelling(store, ['mine'], at(1));
    await store.commitTransitions(completion(stored, at(2)));
    const [notice, own] = await all(store, RESIDENT);
    expect([notice.kind, own.kind]).toEqual(['rating_opened', 'mine']);
    const chain = 'user:u-res-3';
    const marked = await store.markNotificationsRead({ ...RESIDENT, ids: [notice.id, own.id, own.id], at: at(5), audit: audit(chain, at(5)) });
    expect(marked).toBe(2);
    expect((await all(store, RESIDENT)).map((item) => item.read)).toEqual([true, true]);
    expect(await store.countUnreadNotifications(RESIDENT)).toBe(0);
    expect((await all(store, NEIGHBOUR)).map((item) => item.read)).toEqual([false]);
    expect(await store.auditTrail(chain)).toHaveLength(1);
    // Again: nothing was unread, no entry is written.
    expect(await store.markNotificationsRead({ ...RESIDENT, ids: [notice.id, own.id], at: at(6), audit: audit(chain, at(6)) })).toBe(0);
    expect(await store.auditTrail(chain)).toHaveLength(1);
  });

  it('never marks another person\'s item, another community\'s notice or an id it does not know', async () => {
    const stored = await proposalTelling(store, ['mine'], at(1));
    await store.commitTransitions(completion(stored, at(2)));
    const ids = (await all(store, RESIDENT)).map((item) => item.id);
    const stranger = await store.markNotificationsRead({ ...ELSEWHERE, ids: [...ids, 'n999', 'kc-x:y:z'], at: at(5), audit: audit('user:u-res-1', at(5)) });
    expect(stranger).toBe(0);
    expect(await store.countUnreadNotifications(RESIDENT)).toBe(2);
    expect(await store.auditTrail('user:u-res-1')).toEqual([]);
  });

  it('marks all of the owner\'s items read at once, own and community alike', async () => {
    await proposalTelling(store, ['one', 'two'], at(1));
    const stored = await proposalTelling(store, ['three'], at(2));
    await store.commitTransitions(completion(stored, at(3)));
    expect(await store.markNotificationsRead({ ...RESIDENT, all: true, at: at(5), audit: audit('user:u-res-3', at(5)) })).toBe(4);
    expect(await store.countUnreadNotifications(RESIDENT)).toBe(0);
    expect(await store.countUnreadNotifications(NEIGHBOUR)).toBe(1);
    expect(await store.auditTrail('user:u-res-3')).toHaveLength(1);
  });
});
