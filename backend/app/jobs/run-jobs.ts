import type { WorkCalendar } from '../../domain/calendar';
import type { Clock } from '../ports/clock.port';
import type { ContentCheck } from '../ports/content-check.port';
import type { Notifier } from '../ports/notifier.port';
import type { Store } from '../ports/store.port';
import { deliverOutbox, type DeliveryOptions, type DeliveryReport } from './deliver-outbox';
import { recheckPendingComments, type RecheckReport } from './recheck-pending-comments';
import { remindNearDeadlines } from './remind-near-deadlines';
import { remindDueChecks } from './remind-due-checks';
import { sweepOverdue } from './sweep-overdue';
// Issue 14 L1
import type { FileRemoval } from '../ports/file-storage.port';
import { sweepUnreferencedFiles } from './sweep-files';
import { calendarFor } from '../calendars';

/** What the jobs run on: the ports, plugged in by the `cron` function and by the local server. */
export interface JobPorts {
  store: Store;
  calendar: WorkCalendar;
  contentCheck: ContentCheck;
  notifier: Notifier;
  clock: Clock;
  /** Issue 14 L1: where the bytes of unreferenced uploads are removed (without it, the sweep does not run). */
  files?: FileRemoval;
}

export interface JobsReport {
  overdue: number;
  near: number;
  comments: RecheckReport;
  delivery: DeliveryReport;
  prunedRateCounters: number;
  /** Issue 14 L1: uploads no record showed a day after, removed. */
  removedFiles: number;
  /** Issue 18 (inspections): units told this run that a check is due (R-INS-1). */
  dueChecks?: number;
  /** The jobs that failed this run (each runs on its own: one failing does not stop the others). */
  errors: string[];
}

/** Rate counters of windows older than this are dropped (the longest window is a day). */
const RATE_COUNTER_AGE_MS = 2 * 86_400_000;

/**
 * One run of every job, each safe to run any number of times and in several processes at once:
 * flag overdue deadlines, remind the staff whose deadline is near, recheck comments the content
 * check held back, deliver the outbox, prune old rate counters, remove day-old uploads no record
 * shows (when given where files live). Both doors run it: the `cron`
 * cloud function on its timer, the local server on its own.
 */
export async function runJobs(given: JobPorts, options: { delivery?: DeliveryOptions; log?: (line: string) => void } = {}): Promise<JobsReport> {
  // Issue 16: the jobs count on the years the city loaded too.
  const ports: JobPorts = { ...given, calendar: await calendarFor(given.store, given.calendar) };
  const report: JobsReport = {
    overdue: 0,
    near: 0,
    comments: { published: 0, hidden: 0, kept: 0 },
    delivery: { sent: 0, refused: 0, failed: 0, skipped: 0, retrying: 0 },
    prunedRateCounters: 0,
    removedFiles: 0,
    errors: [],
  };
  const log = options.log ?? ((line: string) => console.error(line));
  const attempt = async (job: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      log(`[jobs] ${job} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      report.errors.push(job);
    }
  };
  await attempt('sweep', async () => {
    report.overdue = await sweepOverdue(ports);
  });
  await attempt('near', async () => {
    report.near = await remindNearDeadlines(ports);
  });
  await attempt('comments', async () => {
    report.comments = await recheckPendingComments(ports);
  });
  // Issue 18 (inspections): R-INS-1, the checks due in May and November.
  await attempt('due-checks', async () => {
    report.dueChecks = await remindDueChecks(ports);
  });
  // After the jobs above, so that what they queued goes out in this run.
  await attempt('outbox', async () => {
    report.delivery = await deliverOutbox(ports, options.delivery);
  });
  await attempt('rate-counters', async () => {
    report.prunedRateCounters = await ports.store.pruneRateCounters(new Date(ports.clock.now().getTime() - RATE_COUNTER_AGE_MS).toISOString());
  });
  const { files } = ports;
  if (files) {
    await attempt('files', async () => {
      report.removedFiles = await sweepUnreferencedFiles({ store: ports.store, files, clock: ports.clock });
    });
  }
  return report;
}
