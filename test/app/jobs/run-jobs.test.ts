import { runJobs } from '../../../backend/app/jobs/run-jobs';
import { defaultCalendar } from '../../../backend/domain/calendar';
import { LogNotifier } from '../../../backend/local/log.notifier';
import { LocalContentCheck } from '../../../backend/wechat/local/local.content-check';
import { bringTo, createApp, noonOf } from '../../support/app-harness';

describe('one run of the jobs, as the local server runs them (jobs/run-jobs)', () => {
  it('R-REV-1: locally too the street is reminded before its review is due and told once it is overdue, through the outbox', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const lines: string[] = [];
    const run = (day: string) =>
      runJobs({ store: app.store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), notifier: new LogNotifier((line) => lines.push(line)), clock: { now: () => noonOf(day) } });
    const first = await run(journey.day);
    expect(first).toMatchObject({ overdue: 0, near: 0, errors: [] });
    // What the journey told the proposer goes out in the first run.
    expect(first.delivery.sent).toBeGreaterThan(0);
    lines.length = 0;
    expect(await run('2026-03-25')).toMatchObject({ near: 1, delivery: { sent: 1 }, errors: [] });
    expect(await run('2026-03-30')).toMatchObject({ overdue: 1, delivery: { sent: 1 }, errors: [] });
    expect(await run('2026-03-31')).toMatchObject({ overdue: 0, near: 0, delivery: { sent: 0 } });
    expect(lines).toEqual([
      expect.stringMatching(/^\[outbox\] to u-street-shatoujiao: deadline_near .*"dueOn":"2026-03-27"/),
      expect.stringMatching(/^\[outbox\] to u-street-shatoujiao: deadline_overdue .*"dueOn":"2026-03-27"/),
    ]);
  });

  it('a job that fails is reported and does not stop the others', async () => {
    const app = createApp();
    // Adopting tells the proposer: one message waits in the outbox.
    await bringTo(app, 'adopted');
    const store = Object.assign(Object.create(app.store), {
      listPendingComments: async () => {
        throw new Error('disk full');
      },
    });
    const logged: string[] = [];
    const report = await runJobs(
      { store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), notifier: new LogNotifier(() => undefined), clock: { now: () => noonOf('2026-03-02') } },
      { log: (line) => logged.push(line) },
    );
    expect(report.errors).toEqual(['comments']);
    expect(report.delivery.sent).toBeGreaterThan(0);
    expect(logged).toEqual([expect.stringContaining('[jobs] comments failed: Error: disk full')]);
  });
});
