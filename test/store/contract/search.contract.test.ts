import type { ProposalRecord } from '../../../types/domain';
import type { CommentRecord, ProposalIndexing, Store } from '../../../backend/app/ports/store.port';
import { buildProposal } from '../../domain/factories';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, sqliteTarget, type OpenedStore } from './targets';

// The Store contract of proposal search and of a person's own words (issue 17), on every local adapter.

const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
const NO_INDEXING: ProposalIndexing = { openDeadlineOn: null, missingDocuments: [] };
let serial = 0;

async function put(store: Store, overrides: Partial<ProposalRecord>): Promise<ProposalRecord> {
  serial += 1;
  const record = buildProposal({ id: `p-search-${String(serial).padStart(4, '0')}`, ...TIANXIN, state: 'submitted', version: 1, proposerOpenid: 'u-res-3', proposerName: '王建国', ...overrides });
  const outcome = await store.createProposal({
    record,
    indexing: NO_INDEXING,
    request: { openid: record.proposerOpenid, action: 'proposal.submit', requestId: `req-search-${serial}` },
    rateLimit: { openid: record.proposerOpenid, action: 'proposal.submit', windowStart: '2026-08-03', max: 1000 },
    audit: { chainId: record.id, at: record.createdAt, actor: record.proposerOpenid, action: 'proposal.submit', from: null, to: record.state, detail: {} },
    outbox: [],
  });
  if (!outcome.ok) throw new Error(outcome.code);
  return record;
}

for (const target of [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget]) {
  describe(`proposal search and my own words — ${target.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    const scope = { kind: 'community', id: TIANXIN.communityId } as const;
    const ids = async (query: Record<string, unknown>) =>
      (await store.listProposals({ scope, limit: 50, ...query })).items.map((item) => item.record.title).sort();

    beforeAll(async () => {
      opened = await target.open();
      store = opened.store;
      await put(store, { title: '社区花园改造', description: '把空地改成花园', location: '3栋旁', category: 'works', createdAt: '2025-12-31T15:59:00.000Z' });
      await put(store, { title: '加装电梯', description: '老旧小区LED照明', location: '花园路8号', category: 'goods', createdAt: '2025-12-31T16:00:00.000Z', state: 'rejected' });
      await put(store, { title: '长者饭堂', description: '午餐服务', location: '党群服务中心', category: 'services', createdAt: '2026-03-01T02:00:00.000Z', state: 'withdrawn' });
    }, target.timeoutMs);
    afterAll(async () => opened?.close());

    it('R-TRN-1: a query of three or more characters finds a substring of title, description or location', async () => {
      expect(await ids({ text: '花园改' })).toEqual(['社区花园改造']);
      expect(await ids({ text: '服务中心' })).toEqual(['长者饭堂']);
      expect(await ids({ text: '老旧小区led' })).toEqual(['加装电梯']);
      expect(await ids({ text: '没有这个词' })).toEqual([]);
    });

    it('R-TRN-1: queries of one and two characters still match, across every field', async () => {
      expect(await ids({ text: '花园' })).toEqual(['加装电梯', '社区花园改造']);
      expect(await ids({ text: '饭' })).toEqual(['长者饭堂']);
      expect(await ids({ text: '鑫' })).toEqual([]);
    });

    it('R-TRN-1: category, submission year (Asia/Shanghai) and several states filter, and count', async () => {
      expect(await ids({ category: 'goods' })).toEqual(['加装电梯']);
      // 2025-12-31T16:00Z is 1 January 2026 in Shanghai.
      expect(await ids({ year: 2025 })).toEqual(['社区花园改造']);
      expect(await ids({ year: 2026 })).toEqual(['加装电梯', '长者饭堂']);
      expect(await ids({ states: ['rejected', 'withdrawn'] })).toEqual(['加装电梯', '长者饭堂']);
      expect(await store.countProposals({ scope, text: '花园' }, 10_000)).toBe(2);
      expect(await store.countProposals({ scope }, 2)).toBe(2);
    });

    it('R-PUB-2: a person lists their own comments in every status, and finds their rating', async () => {
      const proposal = await put(store, { title: '口袋公园', state: 'publicity', createdAt: '2026-04-01T02:00:00.000Z' });
      for (const [i, status] of (['published', 'pending'] as const).entries()) {
        const comment: CommentRecord = { id: `cm-mine-${target.name.length}-${i}`, proposalId: proposal.id, authorOpenid: 'u-mine', authorName: '李', text: `意见${i}`, status, createdAt: `2026-04-0${2 + i}T02:00:00.000Z` };
        const added = await store.addComment({
          comment,
          request: { openid: 'u-mine', action: 'comment.add', requestId: `req-mine-${i}` },
          rateLimit: { openid: 'u-mine', action: 'comment.add', windowStart: 'w', max: 100 },
          proposalState: 'publicity',
          audit: { chainId: `comments:${proposal.id}`, at: comment.createdAt, actor: 'u-mine', action: 'comment.add', from: null, to: null, detail: {} },
          outbox: [],
        });
        expect(added.ok).toBe(true);
      }
      const first = await store.listCommentsBy('u-mine', undefined, 1);
      expect(first.items.map((c) => [c.text, c.status])).toEqual([['意见1', 'pending']]);
      expect(first.more).toBe(true);
      const next = await store.listCommentsBy('u-mine', { createdAt: first.items[0].createdAt, id: first.items[0].id }, 5);
      expect(next.items.map((c) => c.text)).toEqual(['意见0']);
      expect((await store.listCommentsBy('u-nobody', undefined, 5)).items).toEqual([]);

      const rated = await put(store, { title: '健身角', state: 'completed', createdAt: '2026-04-05T02:00:00.000Z' });
      const rating = { proposalId: rated.id, openid: 'u-mine', stars: 4, text: '好', updatedAt: '2026-05-01T02:00:00.000Z' };
      const set = await store.setRating({ rating, proposalState: 'completed', audit: { chainId: `ratings:${rated.id}`, at: rating.updatedAt, actor: 'u-mine', action: 'rating.set', from: null, to: null, detail: {} } });
      expect(set.ok).toBe(true);
      expect(await store.findRating(rated.id, 'u-mine')).toEqual(rating);
      expect(await store.findRating(rated.id, 'u-other')).toBeNull();
      expect((await store.listRatingsBy('u-mine', undefined, 5)).items).toEqual([rating]);
      expect((await store.listRatingsBy('u-mine', { updatedAt: rating.updatedAt, proposalId: rated.id }, 5)).items).toEqual([]);
    });
  });
}
