import { shanghaiDateOf } from '../domain/calendar';
import { overdueOf } from '../domain/deadlines';
import type { AppServices } from './action';

/** Who is told of an overdue deadline: the street for its review, the implementing side otherwise. */
const TOLD: Record<string, 'street' | 'implementer'> = { reviewDueOn: 'street', startDueOn: 'implementer', completeDueOn: 'implementer' };

/**
 * The deadline sweep (run by the local server and, in WeChat, by the cron function): every
 * running deadline passed today is told once to the people who must act — the street reviewers
 * for a review (R-REV-1), the implementing side for a start or completion (R-IMP-3, R-IMP-4).
 * A passed deadline is a flag, never a block: nothing else changes.
 */
export async function sweepOverdue(services: Pick<AppServices, 'store' | 'calendar'>, now: Date): Promise<number> {
  const { store, calendar } = services;
  const today = shanghaiDateOf(now.getTime());
  let told = 0;
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const slice = await store.listOverdueCandidates({ kind: 'all' }, today, after, 50);
    for (const { record, openDeadlineOn } of slice.items) {
      for (const flag of overdueOf(record, today, calendar)) {
        const side = TOLD[flag.name] === 'street' ? 'street' : (record.implementation?.side ?? 'community');
        const recipients = await store.staffOf(side, side === 'street' ? record.streetId : record.communityId);
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
