import type { ProposalRecord, ProposalState } from '../../../types/domain';
import { verifyChain } from '../../../backend/store/audit-chain';
import type {
  AuditDraft,
  CommentRecord,
  LedgerMove,
  OutboxDraft,
  ProposalIndexing,
  Store,
  StoredProposal,
  TransitionBatch,
} from '../../../backend/app/ports/store.port';
import { buildProposal } from '../../domain/factories';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, liveTarget, sqliteTarget, type OpenedStore, type StoreTarget } from './targets';

// ONE contract for the Store port, run against every adapter. A case that one store passes and
// another fails is a bug in the failing one: the port's meaning is this file.

const live = liveTarget();
const targets: StoreTarget[] = [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget, ...(live ? [live] : [])];

if (!live) {
  describe.skip('the Store contract on a live CloudBase environment — SKIPPED: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it', () => {
    it('runs the whole contract against the live environment', () => undefined);
  });
}

/**
 * Contract cases a store is known to fail, with the fix it needs. Such a case runs as
 * `test.failing` on that store: it stays red-proof while the bug is there and turns red the day the
 * store is fixed, so that the entry is removed then.
 */
/** Contract cases a target is known to fail, with the defect named: run as `test.failing` until fixed. */
const KNOWN_BUGS: Record<string, Record<string, string>> = {};

/** A write refused by the domain's ledger rules: the code, and the domain's own refusal saying why. */
const BUDGET_EXCEEDED = { ok: false, code: 'budget_exceeded', refusal: expect.objectContaining({ code: 'budget_exceeded', message: expect.any(String) }) };

const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
const QIAOYUAN = { communityId: 'c-qiaoyuan', streetId: 's-shatoujiao', districtId: 'd-yantian' };
const AT = '2026-08-03T02:00:00.000Z';
const NO_INDEXING: ProposalIndexing = { openDeadlineOn: null, missingDocuments: [] };

let serial = 0;
const nextId = (prefix: string) => `${prefix}-contract-${String(++serial).padStart(4, '0')}`;

function record(overrides: Partial<ProposalRecord> = {}): ProposalRecord {
  return buildProposal({ id: nextId('p'), ...TIANXIN, state: 'submitted', version: 1, proposerOpenid: 'u-res-3', proposerName: '王建国', createdAt: AT, ...overrides });
}

function auditOf(chainId: string, action: string, from: ProposalState | null, to: ProposalState | null, at = AT): AuditDraft {
  return { chainId, at, actor: 'u-contract', action, from, to, detail: { note: `${action} ${to ?? ''}`.trim() } };
}

const messageTo = (openid: string, kind = 'contract_message', payload: Record<string, unknown> = {}): OutboxDraft => ({ recipientOpenid: openid, kind, payload });

async function create(
  store: Store,
  overrides: Partial<ProposalRecord> = {},
  options: { requestId?: string; openid?: string; windowStart?: string; max?: number; outbox?: OutboxDraft[]; indexing?: ProposalIndexing } = {},
) {
  const proposal = record(overrides);
  const openid = options.openid ?? proposal.proposerOpenid;
  return store.createProposal({
    record: proposal,
    indexing: options.indexing ?? NO_INDEXING,
    request: { openid, action: 'proposal.submit', requestId: options.requestId ?? nextId('req') },
    rateLimit: { openid, action: 'proposal.submit', windowStart: options.windowStart ?? '2026-08-03', max: options.max ?? 1000 },
    audit: auditOf(proposal.id, 'proposal.submit', null, proposal.state, proposal.createdAt),
    outbox: options.outbox ?? [],
  });
}

/** Creates a proposal and answers it as stored (failing the test if the store refused). */
async function created(store: Store, overrides: Partial<ProposalRecord> = {}, options: Parameters<typeof create>[2] = {}): Promise<StoredProposal> {
  const outcome = await create(store, overrides, options);
  if (!outcome.ok) throw new Error(`createProposal refused: ${outcome.code}`);
  return outcome.value.stored;
}

/** One proposal's move to `to`, with its audit entry and a message to its proposer. */
function transition(stored: StoredProposal, to: ProposalState, changes: Partial<ProposalRecord> = {}, at = AT): TransitionBatch {
  const current = stored.record;
  return {
    at,
    proposals: [{ record: { ...current, ...changes, state: to }, indexing: NO_INDEXING, expectedVersion: current.version, expectedState: current.state }],
    ledgerMoves: [],
    changes: [],
    audit: [auditOf(current.id, `to.${to}`, current.state, to, at)],
    outbox: [messageTo(current.proposerOpenid, 'proposal_state_changed', { proposalId: current.id, to })],
  };
}

function approval(stored: StoredProposal, amountFen: number, year = 2026): TransitionBatch {
  const batch = transition(stored, 'approved', { approvedBudgetFen: amountFen, budgetYear: year });
  const move: LedgerMove = { communityId: stored.record.communityId, year, approvedDeltaFen: amountFen, spentDeltaFen: 0 };
  batch.ledgerMoves.push(move);
  batch.audit.push({ ...auditOf(`ledger:${move.communityId}:${year}`, 'review.decide', null, null), detail: { proposalId: stored.record.id, approvedDeltaFen: amountFen } });
  return batch;
}

/**
 * Whether a call was refused (rejected). Not `rejects.toThrow()`: better-sqlite3's native addon is
 * loaded once per process, so in a jest worker that ran another file first its errors come from
 * another realm and fail `instanceof Error`.
 */
const refusedCall = (call: Promise<unknown>) => call.then(
  () => false,
  () => true,
);

async function undeliveredCount(store: Store): Promise<number> {
  return (await store.takeUndelivered(1000)).length;
}

async function deliverAll(store: Store): Promise<void> {
  await store.settleOutbox({ ids: (await store.takeUndelivered(1000)).map((message) => message.id), at: AT, outcome: 'sent' });
}

function comment(proposalId: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id: nextId('cm'),
    proposalId,
    authorOpenid: 'u-res-3',
    authorName: '王建国',
    text: '希望增加适合老人的器材。',
    status: 'published',
    createdAt: AT,
    ...overrides,
  };
}

async function addComment(store: Store, value: CommentRecord, options: { requestId?: string; proposalState?: ProposalState; max?: number; windowStart?: string } = {}) {
  return store.addComment({
    comment: value,
    request: { openid: value.authorOpenid, action: 'comment.add', requestId: options.requestId ?? nextId('req') },
    rateLimit: { openid: value.authorOpenid, action: 'comment.add', windowStart: options.windowStart ?? '2026-08-03T02:00', max: options.max ?? 1000 },
    proposalState: options.proposalState ?? 'publicity',
    audit: { ...auditOf(`comments:${value.proposalId}`, 'comment.add', null, null, value.createdAt), detail: { commentId: value.id, status: value.status } },
    outbox: [],
  });
}

const moderate = (store: Store, commentId: string, proposalId: string, publish: boolean) =>
  store.moderateComment({ commentId, publish, at: AT, audit: { ...auditOf(`comments:${proposalId}`, 'comment.moderate', null, null), detail: { commentId, publish } } });

const join = (store: Store, openid: string, communityId: string, name: string) =>
  store.joinCommunity({ openid, communityId, name, at: AT, audit: { ...auditOf(`user:${openid}`, 'me.join', null, null), detail: { communityId } } });

/** Pages a newest-first list to its end, checking each page's size. */
async function pageAll<T>(fetch: (after: { createdAt: string; id: string } | undefined) => Promise<{ items: T[]; more: boolean }>, limit: number, key: (item: T) => { createdAt: string; id: string }) {
  const seen: T[] = [];
  let after: { createdAt: string; id: string } | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await fetch(after);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    if (!page.more) return seen;
    expect(page.items).toHaveLength(limit);
    after = key(page.items[page.items.length - 1]);
  }
  throw new Error('more than 100 pages');
}

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

