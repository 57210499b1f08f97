import type { DeadlineName } from '../../types/domain';
import { commentChain } from '../app/proposals';
import { sweepOverdue } from '../app/sweep-overdue';
import { addDays, compareDates, shanghaiDateOf, type WorkCalendar } from '../domain/calendar';
import { deadlinesOf } from '../domain/deadlines';
import type { CloudBaseStore } from '../store/cloudbase/cloudbase.store';
import type { Cursor } from '../app/ports/store.port';
import type { ContentCheck } from '../app/ports/content-check.port';
import { subscribeMessageFor, type SubscribeTemplates } from '../wechat/subscribe-messages';
import { errCodeOf, type SubscribeMessageRequest } from '../wechat/wx-cloud';

/**
 * The work of the `cron` cloud function (a timer every 10 minutes), each task safe to run any
 * number of times: flag overdue deadlines (the app's sweep), remind the staff whose deadline is
 * near, recheck comments the content check held back, deliver the outbox as subscribe messages.
 */

export interface CronServices {
  store: CloudBaseStore;
  calendar: WorkCalendar;
  contentCheck: ContentCheck;
  /** `cloud.openapi.subscribeMessage.send`. */
  send: (request: SubscribeMessageRequest) => Promise<unknown>;
  templates: SubscribeTemplates;
  miniprogramState?: SubscribeMessageRequest['miniprogramState'];
}

/** Who the audit trail names for what the timer decides. */
export const CRON_ACTOR = 'system:cron';

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
  services: Pick<CronServices, 'store' | 'calendar'>,
  now: Date,
  options: { workingDays?: number } = {},
): Promise<number> {
  const { store, calendar } = services;
  const workingDays = options.workingDays ?? 2;
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
        const side = name === 'reviewDueOn' ? 'street' : (record.implementation?.side ?? 'community');
        const recipients = await store.staffOf(side, side === 'street' ? record.streetId : record.communityId);
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
  }
}

export interface DeliveryReport {
  sent: number;
  refused: number;
  failed: number;
  skipped: number;
  retrying: number;
}

/** The user has not granted (or has used up) the subscription: WeChat refuses the message. */
export const REFUSED_GRANT = 43101;
/** Answers that no retry can change: a bad openid, template, data or page. */
const PERMANENT_ERRORS = new Set([40003, 40037, 47003, 41030]);

/**
 * Delivers the outbox as subscribe messages, oldest first, each marked once sent. A refused grant
 * (43101) is recorded and never tried again; a message of a kind with no template is recorded as
 * skipped; a transient failure is tried again by the next runs, `maxAttempts` times in all.
 */
export async function deliverOutbox(
  services: Pick<CronServices, 'store' | 'send' | 'templates' | 'miniprogramState'>,
  now: Date,
  options: { maxMessages?: number; maxAttempts?: number } = {},
): Promise<DeliveryReport> {
  const { store } = services;
  const maxMessages = options.maxMessages ?? 300;
  const maxAttempts = options.maxAttempts ?? 5;
  const at = now.toISOString();
  const report: DeliveryReport = { sent: 0, refused: 0, failed: 0, skipped: 0, retrying: 0 };
  const seen = new Set<number>();
  while (seen.size < maxMessages) {
    // Messages that failed this run stay undelivered: read past them.
    const batch = (await store.takeUndelivered(seen.size + 50)).filter((message) => !seen.has(message.id));
    if (batch.length === 0) break;
    for (const message of batch.slice(0, maxMessages - seen.size)) {
      seen.add(message.id);
      const request = subscribeMessageFor(message, services.templates, { miniprogramState: services.miniprogramState });
      if (!request) {
        await store.markOutcome([message.id], at, 'skipped', `no template for ${message.kind}`);
        report.skipped += 1;
        continue;
      }
      try {
        await services.send(request);
        await store.markDelivered([message.id], at);
        report.sent += 1;
      } catch (error) {
        const code = errCodeOf(error);
        const detail = `errCode ${code ?? 'none'}: ${error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error)}`;
        if (code === REFUSED_GRANT) {
          await store.markOutcome([message.id], at, 'refused', detail);
          report.refused += 1;
        } else if (code !== null && PERMANENT_ERRORS.has(code)) {
          await store.markOutcome([message.id], at, 'failed', detail);
          report.failed += 1;
        } else if (await store.noteDeliveryFailure(message.id, at, detail, maxAttempts)) {
          report.failed += 1;
        } else {
          report.retrying += 1;
        }
      }
    }
  }
  return report;
}

