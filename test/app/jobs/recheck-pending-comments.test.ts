import { recheckPendingComments } from '../../../backend/app/jobs/recheck-pending-comments';
import { bringTo, contentCheckAnswering, createApp, dataOf, noonOf, unreachableContentCheck } from '../../support/app-harness';

describe('the recheck of held-back comments (jobs/recheck-pending-comments)', () => {
  async function heldComment() {
    const app = createApp({ contentCheck: contentCheckAnswering('review') });
    const journey = await bringTo(app, 'publicity');
    const comment = await app.ok('u-res-1', journey.day, 'comment.add', { proposalId: journey.id, text: '希望增加座椅。', requestId: 'recheck-0001' });
    expect(comment.status).toBe('pending');
    return { app, journey, comment, clock: { now: () => noonOf(journey.day) } };
  }

  it('R-PUB-2: a comment the check now passes is published, once, by the job (named in the audit trail)', async () => {
    const { app, journey, comment, clock } = await heldComment();
    expect(await recheckPendingComments({ store: app.store, contentCheck: contentCheckAnswering('pass'), clock })).toEqual({ published: 1, hidden: 0, kept: 0 });
    expect(await recheckPendingComments({ store: app.store, contentCheck: contentCheckAnswering('pass'), clock })).toEqual({ published: 0, hidden: 0, kept: 0 });
    const listed = dataOf(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id }));
    expect(listed.items).toEqual([expect.objectContaining({ id: comment.id, status: 'published' })]);
    const trail = await app.store.auditTrail(`comments:${journey.id}`);
    expect(trail.map((entry) => [entry.action, entry.actor])).toEqual([
      ['comment.add', 'u-res-1'],
      ['comment.moderate', 'system:cron'],
    ]);
  });

  it('R-PUB-2: risky now is hidden; unsure or unreachable leaves it for a community worker (fail closed)', async () => {
    const unsure = await heldComment();
    expect(await recheckPendingComments({ store: unsure.app.store, contentCheck: contentCheckAnswering('review'), clock: unsure.clock })).toEqual({ published: 0, hidden: 0, kept: 1 });
    expect(await recheckPendingComments({ store: unsure.app.store, contentCheck: unreachableContentCheck(), clock: unsure.clock })).toEqual({ published: 0, hidden: 0, kept: 1 });
    expect(await unsure.app.store.findComment(unsure.comment.id)).toMatchObject({ status: 'pending' });
    const risky = await heldComment();
    expect(await recheckPendingComments({ store: risky.app.store, contentCheck: contentCheckAnswering('risky'), clock: risky.clock })).toEqual({ published: 0, hidden: 1, kept: 0 });
    expect(await risky.app.store.findComment(risky.comment.id)).toMatchObject({ status: 'hidden' });
  });

  it('leaves comments older than its window to the community workers', async () => {
    const { app, comment, journey } = await heldComment();
    const later = { now: () => noonOf('2026-12-01') };
    expect(await recheckPendingComments({ store: app.store, contentCheck: contentCheckAnswering('pass'), clock: later })).toEqual({ published: 0, hidden: 0, kept: 0 });
    expect(await app.store.findComment(comment.id)).toMatchObject({ status: 'pending', proposalId: journey.id });
  });
});
