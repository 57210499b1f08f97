import { createApp, bringTo, advance, dataOf, expectRefused, fingerprint } from '../support/app-harness';
import { verifyAuditTrail, holds } from '../../backend/local/audit-verify';

// Issue 17 item 5 (PIPL): me.export, me.delete, me.consent.

async function residentWithEverything() {
  const app = createApp();
  const journey = await bringTo(app, 'publicity');
  const comment = await app.ok('u-res-1', journey.day, 'comment.add', { proposalId: journey.id, text: '希望座椅加靠背', requestId: 'req-comment-0001' });
  await app.ok(journey.cast.worker, journey.day, 'comment.reply', { commentId: comment.id, text: '好的，会加上' });
  await advance(app, journey, 'implementing');
  await advance(app, journey, 'started');
  await advance(app, journey, 'completed');
  await app.ok('u-res-1', journey.day, 'rating.set', { proposalId: journey.id, stars: 4, text: '不错' });
  await app.ok('u-res-1', journey.day, 'me.consent', { version: '2026.1' });
  const complaint = await app.ok('u-res-1', journey.day, 'complaint.submit', { communityId: 'c-zhongying', proposalId: journey.id, text: '座椅的油漆没干就开放了。', requestId: 'req-complaint-0001' });
  await app.ok('u-street-shatoujiao', journey.day, 'complaint.answer', { id: complaint.id, answer: '已设置提示牌。', outcome: 'upheld' });
  return { app, journey, comment, complaint };
}

describe('me.consent and me.get', () => {
  it('PIPL: the privacy consent is recorded with its version and instant, and me.get answers it', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-res-3', '2026-03-02', 'me.get', {})).consent).toBeNull();
    const consent = dataOf(await app.callAt('u-res-3', '2026-03-02T09:30:00+08:00', 'me.consent', { version: '2026.1' }));
    expect(consent).toEqual({ version: '2026.1', at: '2026-03-02T01:30:00.000Z' });
    expect(dataOf(await app.call('u-res-3', '2026-03-03', 'me.get', {})).consent).toEqual(consent);
    expectRefused(await app.call(null, '2026-03-03', 'me.consent', { version: '2026.1' }), 'unauthenticated');
    expectRefused(await app.call('u-res-3', '2026-03-03', 'me.consent', { version: '' }), 'invalid_input', 'version');
  });
});

