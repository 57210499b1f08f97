import type { DeadlineName } from '../../../types/domain';
import { addDays, compareDates, shanghaiDateOf, type WorkCalendar } from '../../domain/calendar';
import { deadlinesOf } from '../../domain/deadlines';
import type { Clock } from '../ports/clock.port';
import type { Store } from '../ports/store.port';
import { whoMustAct } from './who-must-act';

type RunningDeadline = Exclude<DeadlineName, 'publicityEndsOn'>;

const NEAR_LABELS: Record<RunningDeadline, string> = {
  reviewDueOn: '街道审核即将到期',
  startDueOn: '服务类项目开展期限将至',
  completeDueOn: '项目完工期限将至',
};

/**
 * Reminds the people who must act once a running deadline is `workingDays` working days away or
 * less (on the calendar of holidays and make-up days): the street for a review, the implementing
 * side otherwise — once per proposal, deadline and due day, through the store's once-only notice
 * (deadline `<name>:near`). A passed deadline is the sweep's.
 */
export async function remindNearDeadlines(
  ports: { store: Store; calendar: WorkCalendar; clock: Clock },
  options: { workingDays?: number } = {},
): Promise<number> {
  const { store, calendar } = ports;
  const now = ports.clock.now();
  // Staff are told of a deadline within 3 working days (the workbench's offer says so).
  const workingDays = options.workingDays ?? 3;
  const today = shanghaiDateOf(now.getTime());
  // Running deadlines before this day include every one within a few working days, even across
  // the Spring Festival's week.
  const horizon = addDays(today, 21);
  let reminded = 0;
  // Start after every deadline that has passed (ids sort below '~'): those are the sweep's.
  let after: { on: string; id: string } | undefined = { on: addDays(today, -1), id: '~' };
  for (;;) {
    const slice = await store.listOverdueCandidates({ kind: 'all' }, horizon, after, 50);
    for (const { record, openDeadlineOn } of slice.items) {
      const { publicityEndsOn: _window, ...running } = deadlinesOf(record, calendar);
      for (const [name, deadline] of Object.entries(running) as [RunningDeadline, { on: string }][]) {
        if (compareDates(today, deadline.on) > 0) continue;
        const left = calendar.workingDaysLeft(today, deadline.on);
        if (left > workingDays) continue;
        const recipients = await whoMustAct(store, record, name);
        const fresh = await store.noticeOverdue({
          proposalId: record.id,
          deadline: `${name}:near`,
          dueOn: deadline.on,
          at: now.toISOString(),
          outbox: recipients.map((openid) => ({
            recipientOpenid: openid,
            kind: 'deadline_near',
            payload: { proposalId: record.id, title: record.title, deadline: name, dueOn: deadline.on, label: NEAR_LABELS[name], workingDaysLeft: left },
          })),
        });
        if (fresh) reminded += 1;
      }
      after = { on: openDeadlineOn, id: record.id };
    }
    if (!slice.more) return reminded;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