describe.each(targets)('the Store contract on $name', (target) => {
  let opened: OpenedStore;
  let store: Store;

  beforeEach(async () => {
    opened = await target.open();
    store = opened.store;
  }, target.timeoutMs);

  afterEach(async () => {
    await opened?.close();
  });

  const it = (title: string, body: () => Promise<void>) =>
    KNOWN_BUGS[target.name]?.[title] ? test.failing(`${title} [known bug: ${KNOWN_BUGS[target.name][title]}]`, body, target.timeoutMs) : test(title, body, target.timeoutMs);

  describe('identity and directory', () => {
    it('finds the seeded users, places and directory', async () => {
      expect(await store.findUser('u-street-shatoujiao')).toEqual({
        openid: 'u-street-shatoujiao',
        name: '周审核',
        communityId: null,
        grants: [{ role: 'street', scopeId: 's-shatoujiao' }],
      });
      expect(await store.findUser('u-nobody')).toBeNull();
      expect(await store.findCommunity('c-tianxin')).toEqual(TIANXIN);
      expect(await store.findCommunity('s-haishan')).toBeNull();
      expect(await store.findScope('c-qiaoyuan')).toEqual({ kind: 'community', ...QIAOYUAN });
      expect(await store.findScope('s-haishan')).toEqual({ kind: 'street', streetId: 's-haishan', districtId: 'd-yantian' });
      expect(await store.findScope('d-yantian')).toEqual({ kind: 'district', districtId: 'd-yantian' });
      expect(await store.findScope('x-nowhere')).toBeNull();
      expect(await store.countCommunities('d-yantian')).toBe(3);
      expect(await store.countCommunities('d-nowhere')).toBe(0);
      expect(await store.getDirectory()).toEqual({
        districts: [
          {
            id: 'd-yantian',
            name: '盐田区',
            streets: [
              { id: 's-shatoujiao', name: '沙头角街道', communities: [{ id: 'c-zhongying', name: '中英街社区' }, { id: 'c-qiaoyuan', name: '桥园社区' }] },
              { id: 's-haishan', name: '海山街道', communities: [{ id: 'c-tianxin', name: '田心社区' }] },
            ],
          },
        ],
      });
    });

    it('joinCommunity moves a resident, keeps staff grants, and keeps one resident grant when repeated', async () => {
      await store.grantRole({ openid: 'u-res-1', role: 'community', scopeId: 'c-zhongying', grantedBy: 'u-street-shatoujiao', audit: auditOf('user:u-res-1', 'role.grant', null, null) });
      const moved = await join(store, 'u-res-1', 'c-tianxin', '张小明');
      expect(moved.communityId).toBe('c-tianxin');
      expect(moved.grants).toEqual(expect.arrayContaining([{ role: 'resident', scopeId: 'c-tianxin' }, { role: 'community', scopeId: 'c-zhongying' }]));
      expect(moved.grants).toHaveLength(2);
      await join(store, 'u-new', 'c-tianxin', '赵');
      const again = await join(store, 'u-new', 'c-tianxin', '赵大妈');
      // The person's day of joining stays when they join their own community again (residency against hopping).
      expect(again).toEqual({ openid: 'u-new', name: '赵大妈', communityId: 'c-tianxin', grants: [{ role: 'resident', scopeId: 'c-tianxin' }], residentSince: AT });
      expect(await store.findUser('u-new')).toEqual(again);
      const trail = await store.auditTrail('user:u-res-1');
      expect(trail.map((entry) => entry.action)).toEqual(['role.grant', 'me.join']);
      expect(verifyChain(trail)).toBeNull();
    });

    it('grantRole makes the user when needed, holds a grant once, and audits every grant on the user chain', async () => {
      const first = await store.grantRole({ openid: 'u-helper', role: 'street', scopeId: 's-haishan', grantedBy: 'u-district-yantian', audit: auditOf('user:u-helper', 'role.grant', null, null) });
      expect(first).toEqual({ openid: 'u-helper', name: null, communityId: null, grants: [{ role: 'street', scopeId: 's-haishan' }] });
      const second = await store.grantRole({
        openid: 'u-helper',
        role: 'street',
        scopeId: 's-haishan',
        grantedBy: 'u-district-yantian',
        audit: auditOf('user:u-helper', 'role.grant', null, null, '2026-08-04T02:00:00.000Z'),
      });
      expect(second.grants).toEqual([{ role: 'street', scopeId: 's-haishan' }]);
      const trail = await store.auditTrail('user:u-helper');
      expect(trail.map((entry) => entry.seq)).toEqual([1, 2]);
      expect(verifyChain(trail)).toBeNull();
    });

    it('grantRole with a name names a person who has none, and never renames one who has', async () => {
      const named = await store.grantRole({ openid: 'u-first-admin', role: 'city', scopeId: 'city', grantedBy: 'system', name: '陈立新', audit: auditOf('user:u-first-admin', 'seed', null, null) });
      expect(named).toEqual({ openid: 'u-first-admin', name: '陈立新', communityId: null, grants: [{ role: 'city', scopeId: 'city' }] });
      const kept = await store.grantRole({ openid: 'u-street-haishan', role: 'street', scopeId: 's-haishan', grantedBy: 'u-district-yantian', name: '别的名字', audit: auditOf('user:u-street-haishan', 'role.grant', null, null) });
      expect(kept.name).toBe('吴审核');
    });

    it('staffOf names the holders of exactly that role and scope, in openid order', async () => {
      expect(await store.staffOf('street', 's-haishan')).toEqual(['u-street-haishan']);
      await store.grantRole({ openid: 'u-a-helper', role: 'street', scopeId: 's-haishan', grantedBy: 'u-district-yantian', audit: auditOf('user:u-a-helper', 'role.grant', null, null) });
      expect(await store.staffOf('street', 's-haishan')).toEqual(['u-a-helper', 'u-street-haishan']);
      expect(await store.staffOf('community', 'c-tianxin')).toEqual(['u-com-tianxin']);
      expect(await store.staffOf('street', 'c-tianxin')).toEqual([]);
    });

    it('listGrants: the grants of the roles asked at a unit and every unit below it, by unit, role and age', async () => {
      const staff = ['community', 'street', 'district', 'city'] as const;
      const held = async (scope: Parameters<Store['listGrants']>[0]) => (await store.listGrants(scope, staff)).map((grant) => `${grant.role}@${grant.scopeId}:${grant.openid}`);
      const seeded = await store.listGrants({ kind: 'street', id: 's-haishan' }, staff);
      expect(seeded).toEqual([
        { openid: 'u-com-tianxin', name: '刘社工', role: 'community', scopeId: 'c-tianxin', grantedAt: expect.any(String), grantedBy: null },
        { openid: 'u-street-haishan', name: '吴审核', role: 'street', scopeId: 's-haishan', grantedAt: expect.any(String), grantedBy: null },
      ]);
      await store.grantRole({ openid: 'u-new-worker', role: 'community', scopeId: 'c-tianxin', grantedBy: 'u-street-haishan', audit: auditOf('user:u-new-worker', 'role.grant', null, null) });
      expect(await store.listGrants({ kind: 'community', id: 'c-tianxin' }, staff)).toEqual([
        expect.objectContaining({ openid: 'u-com-tianxin' }),
        { openid: 'u-new-worker', name: null, role: 'community', scopeId: 'c-tianxin', grantedAt: AT, grantedBy: 'u-street-haishan' },
      ]);
      // A district holds its streets and communities; residents are not staff and are not listed.
      const district = await held({ kind: 'district', id: 'd-yantian' });
      expect(district).toEqual(expect.arrayContaining(['district@d-yantian:u-district-yantian', 'street@s-shatoujiao:u-street-shatoujiao', 'community@c-zhongying:u-com-zhongying', 'community@c-tianxin:u-new-worker']));
      expect(district.some((grant) => grant.startsWith('resident@') || grant.startsWith('city@'))).toBe(false);
      // The city: every staff grant (the demo has one district), the city's own too.
      expect((await held({ kind: 'all' })).sort()).toEqual([...district, 'city@city:u-city'].sort());
      expect(await store.listGrants({ kind: 'street', id: 's-haishan' }, ['resident'])).toEqual([expect.objectContaining({ openid: 'u-res-3', role: 'resident', scopeId: 'c-tianxin' })]);
    });
  });

  describe('creating proposals', () => {
    it('stores the record with zero counters, the first audit entry and its messages', async () => {
      const outcome = await create(store, { title: '健身器材更新' }, { outbox: [messageTo('u-com-tianxin', 'proposal_submitted')] });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const { stored, created: isNew } = outcome.value;
      expect(isNew).toBe(true);
      expect(stored.record).toMatchObject({ title: '健身器材更新', state: 'submitted', version: 1 });
      expect(stored.counters).toEqual({ commentCount: 0, ratingCount: 0, ratingSum: 0, histogram: [0, 0, 0, 0, 0] });
      expect(stored.updatedAt).toBe(AT);
      expect(await store.findProposal(stored.record.id)).toEqual(stored);
      const trail = await store.auditTrail(stored.record.id);
      expect(trail).toEqual([expect.objectContaining({ seq: 1, action: 'proposal.submit', from: null, to: 'submitted' })]);
      expect(verifyChain(trail)).toBeNull();
      expect(await store.takeUndelivered(10)).toEqual([expect.objectContaining({ recipientOpenid: 'u-com-tianxin', kind: 'proposal_submitted', createdAt: AT })]);
      expect(await store.findProposal('p-nothing')).toBeNull();
    });

    it('idempotency: the same request key answers the first proposal, never a second one; another caller is another key', async () => {
      const first = await created(store, { title: '第一次' }, { requestId: 'same-request-0001' });
      const retried = await create(store, { title: '重试' }, { requestId: 'same-request-0001' });
      expect(retried).toEqual({ ok: true, value: { stored: first, created: false } });
      const other = await create(store, { title: '别人', proposerOpenid: 'u-res-4' }, { requestId: 'same-request-0001' });
      expect(other.ok && other.value.created).toBe(true);
      expect((await store.listProposals({ scope: { kind: 'community', id: 'c-tianxin' }, limit: 10 })).items).toHaveLength(2);
      expect(await store.auditTrail(first.record.id)).toHaveLength(1);
    });

    it('idempotency under concurrency: five racing submits with one key make one proposal', async () => {
      const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => create(store, { title: `并发 ${n}` }, { requestId: 'racing-request-001' })));
      const values = outcomes.map((outcome) => {
        if (!outcome.ok) throw new Error(outcome.code);
        return outcome.value;
      });
      expect(values.filter((value) => value.created)).toHaveLength(1);
      expect(new Set(values.map((value) => value.stored.record.id)).size).toBe(1);
      expect((await store.listProposals({ scope: { kind: 'community', id: 'c-tianxin' }, limit: 10 })).items).toHaveLength(1);
    });

    it('rate limits under concurrency: five racing submits under a maximum of two make exactly two proposals', async () => {
      const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => create(store, {}, { max: 2, windowStart: '2026-08-05' })));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(Array(3).fill({ ok: false, code: 'rate_limited' }));
      expect((await store.listProposals({ scope: { kind: 'community', id: 'c-tianxin' }, limit: 10 })).items).toHaveLength(2);
    });

    it('rate limits: over the window\'s maximum is rate_limited and leaves nothing behind; a retried key still answers; a new window counts afresh', async () => {
      const limited = { max: 2, windowStart: '2026-08-03', openid: 'u-res-3' };
      const first = await created(store, {}, { ...limited, requestId: 'rate-limit-0001' });
      await created(store, {}, { ...limited });
      const before = await undeliveredCount(store);
      const third = record();
      const refused = await store.createProposal({
        record: third,
        indexing: NO_INDEXING,
        request: { openid: 'u-res-3', action: 'proposal.submit', requestId: 'rate-limit-0003' },
        rateLimit: { openid: 'u-res-3', action: 'proposal.submit', windowStart: '2026-08-03', max: 2 },
        audit: auditOf(third.id, 'proposal.submit', null, 'submitted'),
        outbox: [messageTo('u-com-tianxin')],
      });
      expect(refused).toEqual({ ok: false, code: 'rate_limited' });
      expect(await store.findProposal(third.id)).toBeNull();
      expect(await store.auditTrail(third.id)).toEqual([]);
      expect(await undeliveredCount(store)).toBe(before);
      // The refused request claimed nothing: it may be tried again tomorrow under its key.
      expect(await create(store, {}, { ...limited, requestId: 'rate-limit-0001' })).toEqual({ ok: true, value: { stored: first, created: false } });
      const nextDay = await create(store, { id: third.id }, { ...limited, windowStart: '2026-08-04', requestId: 'rate-limit-0003' });
      expect(nextDay.ok && nextDay.value.created).toBe(true);
      // Another caller has a window of their own.
      expect((await create(store, { proposerOpenid: 'u-res-4' }, { ...limited, openid: 'u-res-4' })).ok).toBe(true);
    });
  });

  describe('transitions', () => {
    it('writes the next record with version + 1, its audit entries and messages, and answers the stored records', async () => {
      const stored = await created(store);
      await deliverAll(store);
      const outcome = await store.commitTransitions(transition(stored, 'adopted', { screening: { adopt: true, decidedOn: '2026-08-03' } }, '2026-08-03T03:00:00.000Z'));
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.value).toHaveLength(1);
      expect(outcome.value[0].record).toMatchObject({ id: stored.record.id, state: 'adopted', version: 2, screening: { adopt: true } });
      expect(outcome.value[0].updatedAt).toBe('2026-08-03T03:00:00.000Z');
      expect(await store.findProposal(stored.record.id)).toEqual(outcome.value[0]);
      const trail = await store.auditTrail(stored.record.id);
      expect(trail.map((entry) => [entry.seq, entry.from, entry.to])).toEqual([
        [1, null, 'submitted'],
        [2, 'submitted', 'adopted'],
      ]);
      expect(verifyChain(trail)).toBeNull();
      expect(await store.takeUndelivered(10)).toEqual([
        expect.objectContaining({ recipientOpenid: 'u-res-3', kind: 'proposal_state_changed', payload: { proposalId: stored.record.id, to: 'adopted' } }),
      ]);
    });

    it('versions: a stale expectedVersion is conflict, a moved state is invalid_state, and neither writes anything', async () => {
      const stored = await created(store);
      const moved = await store.commitTransitions(transition(stored, 'adopted'));
      if (!moved.ok) throw new Error(moved.code);
      await deliverAll(store);
      const adopted = moved.value[0];
      // Same state, older version: someone else wrote first.
      const stale: StoredProposal = { ...adopted, record: { ...adopted.record, version: 1 } };
      expect(await store.commitTransitions(transition(stale, 'drafted'))).toEqual({ ok: false, code: 'conflict' });
      // The use case read `submitted`; the record is `adopted` now.
      expect(await store.commitTransitions(transition(stored, 'not_adopted'))).toEqual({ ok: false, code: 'invalid_state' });
      expect(await store.findProposal(stored.record.id)).toEqual(adopted);
      expect(await store.auditTrail(stored.record.id)).toHaveLength(2);
      expect(await undeliveredCount(store)).toBe(0);
      // A proposal that does not exist is not in the expected state either.
      expect(await store.commitTransitions(transition({ ...stored, record: { ...stored.record, id: 'p-missing' } }, 'adopted'))).toEqual({ ok: false, code: 'invalid_state' });
    });

    it('a failure in the middle leaves nothing behind: the second proposal is stale, so the first is not written either', async () => {
      const a = await created(store, { state: 'drafted' });
      const b = await created(store, { state: 'drafted' });
      const bMoved = await store.commitTransitions(transition(b, 'withdrawn'));
      if (!bMoved.ok) throw new Error(bMoved.code);
      await deliverAll(store);
      const meetingId = nextId('m');
      const batch: TransitionBatch = {
        at: AT,
        proposals: [a, b].map((stored) => ({
          record: { ...stored.record, state: 'agenda_published' as const, meetingId, meetingOn: '2026-08-07' },
          indexing: NO_INDEXING,
          expectedVersion: stored.record.version,
          expectedState: stored.record.state,
        })),
        ledgerMoves: [],
        meeting: { id: meetingId, communityId: 'c-tianxin', meetingOn: '2026-08-07', proposalIds: [a.record.id, b.record.id], publishedOn: '2026-08-03' },
        changes: [{ id: nextId('ch'), proposalId: a.record.id, kind: 'adjust', reason: '理由', newBudgetFen: 100, state: 'pending', requestedOn: '2026-08-03' }],
        audit: [auditOf(a.record.id, 'council.publishAgenda', 'drafted', 'agenda_published'), auditOf(b.record.id, 'council.publishAgenda', 'drafted', 'agenda_published')],
        outbox: [messageTo('u-res-3')],
      };
      expect(await store.commitTransitions(batch)).toEqual({ ok: false, code: 'invalid_state' });
      expect(await store.findProposal(a.record.id)).toEqual(a);
      expect(await store.auditTrail(a.record.id)).toHaveLength(1);
      expect(await store.findMeeting(meetingId)).toBeNull();
      expect(await store.listMeetings('c-tianxin', undefined, 10)).toEqual({ items: [], more: false });
      expect(await store.findChange(batch.changes[0].id)).toBeNull();
      expect(await undeliveredCount(store)).toBe(0);
    });

    it('records meetings and changes: findMeeting, listMeetings, and a change re-saved keeps its first record id', async () => {
      const a = await created(store, { state: 'drafted' });
      const meetingId = nextId('m');
      const changeId = nextId('ch');
      const first = await store.commitTransitions({
        ...transition(a, 'agenda_published', { meetingId, meetingOn: '2026-08-07' }),
        meeting: { id: meetingId, communityId: 'c-tianxin', meetingOn: '2026-08-07', proposalIds: [a.record.id], publishedOn: '2026-08-03' },
        changes: [{ id: changeId, proposalId: a.record.id, kind: 'withdraw', reason: '场地被征用', state: 'pending', requestedOn: '2026-08-03' }],
      });
      if (!first.ok) throw new Error(first.code);
      expect(await store.findMeeting(meetingId)).toEqual({ id: meetingId, communityId: 'c-tianxin', meetingOn: '2026-08-07', proposalIds: [a.record.id], publishedOn: '2026-08-03' });
      expect(await store.findChange(changeId)).toEqual({ id: changeId, proposalId: a.record.id, kind: 'withdraw', reason: '场地被征用', state: 'pending', requestedOn: '2026-08-03' });
      const later = await store.commitTransitions({
        ...transition(first.value[0], 'council_passed'),
        changes: [{ id: changeId, proposalId: a.record.id, kind: 'withdraw', reason: '场地被征用', state: 'refused', requestedOn: '2026-08-03', decisionReason: '不同意', decidedOn: '2026-08-05' }],
      });
      if (!later.ok) throw new Error(later.code);
      expect(await store.findChange(changeId)).toMatchObject({ state: 'refused', decisionReason: '不同意' });
      const otherMeeting = nextId('m');
      const b = await created(store, { state: 'drafted' });
      await store.commitTransitions({
        ...transition(b, 'agenda_published'),
        meeting: { id: otherMeeting, communityId: 'c-tianxin', meetingOn: '2026-09-10', proposalIds: [b.record.id], publishedOn: '2026-09-01' },
      });
      // Latest meeting day first, paged on (meetingOn, id); which of them counts as held is the domain's.
      const firstPage = await store.listMeetings('c-tianxin', undefined, 1);
      expect(firstPage).toEqual({ items: [expect.objectContaining({ id: otherMeeting, meetingOn: '2026-09-10' })], more: true });
      expect(await store.listMeetings('c-tianxin', { meetingOn: '2026-09-10', id: otherMeeting }, 1)).toEqual({
        items: [expect.objectContaining({ id: meetingId, meetingOn: '2026-08-07', proposalIds: [a.record.id], publishedOn: '2026-08-03' })],
        more: false,
      });
      expect(await store.listMeetings('c-zhongying', undefined, 10)).toEqual({ items: [], more: false });
      expect(await store.findMeeting('m-nothing')).toBeNull();
      expect(await store.findChange('ch-nothing')).toBeNull();
    });
  });

  describe('money', () => {
    it('R-FUN-1: budget_exceeded writes nothing — not the proposal, not the ledger, no audit, no message', async () => {
      const stored = await created(store, { state: 'street_review' });
      await deliverAll(store);
      const before = await store.findLedger('c-tianxin', 2026);
      expect(before).toEqual({ quotaFen: 200_000_000, allocatedFen: 100_000_000, approvedFen: 0, spentFen: 0 });
      expect(await store.commitTransitions(approval(stored, 100_000_001))).toEqual(BUDGET_EXCEEDED);
      // No ledger of that year at all is no budget either.
      expect(await store.commitTransitions(approval(stored, 1, 2030))).toEqual(BUDGET_EXCEEDED);
      expect(await store.findProposal(stored.record.id)).toEqual(stored);
      expect(await store.findLedger('c-tianxin', 2026)).toEqual(before);
      // Only the seed's first allocation (issue 14: on the ledger's chain).
      expect((await store.auditTrail('ledger:c-tianxin:2026')).map((entry) => entry.action)).toEqual(['ledger.seed']);
      expect(await store.auditTrail(stored.record.id)).toHaveLength(1);
      expect(await undeliveredCount(store)).toBe(0);
      // Exactly the allocation fits.
      expect((await store.commitTransitions(approval(stored, 100_000_000))).ok).toBe(true);
      expect(await store.findLedger('c-tianxin', 2026)).toEqual({ ...before, approvedFen: 100_000_000 });
    });

    it('R-FUN-1: the budget race — twelve concurrent approvals of 10 000 000 against 50 000 000 allocated: five pass, never more', async () => {
      const allocated = await store.allocate({ communityId: 'c-tianxin', year: 2026, quotaFen: 200_000_000, allocatedFen: 50_000_000, audit: auditOf('ledger:c-tianxin:2026', 'ledger.allocate', null, null) });
      expect(allocated).toEqual({ ok: true, value: { quotaFen: 200_000_000, allocatedFen: 50_000_000, approvedFen: 0, spentFen: 0 } });
      const proposals: StoredProposal[] = [];
      for (let n = 0; n < 12; n += 1) proposals.push(await created(store, { state: 'street_review' }));
      const outcomes = await Promise.all(proposals.map((stored) => store.commitTransitions(approval(stored, 10_000_000))));
      const passed = outcomes.filter((outcome) => outcome.ok);
      expect(passed).toHaveLength(5);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(Array(7).fill(BUDGET_EXCEEDED));
      expect(await store.findLedger('c-tianxin', 2026)).toEqual({ quotaFen: 200_000_000, allocatedFen: 50_000_000, approvedFen: 50_000_000, spentFen: 0 });
      const approved = [];
      for (const stored of proposals) approved.push((await store.findProposal(stored.record.id))!.record.state);
      expect(approved.filter((state) => state === 'approved')).toHaveLength(5);
      expect(approved.filter((state) => state === 'street_review')).toHaveLength(7);
      const ledgerTrail = await store.auditTrail('ledger:c-tianxin:2026');
      // The seed's first allocation (issue 14), the allocation, then the five approvals.
      expect(ledgerTrail).toHaveLength(7);
      expect(verifyChain(ledgerTrail)).toBeNull();
    });

    it('a release gives budget back; approved never goes below zero; spending is counted', async () => {
      const stored = await created(store, { state: 'street_review' });
      const approved = await store.commitTransitions(approval(stored, 3_000_000));
      if (!approved.ok) throw new Error(approved.code);
      const overRelease = transition(approved.value[0], 'withdrawn');
      overRelease.ledgerMoves.push({ communityId: 'c-tianxin', year: 2026, approvedDeltaFen: -3_000_001, spentDeltaFen: 0 });
      expect(await store.commitTransitions(overRelease)).toEqual(BUDGET_EXCEEDED);
      const spend = transition(approved.value[0], 'publicity');
      spend.ledgerMoves.push({ communityId: 'c-tianxin', year: 2026, approvedDeltaFen: 0, spentDeltaFen: 2_900_000 });
      const spent = await store.commitTransitions(spend);
      if (!spent.ok) throw new Error(spent.code);
      const release = transition(spent.value[0], 'withdrawn');
      release.ledgerMoves.push({ communityId: 'c-tianxin', year: 2026, approvedDeltaFen: -3_000_000, spentDeltaFen: 0 });
      expect((await store.commitTransitions(release)).ok).toBe(true);
      expect(await store.findLedger('c-tianxin', 2026)).toEqual({ quotaFen: 200_000_000, allocatedFen: 100_000_000, approvedFen: 0, spentFen: 2_900_000 });
    });

    it('allocate: creates a ledger, sets the total, and refuses what the domain refuses on the ledger as stored (R-FUN-2); audited on the ledger chain', async () => {
      expect(await store.findLedger('c-tianxin', 2027)).toBeNull();
      const made = await store.allocate({ communityId: 'c-tianxin', year: 2027, quotaFen: 200_000_000, allocatedFen: 100_000_000, audit: auditOf('ledger:c-tianxin:2027', 'ledger.allocate', null, null) });
      expect(made).toEqual({ ok: true, value: { quotaFen: 200_000_000, allocatedFen: 100_000_000, approvedFen: 0, spentFen: 0 } });
      const stored = await created(store, { state: 'street_review' });
      expect((await store.commitTransitions(approval(stored, 60_000_000, 2027))).ok).toBe(true);
      // Under what is approved: the store asks the domain on the ledger it holds in the transaction.
      expect(await store.allocate({ communityId: 'c-tianxin', year: 2027, quotaFen: 200_000_000, allocatedFen: 59_999_999, audit: auditOf('ledger:c-tianxin:2027', 'ledger.allocate', null, null) })).toEqual({
        ok: false,
        code: 'budget_exceeded',
        refusal: expect.objectContaining({ code: 'budget_exceeded', field: 'allocatedFen' }),
      });
      // A first allocation under half the quota (a year with no ledger yet).
      expect(await store.allocate({ communityId: 'c-tianxin', year: 2028, quotaFen: 200_000_000, allocatedFen: 99_999_999, audit: auditOf('ledger:c-tianxin:2028', 'ledger.allocate', null, null) })).toEqual({
        ok: false,
        code: 'budget_exceeded',
        refusal: expect.objectContaining({ code: 'invalid_input', field: 'allocatedFen' }),
      });
      expect(await store.findLedger('c-tianxin', 2028)).toBeNull();
      const raised = await store.allocate({ communityId: 'c-tianxin', year: 2027, quotaFen: 200_000_000, allocatedFen: 150_000_000, audit: auditOf('ledger:c-tianxin:2027', 'ledger.allocate', null, null) });
      expect(raised).toEqual({ ok: true, value: { quotaFen: 200_000_000, allocatedFen: 150_000_000, approvedFen: 60_000_000, spentFen: 0 } });
      expect(await store.findLedger('c-tianxin', 2027)).toEqual({ quotaFen: 200_000_000, allocatedFen: 150_000_000, approvedFen: 60_000_000, spentFen: 0 });
      const trail = await store.auditTrail('ledger:c-tianxin:2027');
      expect(trail.map((entry) => entry.action)).toEqual(['ledger.allocate', 'review.decide', 'ledger.allocate']);
      expect(verifyChain(trail)).toBeNull();
    });

    it('savePolicy: saved and found; its quota reaches the district\'s ledgers of that year; a quota under an allocation is budget_exceeded and writes nothing', async () => {
      expect(await store.findPolicy('d-yantian', 2026)).toBeNull();
      await store.allocate({ communityId: 'c-tianxin', year: 2026, quotaFen: 200_000_000, allocatedFen: 160_000_000, audit: auditOf('ledger:c-tianxin:2026', 'ledger.allocate', null, null) });
      const policy = {
        districtId: 'd-yantian',
        year: 2026,
        quotaFen: 150_000_000,
        feeRatioPercent: 8,
        streetThresholdFen: { works: 30_000_000, goods: 12_000_000, services: 11_000_000 },
        tenderThresholdFen: 50_000_000,
      };
      const audit = () => ({ ...auditOf('policy:d-yantian:2026', 'policy.set', null, null), detail: { ...policy } });
      // 田心 has 160 000 000 allocated: a quota of 150 000 000 would leave it over its cap.
      expect(await store.savePolicy({ policy, at: AT, audit: audit() })).toEqual(BUDGET_EXCEEDED);
      expect(await store.findPolicy('d-yantian', 2026)).toBeNull();
      expect((await store.findLedger('c-zhongying', 2026))?.quotaFen).toBe(200_000_000);
      expect(await store.auditTrail('policy:d-yantian:2026')).toEqual([]);

      const fitting = { ...policy, quotaFen: 170_000_000 };
      expect(await store.savePolicy({ policy: fitting, at: AT, audit: audit() })).toEqual({ ok: true, value: fitting });
      expect(await store.findPolicy('d-yantian', 2026)).toEqual(fitting);
      expect(await store.findPolicy('d-yantian', 2025)).toBeNull();
      for (const communityId of ['c-zhongying', 'c-qiaoyuan', 'c-tianxin']) expect((await store.findLedger(communityId, 2026))?.quotaFen).toBe(170_000_000);
      expect((await store.findLedger('c-zhongying', 2025))?.quotaFen).toBe(200_000_000);
      const changed = { ...fitting, feeRatioPercent: 10 };
      expect(await store.savePolicy({ policy: changed, at: AT, audit: audit() })).toEqual({ ok: true, value: changed });
      expect(await store.findPolicy('d-yantian', 2026)).toEqual(changed);
      const trail = await store.auditTrail('policy:d-yantian:2026');
      expect(trail).toHaveLength(2);
      expect(verifyChain(trail)).toBeNull();
    });
  });

  describe('lists', () => {
    it('listProposals pages newest first on (createdAt, id): pages ≤ limit, no duplicates, no gaps, with every filter', async () => {
      const made: StoredProposal[] = [];
      for (let n = 0; n < 23; n += 1) {
        // Three records share each instant: the id breaks the tie.
        const createdAt = `2026-07-${String(1 + Math.floor(n / 3)).padStart(2, '0')}T02:00:00.000Z`;
        made.push(
          await created(store, {
            ...QIAOYUAN,
            createdAt,
            state: n % 4 === 0 ? 'adopted' : 'submitted',
            proposerOpenid: n % 5 === 0 ? 'u-res-4' : 'u-res-1',
          }),
        );
      }
      await created(store, { createdAt: '2026-07-03T02:00:00.000Z' }); // c-tianxin, another street
      const expected = (keep: (stored: StoredProposal) => boolean) =>
        made
          .filter(keep)
          .map((stored) => ({ createdAt: stored.record.createdAt, id: stored.record.id }))
          .sort(newestFirst)
          .map((key) => key.id);
      const ids = async (query: Omit<Parameters<Store['listProposals']>[0], 'after' | 'limit'>, limit: number) =>
        (await pageAll((after) => store.listProposals({ ...query, after, limit }), limit, (stored) => ({ createdAt: stored.record.createdAt, id: stored.record.id }))).map(
          (stored) => stored.record.id,
        );

      expect(await ids({ scope: { kind: 'community', id: 'c-qiaoyuan' } }, 5)).toEqual(expected(() => true));
      expect(await ids({ scope: { kind: 'community', id: 'c-qiaoyuan' } }, 23)).toEqual(expected(() => true));
      expect(await ids({ scope: { kind: 'street', id: 's-shatoujiao' } }, 4)).toEqual(expected(() => true));
      expect(await ids({ scope: { kind: 'community', id: 'c-qiaoyuan' }, state: 'adopted' }, 2)).toEqual(expected((stored) => stored.record.state === 'adopted'));
      expect(await ids({ scope: { kind: 'all' }, proposerOpenid: 'u-res-4' }, 2)).toEqual(expected((stored) => stored.record.proposerOpenid === 'u-res-4'));
      expect(await ids({ scope: { kind: 'district', id: 'd-yantian' } }, 7)).toHaveLength(24);
      expect(await ids({ scope: { kind: 'all' } }, 50)).toHaveLength(24);
      expect((await store.listProposals({ scope: { kind: 'street', id: 's-nowhere' }, limit: 5 })).items).toEqual([]);
    });

    it('listOverdueCandidates: running deadlines before today, oldest deadline first, paged on (on, id)', async () => {
      const due = async (on: string | null, place = TIANXIN) => (await created(store, { ...place }, { indexing: { openDeadlineOn: on, missingDocuments: [] } })).record.id;
      const a = await due('2026-08-20');
      const b = await due('2026-08-10');
      const c = await due('2026-08-10');
      await due('2026-08-31'); // today: not before it
      await due(null);
      const d = await due('2026-08-01', QIAOYUAN);
      const sameDay = [b, c].sort();
      const all: string[] = [];
      let after: { on: string; id: string } | undefined;
      for (;;) {
        const slice = await store.listOverdueCandidates({ kind: 'all' }, '2026-08-31', after, 2);
        expect(slice.items.length).toBeLessThanOrEqual(2);
        all.push(...slice.items.map((item) => item.record.id));
        const last = slice.items[slice.items.length - 1];
        if (!slice.more) break;
        after = { on: last.openDeadlineOn, id: last.record.id };
      }
      expect(all).toEqual([d, ...sameDay, a]);
      const inStreet = await store.listOverdueCandidates({ kind: 'street', id: 's-haishan' }, '2026-08-31', undefined, 10);
      expect(inStreet.items.map((item) => [item.record.id, item.openDeadlineOn])).toEqual([
        [sameDay[0], '2026-08-10'],
        [sameDay[1], '2026-08-10'],
        [a, '2026-08-20'],
      ]);
      expect(inStreet.more).toBe(false);
    });

    it('listWithMissingDocuments: only records missing documents, newest first, in scope', async () => {
      const missing = (ids: string[], createdAt: string, place = TIANXIN) =>
        created(store, { ...place, createdAt }, { indexing: { openDeadlineOn: null, missingDocuments: ids } });
      const a = await missing(['report'], '2026-07-01T02:00:00.000Z');
      await missing([], '2026-07-02T02:00:00.000Z');
      const b = await missing(['vote', 'publicity'], '2026-07-03T02:00:00.000Z');
      const c = await missing(['report'], '2026-07-04T02:00:00.000Z', QIAOYUAN);
      const first = await store.listWithMissingDocuments({ kind: 'district', id: 'd-yantian' }, undefined, 2);
      expect(first.items.map((stored) => stored.record.id)).toEqual([c.record.id, b.record.id]);
      expect(first.more).toBe(true);
      const second = await store.listWithMissingDocuments({ kind: 'district', id: 'd-yantian' }, { createdAt: b.record.createdAt, id: b.record.id }, 2);
      expect(second).toEqual({ items: [a], more: false });
      expect((await store.listWithMissingDocuments({ kind: 'street', id: 's-haishan' }, undefined, 10)).items.map((stored) => stored.record.id)).toEqual([b.record.id, a.record.id]);
    });

    it('listApprovedInYear: the district\'s proposals with a budget in that year, withdrawn left out, by community then age', async () => {
      const budgeted = (place: typeof TIANXIN, createdAt: string, state: ProposalState, budgetYear: number) =>
        created(store, { ...place, createdAt, state, budgetYear, approvedBudgetFen: 1_000_000 });
      const t1 = await budgeted(TIANXIN, '2026-03-01T02:00:00.000Z', 'approved', 2026);
      const q1 = await budgeted(QIAOYUAN, '2026-05-01T02:00:00.000Z', 'implementing', 2026);
      const q0 = await budgeted(QIAOYUAN, '2026-04-01T02:00:00.000Z', 'audited', 2026);
      await budgeted(TIANXIN, '2026-02-01T02:00:00.000Z', 'withdrawn', 2026);
      await budgeted(TIANXIN, '2025-02-01T02:00:00.000Z', 'approved', 2025);
      await created(store, { createdAt: '2026-01-01T02:00:00.000Z' });
      expect((await store.listApprovedInYear('d-yantian', 2026)).map((project) => project.id)).toEqual([q0.record.id, q1.record.id, t1.record.id]);
      expect(await store.listApprovedInYear('d-nowhere', 2026)).toEqual([]);
      // R-FUN-3: the running totals agree with the list, and move with every write of a listed project.
      const before = await store.subsidyTotals('d-yantian', 2026);
      expect(before).toMatchObject({ projectCount: 3, approvedFen: 3_000_000 });
      expect(await store.subsidyTotals('d-yantian', 2025)).toMatchObject({ projectCount: 1, approvedFen: 1_000_000 });
      expect(await store.subsidyTotals('d-nowhere', 2026)).toEqual({ version: 0, projectCount: 0, approvedFen: 0 });
      const moved = await store.commitTransitions(transition(t1, 'publicity'));
      if (!moved.ok) throw new Error(moved.code);
      const after = await store.subsidyTotals('d-yantian', 2026);
      expect(after).toMatchObject({ projectCount: 3, approvedFen: 3_000_000 });
      expect(after.version).toBeGreaterThan(before.version);
      expect((await store.commitTransitions(transition(q1, 'withdrawn'))).ok).toBe(true);
      expect(await store.subsidyTotals('d-yantian', 2026)).toMatchObject({ projectCount: 2, approvedFen: 2_000_000 });
      expect((await store.listApprovedInYear('d-yantian', 2026)).map((project) => project.id)).toEqual([q0.record.id, t1.record.id]);
    });

    it('library: entries page newest first, each audited on its own chain; found by id', async () => {
      const entries = [];
      for (let n = 0; n < 5; n += 1) {
        const entry = {
          id: nextId('lib'),
          title: `项目库条目 ${n}`,
          category: 'goods' as const,
          plan: '标准方案',
          budgetLines: [{ item: '器材', amountFen: 1_000_000 + n }],
          createdAt: `2026-06-0${1 + Math.floor(n / 2)}T02:00:00.000Z`,
          scopeId: 's-haishan',
        };
        expect(await store.addLibraryEntry({ entry, scopeId: 's-haishan', createdBy: 'u-street-haishan', audit: auditOf(`library:${entry.id}`, 'library.add', null, null) })).toEqual(entry);
        entries.push(entry);
      }
      const listed = await pageAll((after) => store.listLibrary(after, 2), 2, (entry) => ({ createdAt: entry.createdAt, id: entry.id }));
      expect(listed.map((entry) => entry.id)).toEqual([...entries].sort(newestFirst).map((entry) => entry.id));
      expect(await store.findLibraryEntry(entries[3].id)).toEqual(entries[3]);
      expect(await store.findLibraryEntry('lib-nothing')).toBeNull();
      expect(await store.auditTrail(`library:${entries[0].id}`)).toEqual([expect.objectContaining({ seq: 1, action: 'library.add' })]);
    });

    it('R-SUP-3: library lists only the entries of the scope ids it is given, newest first', async () => {
      const add = (id: string, scopeId: string, createdAt: string) =>
        store.addLibraryEntry({
          entry: { id, title: id, category: 'goods', plan: '标准方案', budgetLines: [{ item: '器材', amountFen: 1_000 }], createdAt },
          scopeId,
          createdBy: 'u-contract',
          audit: auditOf(`library:${id}`, 'library.add', null, null),
        });
      await add(nextId('lib-city'), 'city', '2026-06-01T02:00:00.000Z');
      await add(nextId('lib-haishan'), 's-haishan', '2026-06-02T02:00:00.000Z');
      await add(nextId('lib-shatoujiao'), 's-shatoujiao', '2026-06-03T02:00:00.000Z');
      await add(nextId('lib-yantian'), 'd-yantian', '2026-06-04T02:00:00.000Z');
      const scopes = async (ids: string[]) => (await store.listLibrary(undefined, 10, ids)).items.map((entry) => entry.scopeId);
      expect(await scopes(['s-haishan', 'd-yantian', 'city'])).toEqual(['d-yantian', 's-haishan', 'city']);
      expect(await scopes(['city'])).toEqual(['city']);
      expect(await scopes([])).toEqual([]);
    });
  });

  describe('comments and ratings', () => {
    it('a published comment counts on the proposal; a pending one is seen by its author and by staff only; moderation decides once', async () => {
      const stored = await created(store, { state: 'publicity' });
      const published = await addComment(store, comment(stored.record.id, { createdAt: '2026-08-03T02:00:00.000Z' }));
      const pending = await addComment(store, comment(stored.record.id, { authorOpenid: 'u-res-4', authorName: '林美华', status: 'pending', createdAt: '2026-08-03T03:00:00.000Z' }));
      if (!published.ok || !pending.ok) throw new Error('refused');
      expect(published.value).toEqual({ comment: expect.objectContaining({ status: 'published' }), created: true });
      expect((await store.findProposal(stored.record.id))?.counters.commentCount).toBe(1);
      // The visibility is decided by domain/comments.ts; the store only has to apply it.
      const visible = async (pendingOf: string | null, allPending: boolean) =>
        (await store.listComments({ proposalId: stored.record.id, visibility: { pendingOf, allPending }, limit: 20 })).items.map((item) => item.id);
      const publishedId = published.value.comment.id;
      const pendingId = pending.value.comment.id;
      expect(await visible(null, false)).toEqual([publishedId]);
      expect(await visible('u-res-3', false)).toEqual([publishedId]);
      expect(await visible('u-res-4', false)).toEqual([pendingId, publishedId]);
      expect(await visible('u-com-tianxin', true)).toEqual([pendingId, publishedId]);

      const decided = await moderate(store, pendingId, stored.record.id, true);
      expect(decided).toEqual({ ok: true, value: expect.objectContaining({ id: pendingId, status: 'published' }) });
      expect(await moderate(store, pendingId, stored.record.id, false)).toEqual({ ok: false, code: 'invalid_state' });
      expect(await moderate(store, 'cm-nothing', stored.record.id, true)).toEqual({ ok: false, code: 'invalid_state' });
      expect((await store.findProposal(stored.record.id))?.counters.commentCount).toBe(2);
      expect(await visible(null, false)).toEqual([pendingId, publishedId]);

      const hidden = await addComment(store, comment(stored.record.id, { status: 'pending', createdAt: '2026-08-03T04:00:00.000Z' }));
      if (!hidden.ok) throw new Error(hidden.code);
      expect(await moderate(store, hidden.value.comment.id, stored.record.id, false)).toEqual({ ok: true, value: expect.objectContaining({ status: 'hidden' }) });
      expect(await visible('u-res-3', false)).toEqual([pendingId, publishedId]);
      expect(await visible('u-com-tianxin', true)).toEqual([pendingId, publishedId]);
      expect((await store.findProposal(stored.record.id))?.counters.commentCount).toBe(2);
      expect(await store.findComment(hidden.value.comment.id)).toMatchObject({ status: 'hidden' });
      expect(await store.findComment('cm-nothing')).toBeNull();
      // Three comments and two decisions, on the proposal's comment chain; refusals left no entry.
      const trail = await store.auditTrail(`comments:${stored.record.id}`);
      expect(trail.map((entry) => entry.action)).toEqual(['comment.add', 'comment.add', 'comment.moderate', 'comment.add', 'comment.moderate']);
      expect(verifyChain(trail)).toBeNull();
    });

    it('addComment: a retried key answers the first comment; a proposal out of the state is window_closed and nothing is written; rate limited past the maximum', async () => {
      const stored = await created(store, { state: 'publicity' });
      const first = await addComment(store, comment(stored.record.id, { text: '第一条' }), { requestId: 'comment-key-0001' });
      const retried = await addComment(store, comment(stored.record.id, { text: '重试' }), { requestId: 'comment-key-0001' });
      if (!first.ok) throw new Error(first.code);
      expect(retried).toEqual({ ok: true, value: { comment: first.value.comment, created: false } });
      const closed = await created(store, { state: 'approved' });
      const late = comment(closed.record.id);
      expect(await addComment(store, late)).toEqual({ ok: false, code: 'window_closed' });
      expect(await store.findComment(late.id)).toBeNull();
      expect((await store.findProposal(closed.record.id))?.counters.commentCount).toBe(0);
      expect(await addComment(store, comment('p-nothing'))).toEqual({ ok: false, code: 'window_closed' });
      const limits = { max: 2, windowStart: '2026-08-03T05:00' };
      expect((await addComment(store, comment(stored.record.id), limits)).ok).toBe(true);
      expect((await addComment(store, comment(stored.record.id), limits)).ok).toBe(true);
      const third = comment(stored.record.id);
      expect(await addComment(store, third, limits)).toEqual({ ok: false, code: 'rate_limited' });
      expect(await store.findComment(third.id)).toBeNull();
      expect((await store.findProposal(stored.record.id))?.counters.commentCount).toBe(3);
      expect((await addComment(store, third, { ...limits, windowStart: '2026-08-03T06:00' })).ok).toBe(true);
    });

    it('replyComment stores the community\'s answer and queues a message to the author', async () => {
      const stored = await created(store, { state: 'publicity' });
      const added = await addComment(store, comment(stored.record.id));
      if (!added.ok) throw new Error(added.code);
      await deliverAll(store);
      const replied = await store.replyComment({
        commentId: added.value.comment.id,
        text: '已采纳您的建议。',
        openid: 'u-com-tianxin',
        at: '2026-08-04T02:00:00.000Z',
        audit: auditOf(`comments:${stored.record.id}`, 'comment.reply', null, null, '2026-08-04T02:00:00.000Z'),
        outbox: [messageTo('u-res-3', 'comment_answered', { proposalId: stored.record.id })],
      });
      expect(replied).toEqual({ ...added.value.comment, reply: { text: '已采纳您的建议。', openid: 'u-com-tianxin', repliedAt: '2026-08-04T02:00:00.000Z' } });
      expect(await store.findComment(added.value.comment.id)).toEqual(replied);
      expect(await store.takeUndelivered(10)).toEqual([expect.objectContaining({ recipientOpenid: 'u-res-3', kind: 'comment_answered' })]);
      expect((await store.auditTrail(`comments:${stored.record.id}`)).map((entry) => entry.action)).toEqual(['comment.add', 'comment.reply']);
    });

    it('replyComment to a comment that does not exist fails and writes nothing: no audit entry, no message', async () => {
      const stored = await created(store, { state: 'publicity' });
      await deliverAll(store);
      const refused = await refusedCall(
        store.replyComment({
          commentId: 'cm-nothing',
          text: '回复',
          openid: 'u-com-tianxin',
          at: AT,
          audit: auditOf(`comments:${stored.record.id}`, 'comment.reply', null, null),
          outbox: [messageTo('u-res-3', 'comment_answered', { proposalId: stored.record.id })],
        }),
      );
      expect(refused).toBe(true);
      expect(await store.auditTrail(`comments:${stored.record.id}`)).toEqual([]);
      expect(await undeliveredCount(store)).toBe(0);
    });

    it('listComments pages newest first without duplicates or gaps', async () => {
      const stored = await created(store, { state: 'publicity' });
      const ids: { createdAt: string; id: string }[] = [];
      for (let n = 0; n < 11; n += 1) {
        const value = comment(stored.record.id, { createdAt: `2026-08-0${3 + Math.floor(n / 4)}T02:00:00.000Z` });
        expect((await addComment(store, value)).ok).toBe(true);
        ids.push({ createdAt: value.createdAt, id: value.id });
      }
      const listed = await pageAll(
        (after) => store.listComments({ proposalId: stored.record.id, visibility: { pendingOf: null, allPending: false }, after, limit: 3 }),
        3,
        (item) => ({ createdAt: item.createdAt, id: item.id }),
      );
      expect(listed.map((item) => item.id)).toEqual(ids.sort(newestFirst).map((key) => key.id));
    });

    it('ratings: one per resident, a later one replaces it, counters consistent — also when many residents rate at once', async () => {
      const stored = await created(store, { state: 'completed' });
      const rate = (openid: string, stars: number, text?: string) =>
        store.setRating({ rating: { proposalId: stored.record.id, openid, stars, text, updatedAt: AT }, proposalState: 'completed', audit: ratingAudit(openid, stars) });
      const ratingAudit = (openid: string, stars: number) => ({ ...auditOf(`ratings:${stored.record.id}`, 'rating.set', null, null), detail: { openid, stars } });
      expect(await rate('u-res-3', 3)).toEqual({ ok: true, value: { proposalId: stored.record.id, openid: 'u-res-3', stars: 3, updatedAt: AT } });
      expect((await rate('u-res-3', 5, '很好')).ok).toBe(true);
      expect((await rate('u-res-4', 4)).ok).toBe(true);
      expect((await store.findProposal(stored.record.id))?.counters).toEqual({ commentCount: 0, ratingCount: 2, ratingSum: 9, histogram: [0, 0, 0, 1, 1] });
      const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((name, index) => rate(`u-rater-${name}`, (index % 5) + 1)));
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      expect((await store.findProposal(stored.record.id))?.counters).toEqual({ commentCount: 0, ratingCount: 8, ratingSum: 9 + 1 + 2 + 3 + 4 + 5 + 1, histogram: [2, 1, 1, 2, 2] });
      // The same resident racing with themself still counts once.
      await Promise.all([1, 2, 3].map((stars) => rate('u-rater-z', stars)));
      const counters = (await store.findProposal(stored.record.id))!.counters;
      expect(counters.ratingCount).toBe(9);
      expect(counters.histogram.reduce((sum, n) => sum + n, 0)).toBe(9);
      expect(counters.histogram.reduce((sum, n, index) => sum + n * (index + 1), 0)).toBe(counters.ratingSum);
      expect(
        await store.setRating({ rating: { proposalId: stored.record.id, openid: 'u-res-3', stars: 1, updatedAt: AT }, proposalState: 'evaluated', audit: ratingAudit('u-res-3', 1) }),
      ).toEqual({ ok: false, code: 'window_closed' });
      expect((await store.findProposal(stored.record.id))!.counters).toEqual(counters);
      // Every accepted rating, and no refused one, is on the proposal's rating chain.
      const trail = await store.auditTrail(`ratings:${stored.record.id}`);
      expect(trail).toHaveLength(3 + 6 + 3);
      expect(verifyChain(trail)).toBeNull();
    });
  });

  describe('notices, outbox, files and the audit trail', () => {
    it('noticeOverdue tells once per proposal, deadline and due day, however often it is asked', async () => {
      const stored = await created(store, { state: 'street_review' });
      await deliverAll(store);
      const notice = (deadline: string, dueOn: string) =>
        store.noticeOverdue({ proposalId: stored.record.id, deadline, dueOn, at: AT, outbox: [messageTo('u-street-haishan', 'deadline_overdue', { deadline, dueOn })] });
      expect(await notice('reviewDueOn', '2026-08-28')).toBe(true);
      expect(await notice('reviewDueOn', '2026-08-28')).toBe(false);
      expect(await Promise.all([notice('reviewDueOn:near', '2026-08-28'), notice('reviewDueOn:near', '2026-08-28')])).toEqual(expect.arrayContaining([true, false]));
      expect(await notice('reviewDueOn', '2026-09-30')).toBe(true);
      expect((await store.takeUndelivered(10)).map((message) => message.payload)).toEqual([
        { deadline: 'reviewDueOn', dueOn: '2026-08-28' },
        { deadline: 'reviewDueOn:near', dueOn: '2026-08-28' },
        { deadline: 'reviewDueOn', dueOn: '2026-09-30' },
      ]);
    });

    it('outbox: undelivered messages oldest first up to the limit; settled ones never again; settling twice is harmless', async () => {
      const stored = await created(store, { state: 'street_review' });
      await deliverAll(store);
      for (let n = 0; n < 7; n += 1) {
        await store.noticeOverdue({ proposalId: stored.record.id, deadline: `d${n}`, dueOn: '2026-08-28', at: AT, outbox: [messageTo(`u-${n}`), messageTo(`u-${n}-b`)] });
      }
      const firstFive = await store.takeUndelivered(5);
      expect(firstFive.map((message) => message.recipientOpenid)).toEqual(['u-0', 'u-0-b', 'u-1', 'u-1-b', 'u-2']);
      expect(new Set(firstFive.map((message) => message.id)).size).toBe(5);
      await store.settleOutbox({ ids: firstFive.map((message) => message.id), at: AT, outcome: 'sent' });
      await store.settleOutbox({ ids: firstFive.map((message) => message.id), at: '2026-08-04T02:00:00.000Z', outcome: 'failed', detail: 'late' });
      const rest = await store.takeUndelivered(100);
      expect(rest.map((message) => message.recipientOpenid)).toEqual(['u-2-b', 'u-3', 'u-3-b', 'u-4', 'u-4-b', 'u-5', 'u-5-b', 'u-6', 'u-6-b']);
      expect(rest.every((message) => !firstFive.some((done) => done.id === message.id))).toBe(true);
      await store.settleOutbox({ ids: [], at: AT, outcome: 'sent' });
      await store.settleOutbox({ ids: rest.map((message) => message.id), at: AT, outcome: 'skipped', detail: 'no template' });
      expect(await store.takeUndelivered(100)).toEqual([]);
    });

    it('outbox claims: a message claimed by one is passed over by another until its lease runs out; racing claims never share a message', async () => {
      const stored = await created(store, { state: 'street_review' });
      await deliverAll(store);
      for (let n = 0; n < 6; n += 1) {
        await store.noticeOverdue({ proposalId: stored.record.id, deadline: `c${n}`, dueOn: '2026-08-28', at: AT, outbox: [messageTo(`u-${n}`)] });
      }
      const lease = (claimant: string, now: string, limit = 10) => store.claimOutbox({ claimant, now, leaseUntil: '2026-08-03T02:01:00.000Z', limit });
      // Two processes claim at the same time: every message goes to exactly one of them.
      const [first, second] = await Promise.all([lease('process-a', AT, 4), lease('process-b', AT, 4)]);
      const ids = [...first, ...second].map((message) => message.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      expect(first.map((message) => message.recipientOpenid).concat(second.map((message) => message.recipientOpenid)).sort()).toEqual(['u-0', 'u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
      // While the leases hold nothing is claimable; a look still sees them undelivered.
      expect(await lease('process-c', '2026-08-03T02:00:59.000Z')).toEqual([]);
      expect(await store.takeUndelivered(10)).toHaveLength(6);
      // Settled ones are done; the others are claimable again once their lease ran out.
      await store.settleOutbox({ ids: first.map((message) => message.id), at: AT, outcome: 'sent' });
      const again = await lease('process-c', '2026-08-03T02:01:00.000Z');
      expect(again.map((message) => message.id).sort()).toEqual(second.map((message) => message.id).sort());
    });

    it('outbox failures: each failed attempt is counted and keeps the lease; the last allowed one gives the message up as failed', async () => {
      const stored = await created(store, { state: 'street_review' });
      await deliverAll(store);
      await store.noticeOverdue({ proposalId: stored.record.id, deadline: 'f', dueOn: '2026-08-28', at: AT, outbox: [messageTo('u-failing')] });
      const [message] = await store.claimOutbox({ claimant: 'a', now: AT, leaseUntil: '2026-08-03T02:01:00.000Z', limit: 10 });
      expect(await store.noteDeliveryFailure({ id: message.id, at: AT, detail: 'timeout', maxAttempts: 2 })).toBe(false);
      expect(await store.claimOutbox({ claimant: 'b', now: '2026-08-03T02:00:30.000Z', leaseUntil: '2026-08-03T02:02:00.000Z', limit: 10 })).toEqual([]);
      const [retried] = await store.claimOutbox({ claimant: 'b', now: '2026-08-03T02:01:00.000Z', leaseUntil: '2026-08-03T02:02:00.000Z', limit: 10 });
      expect(retried.id).toBe(message.id);
      expect(await store.noteDeliveryFailure({ id: message.id, at: AT, detail: 'timeout', maxAttempts: 2 })).toBe(true);
      expect(await store.takeUndelivered(10)).toEqual([]);
      // A message that is settled already is not failed again.
      expect(await store.noteDeliveryFailure({ id: message.id, at: AT, detail: 'late', maxAttempts: 2 })).toBe(false);
    });

    it('pending comments for the recheck job: oldest first, paged, only pending ones; rate counters pruned by the start of their window', async () => {
      const stored = await created(store, { state: 'publicity' });
      const made: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        const value = comment(stored.record.id, { status: n === 2 ? 'published' : 'pending', createdAt: `2026-08-03T0${2 + n}:00:00.000Z` });
        expect((await addComment(store, value, { windowStart: '2026-08-01T02:00' })).ok).toBe(true);
        if (n !== 2) made.push(value.id);
      }
      const page = await store.listPendingComments(undefined, 3);
      expect(page.items.map((item) => item.id)).toEqual(made.slice(0, 3));
      expect(page.more).toBe(true);
      const last = page.items[2];
      expect((await store.listPendingComments({ createdAt: last.createdAt, id: last.id }, 3)).items.map((item) => item.id)).toEqual(made.slice(3));
      // The windows of 1 and 3 Aug go (a store may have dropped a caller's old window already when it
      // opened a new one); the window of 5 Aug stays and still counts.
      await addComment(store, comment(stored.record.id), { windowStart: '2026-08-05T02:00' });
      expect(await store.pruneRateCounters('2026-08-04T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      expect(await store.pruneRateCounters('2026-08-04T00:00:00.000Z')).toBe(0);
      expect(await addComment(store, comment(stored.record.id), { windowStart: '2026-08-05T02:00', max: 1 })).toEqual({ ok: false, code: 'rate_limited' });
    });

    it('a closed store refuses later calls', async () => {
      await store.close();
      expect(await refusedCall(store.findProposal('p-anything'))).toBe(true);
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('files: saved and found; an unknown id is null', async () => {
      const file = { id: 'f-contract-0001.jpg', ownerOpenid: 'u-res-3', contentType: 'image/jpeg', bytes: 1234, path: 'proposals/u-res-3/f-contract-0001.jpg', createdAt: AT };
      await store.saveFile(file);
      expect(await store.findFile(file.id)).toEqual(file);
      expect(await store.findFile('f-nothing')).toBeNull();
      expect(await refusedCall(store.saveFile(file))).toBe(true);
      expect(await store.findFile(file.id)).toEqual(file);
    });

    it('R-SUP-2: the audit trail of a proposal holds after several writes — each entry points at the one before', async () => {
      let stored = await created(store);
      for (const to of ['adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review'] as ProposalState[]) {
        const outcome = await store.commitTransitions(transition(stored, to));
        if (!outcome.ok) throw new Error(outcome.code);
        stored = outcome.value[0];
      }
      const racing = await Promise.all([store.commitTransitions(transition(stored, 'approved')), store.commitTransitions(transition(stored, 'rejected'))]);
      expect(racing.filter((outcome) => outcome.ok)).toHaveLength(1);
      const trail = await store.auditTrail(stored.record.id);
      expect(trail.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(trail.map((entry) => entry.to)).toEqual(['submitted', 'adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', racing[0].ok ? 'approved' : 'rejected']);
      expect(verifyChain(trail)).toBeNull();
      trail.slice(1).forEach((entry, index) => expect(entry.prevHash).toBe(trail[index].hash));
      expect(verifyChain([trail[0], trail[2]])).not.toBeNull();
      expect(await store.auditTrail('p-nothing')).toEqual([]);
    });
  });
});
