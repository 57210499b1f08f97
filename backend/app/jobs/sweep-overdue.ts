import { shanghaiDateOf, type WorkCalendar } from '../../domain/calendar';
import { overdueOf } from '../../domain/deadlines';
import type { Clock } from '../ports/clock.port';
import type { Store } from '../ports/store.port';
import { whoMustAct } from './who-must-act';

/**
 * The deadline sweep: every running deadline passed today is told once to the people who must
 * act — the street reviewers for a review (R-REV-1), the implementing side for a start or
 * completion (R-IMP-3, R-IMP-4). A passed deadline is a flag, never a block: nothing else changes.
 */
export async function sweepOverdue(ports: { store: Store; calendar: WorkCalendar; clock: Clock }): Promise<number> {
  const { store, calendar } = ports;
  const now = ports.clock.now();
  const today = shanghaiDateOf(now.getTime());
  let told = 0;
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const slice = await store.listOverdueCandidates({ kind: 'all' }, today, after, 50);
    for (const { record, openDeadlineOn } of slice.items) {
      for (const flag of overdueOf(record, today, calendar)) {
        const recipients = await whoMustAct(store, record, flag.name);
        const fresh = await store.noticeOverdue({
          proposalId: record.id,
          deadline: flag.name,
          dueOn: flag.due.on,
          at: now.toISOString(),
          outbox: recipients.map((openid) => ({
            recipientOpenid: openid,
            kind: 'deadline_overdue',
            payload: { proposalId: record.id, title: record.title, deadline: flag.name, dueOn: flag.due.on, label: flag.label },
          })),
        });
        if (fresh) told += 1;
      }
      after = { on: openDeadlineOn, id: record.id };
    }
    if (!slice.more) return told;
    // Let waiting requests in between pages: the sweep is background work.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