export interface RecheckReport {
  published: number;
  hidden: number;
  kept: number;
}

/**
 * Asks the content check again about the comments it held back (`pending`), those of the last
 * `maxAgeDays` days: one it now passes is published; one it finds risky is hidden (it would have
 * been refused); unsure or unreachable leaves it for a community worker (fail closed).
 */
export async function recheckPendingComments(
  services: Pick<CronServices, 'store' | 'contentCheck'>,
  now: Date,
  options: { maxAgeDays?: number; maxComments?: number } = {},
): Promise<RecheckReport> {
  const { store, contentCheck } = services;
  const maxComments = options.maxComments ?? 50;
  const since = new Date(now.getTime() - (options.maxAgeDays ?? 3) * 86_400_000).toISOString();
  const report: RecheckReport = { published: 0, hidden: 0, kept: 0 };
  let after: Cursor | undefined = { createdAt: since, id: '' };
  let checked = 0;
  while (checked < maxComments) {
    const slice = await store.listPendingComments(after, Math.min(50, maxComments - checked));
    for (const comment of slice.items) {
      checked += 1;
      const verdict = await contentCheck.check(comment.text, { openid: comment.authorOpenid, scene: 'comment' }).catch(() => 'review' as const);
      if (verdict === 'review') {
        report.kept += 1;
        continue;
      }
      const status = verdict === 'pass' ? 'published' : 'hidden';
      const moderated = await store.moderateComment({
        commentId: comment.id,
        publish: verdict === 'pass',
        at: now.toISOString(),
        audit: {
          chainId: commentChain(comment.proposalId),
          at: now.toISOString(),
          actor: CRON_ACTOR,
          action: 'comment.moderate',
          from: null,
          to: null,
          detail: { commentId: comment.id, status, by: 'content-check' },
        },
      });
      // A worker may have decided meanwhile: then theirs stands.
      if (moderated.ok) report[verdict === 'pass' ? 'published' : 'hidden'] += 1;
    }
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return report;
}

export interface CronReport {
  overdue: number;
  near: number;
  comments: RecheckReport;
  delivery: DeliveryReport;
  prunedRateCounters: number;
  errors: string[];
}

/** One run of the timer: every task, each on its own (one failing does not stop the others). */
export async function runCron(services: CronServices, now: Date): Promise<CronReport> {
  const report: CronReport = {
    overdue: 0,
    near: 0,
    comments: { published: 0, hidden: 0, kept: 0 },
    delivery: { sent: 0, refused: 0, failed: 0, skipped: 0, retrying: 0 },
    prunedRateCounters: 0,
    errors: [],
  };
  const attempt = async (task: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      console.error(`[cron] ${task} failed`, error);
      report.errors.push(task);
    }
  };
  await attempt('sweep', async () => {
    report.overdue = await sweepOverdue(services, now);
  });
  await attempt('near', async () => {
    report.near = await remindNearDeadlines(services, now);
  });
  await attempt('comments', async () => {
    report.comments = await recheckPendingComments(services, now);
  });
  // Last, so that what the tasks above queued goes out in this run.
  await attempt('outbox', async () => {
    report.delivery = await deliverOutbox(services, now);
  });
  await attempt('rate-counters', async () => {
    report.prunedRateCounters = await services.store.pruneRateCounters(new Date(now.getTime() - 2 * 86_400_000).toISOString());
  });
  return report;
}
