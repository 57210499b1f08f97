import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deliverOutbox } from '../../../backend/app/jobs/deliver-outbox';
import type { DeliveryAttempt, Notifier } from '../../../backend/app/ports/notifier.port';
import type { OutboxMessage } from '../../../backend/app/ports/store.port';
import { seedDemoData } from '../../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, type SqliteStore } from '../../../backend/store/sqlite/sqlite.store';

// The delivery job on the real SQLite store. Two handles on one file are two processes sharing
// it: their runs interleave at every await (a notifier is always asynchronous).

const AT = '2026-08-03T02:00:00.000Z';

/** A notifier that records what it was given and answers as `answer` says, after a turn of the event loop. */
function recordingNotifier(answer: (message: OutboxMessage) => DeliveryAttempt = () => ({ outcome: 'sent' })): Notifier & { delivered: OutboxMessage[] } {
  const delivered: OutboxMessage[] = [];
  return {
    delivered,
    async deliver(message) {
      await new Promise((resolve) => setImmediate(resolve));
      delivered.push(message);
      return answer(message);
    },
  };
}

/** A clock the test moves by hand. */
function clockAt(instant: string) {
  let now = new Date(instant);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

async function queue(store: SqliteStore, count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    await store.noticeOverdue({ proposalId: 'p-none', deadline: `d${n}`, dueOn: '2026-08-28', at: AT, outbox: [{ recipientOpenid: `u-${n}`, kind: 'deadline_overdue', payload: { n } }] });
  }
}

describe('outbox delivery (jobs/deliver-outbox)', () => {
  let folder: string;
  let first: SqliteStore;
  let second: SqliteStore;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-outbox-'));
    const file = path.join(folder, 'store.db');
    first = openSqliteStore({ file });
    seedDemoData(first, { at: AT, year: 2026 });
    // The messages are queued through noticeOverdue, whose notice row names a proposal: which one
    // does not matter to delivery, so this handle does not hold the notices to existing ones.
    first.db.exec(`PRAGMA foreign_keys = OFF`);
    second = openSqliteStore({ file });
  });

  afterEach(async () => {
    await first.close();
    await second.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('delivers every message exactly once when two processes sharing the store run at the same time', async () => {
    await queue(first, 120);
    const a = recordingNotifier();
    const b = recordingNotifier();
    const clock = clockAt(AT);
    const [reportA, reportB] = await Promise.all([
      deliverOutbox({ store: first, notifier: a, clock }, { claimant: 'process-a' }),
      deliverOutbox({ store: second, notifier: b, clock }, { claimant: 'process-b' }),
    ]);
    const ids = [...a.delivered, ...b.delivered].map((message) => message.id);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(reportA.sent + reportB.sent).toBe(120);
    // Both took part, and nothing is left for a later run.
    expect(a.delivered.length).toBeGreaterThan(0);
    expect(b.delivered.length).toBeGreaterThan(0);
    expect(await deliverOutbox({ store: first, notifier: a, clock })).toEqual({ sent: 0, refused: 0, failed: 0, skipped: 0, retrying: 0 });
  });

  it('records skipped, refused and failed deliveries and never tries them again', async () => {
    await queue(first, 3);
    const outcomes: DeliveryAttempt[] = [
      { outcome: 'skipped', detail: 'no template for deadline_overdue' },
      { outcome: 'refused', detail: 'errCode 43101' },
      { outcome: 'failed', detail: 'errCode 40003' },
    ];
    const notifier = recordingNotifier((message) => outcomes[(message.payload as { n: number }).n]);
    const clock = clockAt(AT);
    expect(await deliverOutbox({ store: first, notifier, clock })).toEqual({ sent: 0, refused: 1, failed: 1, skipped: 1, retrying: 0 });
    clock.set('2026-08-04T02:00:00.000Z');
    expect(await deliverOutbox({ store: first, notifier, clock })).toMatchObject({ refused: 0, failed: 0, skipped: 0 });
    expect(notifier.delivered).toHaveLength(3);
    expect(first.db.prepare('SELECT outcome, outcome_detail AS detail FROM outbox ORDER BY id').all()).toEqual([
      { outcome: 'skipped', detail: 'no template for deadline_overdue' },
      { outcome: 'refused', detail: 'errCode 43101' },
      { outcome: 'failed', detail: 'errCode 40003' },
    ]);
  });

  it('tries a message that failed for now again once its lease ran out, and gives it up after the last allowed attempt', async () => {
    await queue(first, 1);
    const notifier = recordingNotifier(() => ({ outcome: 'retry', detail: 'connect ETIMEDOUT' }));
    const clock = clockAt(AT);
    const options = { maxAttempts: 3, leaseMs: 60_000 };
    expect(await deliverOutbox({ store: first, notifier, clock }, options)).toMatchObject({ retrying: 1 });
    // Within the lease: not again, from this process or another.
    expect(await deliverOutbox({ store: second, notifier, clock }, options)).toMatchObject({ retrying: 0 });
    clock.set('2026-08-03T02:01:00.000Z');
    expect(await deliverOutbox({ store: second, notifier, clock }, options)).toMatchObject({ retrying: 1 });
    clock.set('2026-08-03T02:02:00.000Z');
    expect(await deliverOutbox({ store: first, notifier, clock }, options)).toMatchObject({ failed: 1, retrying: 0 });
    clock.set('2026-08-03T03:00:00.000Z');
    expect(await deliverOutbox({ store: first, notifier, clock }, options)).toMatchObject({ failed: 0, retrying: 0 });
    expect(notifier.delivered).toHaveLength(3);
  });

  it('a notifier that throws is a failure for now, not a lost message', async () => {
    await queue(first, 1);
    const failing: Notifier = { deliver: async () => Promise.reject(new Error('socket hang up')) };
    const clock = clockAt(AT);
    expect(await deliverOutbox({ store: first, notifier: failing, clock })).toMatchObject({ retrying: 1 });
    clock.set('2026-08-03T02:01:00.000Z');
    const working = recordingNotifier();
    expect(await deliverOutbox({ store: first, notifier: working, clock })).toMatchObject({ sent: 1 });
    expect(working.delivered).toHaveLength(1);
  });

  it('delivers at most maxMessages in a run; the rest in the next', async () => {
    await queue(first, 7);
    const notifier = recordingNotifier();
    const clock = clockAt(AT);
    expect(await deliverOutbox({ store: first, notifier, clock }, { maxMessages: 5 })).toMatchObject({ sent: 5 });
    expect(await deliverOutbox({ store: first, notifier, clock }, { maxMessages: 5 })).toMatchObject({ sent: 2 });
  });
});
