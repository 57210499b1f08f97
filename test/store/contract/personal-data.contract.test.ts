import type { AuditDraft, AuditDigest, FileRecord, Store, StoredProposal } from '../../../backend/app/ports/store.port';
import type { ProposalRecord } from '../../../types/domain';
import { buildProposal } from '../../domain/factories';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, sqliteTarget, type OpenedStore, type StoreTarget } from './targets';

// The Store contract of issue 14 (audit anchoring, upload housekeeping) and issue 17 (personal
// data), on every adapter: the port's meaning for these methods is this file.

const targets: StoreTarget[] = [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget];
const TIANXIN = { communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-yantian' };
const AT = '2026-08-03T02:00:00.000Z';
let serial = 0;
const nextId = (prefix: string) => `${prefix}-pd-${String(++serial).padStart(4, '0')}`;

const audit = (chainId: string, at = AT, actor = 'u-contract'): AuditDraft => ({ chainId, at, actor, action: 'contract', from: null, to: null, detail: {} });

async function propose(store: Store, overrides: Partial<ProposalRecord> = {}): Promise<StoredProposal> {
  const record = buildProposal({ id: nextId('p'), ...TIANXIN, state: 'submitted', version: 1, proposerOpenid: 'u-res-3', proposerName: '王建国', createdAt: AT, ...overrides });
  const created = await store.createProposal({
    record,
    indexing: { openDeadlineOn: null, missingDocuments: [] },
    request: { openid: record.proposerOpenid, action: 'proposal.submit', requestId: nextId('req') },
    rateLimit: { openid: record.proposerOpenid, action: 'proposal.submit', windowStart: '2026-08-03', max: 1000 },
    audit: { ...audit(record.id, record.createdAt), to: 'submitted' },
    outbox: [{ recipientOpenid: record.proposerOpenid, kind: 'contract', payload: { proposalId: record.id } }],
  });
  if (!created.ok) throw new Error(created.code);
  return created.value.stored;
}

const file = (overrides: Partial<FileRecord> = {}): FileRecord => ({
  id: nextId('f'),
  ownerOpenid: 'u-res-3',
  contentType: 'image/png',
  bytes: 1000,
  path: '/tmp/none.png',
  createdAt: '2026-08-01T02:00:00.000Z',
  ...overrides,
});

async function allDigests(store: Store, page: number): Promise<AuditDigest[]> {
  const all: AuditDigest[] = [];
  for (let after: string | undefined; ; ) {
    const digests = await store.auditDigests(after, page);
    if (digests.length === 0) return all;
    all.push(...digests);
    after = digests[digests.length - 1].cursor;
  }
}

describe.each(targets)('the Store contract (anchoring, uploads, personal data) on $name', (target) => {
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

  it('M4: auditDigests pages through every entry once, in the order they were appended (at rising here)', async () => {
    const before = await allDigests(store, 1000);
    await propose(store, { createdAt: '2026-08-03T01:00:00.000Z' });
    await propose(store, { createdAt: '2026-08-03T03:00:00.000Z' });
    const after = await allDigests(store, 1000);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((digest) => digest.at)).toEqual(['2026-08-03T01:00:00.000Z', '2026-08-03T03:00:00.000Z']);
    expect(await allDigests(store, 1)).toEqual(after);
  });

  it('L1: uploadUsage counts a person\'s files and bytes since an instant', async () => {
    await store.saveFile(file({ bytes: 100, createdAt: '2026-08-02T15:00:00.000Z' }));
    await store.saveFile(file({ bytes: 200, createdAt: '2026-08-02T16:30:00.000Z' }));
    await store.saveFile(file({ bytes: 400, createdAt: '2026-08-03T01:00:00.000Z' }));
    await store.saveFile(file({ ownerOpenid: 'u-res-4', bytes: 800, createdAt: '2026-08-03T01:00:00.000Z' }));
    expect(await store.uploadUsage('u-res-3', '2026-08-02T16:00:00.000Z')).toEqual({ count: 2, bytes: 600 });
    expect(await store.uploadUsage('u-res-9', '2026-08-02T16:00:00.000Z')).toEqual({ count: 0, bytes: 0 });
  });

  it('L1: listUnreferencedFiles names the old files no proposal shows, never a shown or a new one; removeFile forgets one', async () => {
    const shown = file();
    const orphan = file();
    const fresh = file({ createdAt: '2026-08-03T01:00:00.000Z' });
    const othersPhoto = file({ ownerOpenid: 'u-res-4' });
    for (const f of [shown, orphan, fresh, othersPhoto]) await store.saveFile(f);
    await propose(store, { photos: [shown.id] });
    // u-res-3's proposal naming u-res-4's file does not keep it: only the owner's proposals can show it.
    await propose(store, { photos: [othersPhoto.id] });
    const found = await store.listUnreferencedFiles('2026-08-02T02:00:00.000Z', 10);
    expect(found.map((f) => f.id).sort()).toEqual([orphan.id, othersPhoto.id].sort());
    expect(await store.listUnreferencedFiles('2026-08-02T02:00:00.000Z', 10)).toHaveLength(2);
    await store.removeFile(orphan.id);
    expect(await store.findFile(orphan.id)).toBeNull();
    expect((await store.listUnreferencedFiles('2026-08-02T02:00:00.000Z', 10)).map((f) => f.id)).toEqual([othersPhoto.id]);
    expect(await store.findFile(shown.id)).toEqual(shown);
  });

  it('PIPL: recordConsent keeps the latest version agreed to, findConsent reads it', async () => {
    expect(await store.findConsent('u-res-3')).toBeNull();
    await store.recordConsent({ openid: 'u-res-3', consent: { version: '1', at: AT }, audit: audit('user:u-res-3') });
    await store.recordConsent({ openid: 'u-res-3', consent: { version: '2', at: '2026-08-04T00:00:00.000Z' }, audit: audit('user:u-res-3') });
    expect(await store.findConsent('u-res-3')).toEqual({ version: '2', at: '2026-08-04T00:00:00.000Z' });
    expect((await store.auditTrail('user:u-res-3')).length).toBe(2);
  });

  it('PIPL: personalData holds the profile, grants, consent, proposals, files and messages of one openid only', async () => {
    const stored = await propose(store);
    await propose(store, { proposerOpenid: 'u-res-4', proposerName: '林美华' });
    await store.saveFile(file());
    await store.recordConsent({ openid: 'u-res-3', consent: { version: '1', at: AT }, audit: audit('user:u-res-3') });
    const data = await store.personalData('u-res-3');
    expect(data.user).toMatchObject({ openid: 'u-res-3', communityId: 'c-tianxin', grants: [{ role: 'resident', scopeId: 'c-tianxin' }] });
    expect(data.consent).toEqual({ version: '1', at: AT });
    expect(data.proposals.map((p) => p.id)).toEqual([stored.record.id]);
    expect(data.files).toHaveLength(1);
    expect(data.messages).toEqual([expect.objectContaining({ kind: 'contract', payload: { proposalId: stored.record.id } })]);
    expect(await store.personalData('u-nobody')).toEqual({ user: null, consent: null, proposals: [], comments: [], ratings: [], files: [], messages: [] });
  });

  it('PIPL: erasePerson moves every record to the pseudonym under the erased name, and leaves nothing under the openid', async () => {
    const stored = await propose(store);
    await store.saveFile(file());
    await store.recordConsent({ openid: 'u-res-3', consent: { version: '1', at: AT }, audit: audit('user:u-res-3') });
    // One complaint the person made, one they answered (as staff): both stay, under the pseudonym.
    const made = { id: nextId('cp'), ...TIANXIN, authorOpenid: 'u-res-3', text: '路灯坏了', status: 'open' as const, createdAt: AT };
    const answered = { id: nextId('cp'), ...TIANXIN, authorOpenid: 'u-res-4', text: '座椅松了', status: 'open' as const, createdAt: AT };
    for (const complaint of [made, answered]) {
      await store.submitComplaint({ complaint, request: { openid: complaint.authorOpenid, action: 'complaint.submit', requestId: nextId('req') }, audit: audit(`complaint:${complaint.id}`), outbox: [] });
    }
    const answer = { text: '已修好', outcome: 'upheld' as const, by: 'u-res-3', answeredAt: AT };
    await store.answerComplaint({ complaint: { ...answered, status: 'answered', answer }, audit: audit(`complaint:${answered.id}`), outbox: [] });
    await store.erasePerson({ openid: 'u-res-3', pseudonym: 'erased-0001', erasedName: '已注销用户', at: '2026-08-05T00:00:00.000Z', audit: audit('user:erased-0001', '2026-08-05T00:00:00.000Z', 'erased-0001') });
    expect(await store.findUser('u-res-3')).toBeNull();
    expect(await store.findConsent('u-res-3')).toBeNull();
    expect(await store.personalData('u-res-3')).toEqual({ user: null, consent: null, proposals: [], comments: [], ratings: [], files: [], messages: [] });
    const after = (await store.findProposal(stored.record.id))!.record;
    expect({ openid: after.proposerOpenid, name: after.proposerName, title: after.title }).toEqual({ openid: 'erased-0001', name: '已注销用户', title: stored.record.title });
    expect((await store.personalData('erased-0001')).files).toHaveLength(1);
    expect(await store.findComplaint(made.id)).toEqual({ ...made, authorOpenid: 'erased-0001' });
    expect(await store.findComplaint(answered.id)).toEqual({ ...answered, status: 'answered', answer: { ...answer, by: 'erased-0001' } });
    expect((await store.listComplaints({ scope: { kind: 'all' }, authorOpenid: 'u-res-3', limit: 10 })).items).toEqual([]);
    expect(await store.erasedAt(['u-res-3', 'u-res-4'])).toEqual(new Map([['u-res-3', '2026-08-05T00:00:00.000Z']]));
    expect((await store.auditTrail('user:erased-0001')).map((entry) => entry.actor)).toEqual(['erased-0001']);
    // The staff of the community no longer lists the erased resident.
    expect(await store.staffOf('resident', 'c-tianxin')).not.toContain('u-res-3');
  });
});