describe('me.export', () => {
  it('PIPL: answers everything stored about the caller — profile, roles, consent, proposals, comments with replies, ratings, complaints with answers, messages', async () => {
    const { app, journey, comment, complaint } = await residentWithEverything();
    const data = dataOf(await app.call('u-res-1', journey.day, 'me.export', {}));
    expect(data.profile).toMatchObject({ openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying' });
    expect(data.roles).toEqual([{ role: 'resident', scopeId: 'c-zhongying' }]);
    expect(data.consent).toMatchObject({ version: '2026.1' });
    expect(data.proposals.map((p: { id: string }) => p.id)).toEqual([journey.id]);
    expect(data.comments).toEqual([expect.objectContaining({ id: comment.id, text: '希望座椅加靠背', reply: expect.objectContaining({ text: '好的，会加上' }) })]);
    expect(data.ratings).toEqual([expect.objectContaining({ proposalId: journey.id, stars: 4, text: '不错' })]);
    expect(data.complaints).toEqual([
      {
        id: complaint.id,
        communityId: 'c-zhongying',
        proposalId: journey.id,
        text: '座椅的油漆没干就开放了。',
        status: 'answered',
        createdAt: expect.any(String),
        answer: { text: '已设置提示牌。', outcome: 'upheld', answeredAt: expect.any(String) },
      },
    ]);
    // The inbox: what the server told them about their proposal and the answer to their comment.
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notifications.map((n: { proposalId: string | null }) => n.proposalId)).toContain(journey.id);
    expect(data.notifications.map((n: { kind: string }) => n.kind)).toContain('comment_answered');
    expect(data.messages.length).toBeGreaterThan(0);
    // Nobody else's: the neighbour's export holds none of it.
    const neighbour = dataOf(await app.call('u-res-2', journey.day, 'me.export', {}));
    expect([neighbour.proposals, neighbour.comments, neighbour.ratings, neighbour.complaints]).toEqual([[], [], [], []]);
  });
});

describe('me.delete', () => {
  it('PIPL: after deleting an account with a proposal, comments, a rating and a complaint, public pages show 已注销用户, a new sign-in exports nothing and the audit trail still verifies', async () => {
    const { app, journey, complaint } = await residentWithEverything();
    const trailBefore = dataOf(await app.call(journey.cast.worker, journey.day, 'audit.trail', { id: journey.id })).entries;

    expectRefused(await app.call('u-res-1', journey.day, 'me.delete', {}), 'invalid_input', 'confirm');
    expectRefused(await app.call('u-res-1', journey.day, 'me.delete', { confirm: false }), 'invalid_input', 'confirm');
    expect(dataOf(await app.call('u-res-1', journey.day, 'me.delete', { confirm: true }))).toMatchObject({ deleted: true });

    // Public pages: the proposal and the comment keep their content under the erased name.
    const proposal = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect(proposal.proposer).toBe('已注销用户');
    expect(proposal.title).toBeTruthy();
    const staffView = dataOf(await app.call(journey.cast.worker, journey.day, 'proposal.get', { id: journey.id }));
    expect(staffView.proposer).toBe('已注销用户');
    const comments = dataOf(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id }));
    expect(comments.items).toEqual([expect.objectContaining({ author: '已注销用户', text: '希望座椅加靠背' })]);
    // The rating still counts.
    expect(dataOf(await app.call(null, journey.day, 'rating.summary', { proposalId: journey.id }))).toMatchObject({ count: 1, average: 4 });

    // A later sign-in with the same openid is a new, empty profile.
    const fresh = dataOf(await app.call('u-res-1', journey.day, 'me.export', {}));
    expect(fresh).toMatchObject({ openid: 'u-res-1', profile: null, roles: [], consent: null, proposals: [], comments: [], ratings: [], notifications: [], complaints: [], messages: [], files: [] });
    // The street keeps the complaint it answered, no longer tied to the openid.
    const streetList = dataOf(await app.call('u-street-shatoujiao', journey.day, 'complaint.list', { scopeId: 's-shatoujiao' })).items;
    expect(streetList).toEqual([expect.objectContaining({ id: complaint.id, text: '座椅的油漆没干就开放了。' })]);
    expect(app.store.db.prepare('SELECT COUNT(*) FROM complaints WHERE author_openid = ? OR record LIKE ?').pluck().get('u-res-1', '%"u-res-1"%')).toBe(0);
    expect(dataOf(await app.call('u-res-1', journey.day, 'me.get', {}))).toEqual({ openid: 'u-res-1', name: null, communityId: null, roles: [], consent: null });
    expect(dataOf(await app.call('u-res-1', journey.day, 'proposal.list', { mine: true })).items).toEqual([]);

    // The trail: earlier entries unchanged and still verifying; shown under the erased name.
    const trailAfter = dataOf(await app.call(journey.cast.worker, journey.day, 'audit.trail', { id: journey.id })).entries;
    expect(trailAfter.map((e: { hash: string }) => e.hash)).toEqual(trailBefore.map((e: { hash: string }) => e.hash));
    expect(trailAfter[0].actor).toBe('已注销用户');
    expect(trailAfter.filter((e: { actor: string }) => e.actor === 'u-res-1')).toEqual([]);
    const verified = await verifyAuditTrail(app.store);
    expect(verified.broken).toBeNull();
    expect(holds(verified)).toBe(true);
    // The erasure's own entry names a pseudonym, never the openid.
    const erasure = app.store.db.prepare("SELECT chain_id, actor FROM audit_entries WHERE action = 'me.delete'").get() as { chain_id: string; actor: string };
    expect(erasure.actor).toMatch(/^erased-/);
    expect(erasure.chain_id).toBe(`user:${erasure.actor}`);
    expect(JSON.stringify(fingerprint(app).users)).not.toContain('u-res-1');
  });

  it('PIPL: a deleted staff member\'s roles are revoked from the next request on', async () => {
    const app = createApp();
    dataOf(await app.call('u-street-haishan', '2026-03-02', 'role.list', { scopeId: 's-haishan' }));
    await app.ok('u-street-haishan', '2026-03-02', 'me.delete', { confirm: true });
    expect(dataOf(await app.call('u-street-haishan', '2026-03-02', 'me.get', {})).roles).toEqual([]);
    expectRefused(await app.call('u-street-haishan', '2026-03-02', 'role.list', { scopeId: 's-haishan' }), 'forbidden');
  });
});

describe('me.delete, again', () => {
  it('PIPL: deleting twice in the same instant (a retried request) answers ok both times', async () => {
    const app = createApp();
    dataOf(await app.callAt('u-res-3', '2026-03-02T10:00:00+08:00', 'me.delete', { confirm: true }));
    dataOf(await app.callAt('u-res-3', '2026-03-02T10:00:00+08:00', 'me.delete', { confirm: true }));
    expect(app.loggedErrors).toEqual([]);
  });
});
