import { createHash } from 'node:crypto';
import { checkAnchor, dayHeadsOf, foldAuditDays } from '../../backend/app/audit-days';
import { advance, bringTo, createApp, dataOf, expectRefused, START } from '../support/app-harness';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('audit.heads', () => {
  it('M4: anyone reads the head of the whole trail at the end of each day, today\'s so far included', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const { items } = dataOf<{ items: { day: string; count: number; hash: string }[] }>(await app.call(null, journey.day, 'audit.heads', {}));
    // The seed's day, then each day a step of the journey was taken on.
    expect(items.map((item) => item.day)).toEqual([...new Set(items.map((item) => item.day))].sort());
    expect(items[0].day).toBe(START);
    expect(items[items.length - 1].day).toBe(journey.day);
    const total = app.store.db.prepare('SELECT COUNT(*) FROM audit_entries').pluck().get() as number;
    expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(total);
    // The running hash, recomputed here from the rows in the order they were appended.
    const hashes = app.store.db.prepare('SELECT hash FROM audit_entries ORDER BY gseq').pluck().all() as string[];
    expect(items[items.length - 1].hash).toBe(hashes.reduce((head, hash) => sha(head + hash), '0'.repeat(64)));
  });

  it('M4: a later entry moves today\'s head only; a kept earlier head stays reproducible', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    const before = await dayHeadsOf(app.store);
    await app.ok(journey.cast.worker, journey.day, 'proposal.draftReport', {
      id: journey.id,
      reason: '需要',
      overview: '概述',
      plan: '方案',
      budgetLines: [{ item: '座椅', amountFen: 300_000 }],
    });
    const after = await dayHeadsOf(app.store);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after[after.length - 1].count).toBe(before[before.length - 1].count + 1);
    expect(after[after.length - 1].hash).not.toBe(before[before.length - 1].hash);
    // Today's head as kept before the report is still what the trail gives after that many entries.
    expect(await checkAnchor(app.store, before)).toEqual([]);
    expect(await checkAnchor(app.store, [{ ...before[0], hash: '1'.repeat(64) }])).toEqual([
      { day: before[0].day, count: before[0].count, kept: '1'.repeat(64), found: before[0].hash },
    ]);
  });

  it('M4: the answer resumed from where the last one stood is the fold of the whole trail, day after day', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    await dayHeadsOf(app.store);
    for (const milestone of ['adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved'] as const) {
      await advance(app, journey, milestone);
      expect(await dayHeadsOf(app.store)).toEqual((await foldAuditDays(app.store)).days);
    }
    // The seed's and submission's day, then the meeting day of the vote and the decision.
    expect((await dayHeadsOf(app.store)).length).toBe(2);
  });

  it('M4: lists only the days asked for, and refuses a range that ends before it starts', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const { items } = dataOf<{ items: { day: string }[] }>(await app.call(null, journey.day, 'audit.heads', { from: journey.day, to: journey.day }));
    expect(items.map((item) => item.day)).toEqual([journey.day]);
    expectRefused(await app.call(null, journey.day, 'audit.heads', { from: journey.day, to: START }), 'invalid_input', 'from');
    expectRefused(await app.call(null, journey.day, 'audit.heads', { from: '2026-02-30' }), 'invalid_input', 'from');
  });
});
