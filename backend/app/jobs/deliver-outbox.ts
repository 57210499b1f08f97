import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock.port';
import type { Notifier } from '../ports/notifier.port';
import type { Store } from '../ports/store.port';

export interface DeliveryReport {
  sent: number;
  refused: number;
  failed: number;
  skipped: number;
  retrying: number;
}

export interface DeliveryOptions {
  /** At most this many messages a run. */
  maxMessages?: number;
  /** A message whose delivery failed for now is tried this many times in all, then given up. */
  maxAttempts?: number;
  /** How long a claim holds: a message is another process's again only after it (and after a failed attempt). */
  leaseMs?: number;
  /** Who claims: one id per process (several processes may share one store). */
  claimant?: string;
}

/**
 * Delivers the outbox, oldest first, exactly once across every process that shares the store:
 * each message is claimed with a lease before it is handed to the notifier and settled with
 * its outcome after, so a second process running at the same time passes it over. A message
 * that fails for now keeps its lease and is tried again by a run after the lease ran out,
 * `maxAttempts` times in all; one refused, failed for good or without a way to send it is
 * recorded so and never tried again.
 */
export async function deliverOutbox(ports: { store: Store; notifier: Notifier; clock: Clock }, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { store, notifier, clock } = ports;
  const maxMessages = options.maxMessages ?? 300;
  const maxAttempts = options.maxAttempts ?? 5;
  const leaseMs = options.leaseMs ?? 60_000;
  const claimant = options.claimant ?? randomUUID();
  const report: DeliveryReport = { sent: 0, refused: 0, failed: 0, skipped: 0, retrying: 0 };
  let handled = 0;
  while (handled < maxMessages) {
    const now = clock.now();
    const claimed = await store.claimOutbox({
      claimant,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      limit: Math.min(50, maxMessages - handled),
    });
    if (claimed.length === 0) break;
    for (const message of claimed) {
      handled += 1;
      const attempt = await notifier.deliver(message).catch((error: unknown) => ({ outcome: 'retry' as const, detail: String(error) }));
      const at = clock.now().toISOString();
      if (attempt.outcome === 'retry') {
        const givenUp = await store.noteDeliveryFailure({ id: message.id, at, detail: attempt.detail, maxAttempts });
        report[givenUp ? 'failed' : 'retrying'] += 1;
        continue;
      }
      await store.settleOutbox({ ids: [message.id], at, outcome: attempt.outcome, ...(attempt.outcome === 'sent' ? {} : { detail: attempt.detail }) });
      report[attempt.outcome] += 1;
    }
  }
  return report;
}
