import { remindNearDeadlines } from '../../../backend/app/jobs/remind-near-deadlines';
import { addDays, defaultCalendar } from '../../../backend/domain/calendar';
import { bringTo, createApp, noonOf, type App } from '../../support/app-harness';

const on = (day: string) => ({ now: () => noonOf(day) });

async function nearMessages(app: App) {
  return (await app.store.takeUndelivered(1000)).filter((message) => message.kind === 'deadline_near');
}

describe('near-deadline reminders (jobs/remind-near-deadlines)', () => {
  it('R-REV-1: the street is reminded once when its review has three working days left (due Fri 27 Mar 2026), never before', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    expect(journey.days.reviewDueOn).toBe('2026-03-27');
    const ports = (day: string) => ({ store: app.store, calendar: defaultCalendar, clock: on(day) });
    // Mon 23 Mar: four working days left (24, 25, 26, 27); Tue 24 Mar: three.
    expect(await remindNearDeadlines(ports('2026-03-23'))).toBe(0);
    expect(await remindNearDeadlines(ports('2026-03-24'))).toBe(1);
    expect(await remindNearDeadlines(ports('2026-03-25'))).toBe(0);
    expect(await nearMessages(app)).toEqual([
      expect.objectContaining({
        recipientOpenid: 'u-street-shatoujiao',
        payload: expect.objectContaining({ proposalId: journey.id, deadline: 'reviewDueOn', dueOn: '2026-03-27', label: '街道审核即将到期', workingDaysLeft: 3 }),
      }),
    ]);
  });

  it('R-IMP-4: the implementing community is reminded before a goods project must be finished; a passed deadline is the sweep\'s', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing');
    const due = (await app.ok(null, journey.day, 'proposal.get', { id: journey.id })).deadlines.completeDueOn.on as string;
    // The day with three working days left before it is due, found on the calendar itself.
    let twoLeft = due;
    while (defaultCalendar.workingDaysLeft(twoLeft, due) < 3) twoLeft = addDays(twoLeft, -1);
    expect(await remindNearDeadlines({ store: app.store, calendar: defaultCalendar, clock: on(twoLeft) })).toBe(1);
    expect(await nearMessages(app)).toEqual([
      expect.objectContaining({ recipientOpenid: 'u-com-zhongying', payload: expect.objectContaining({ deadline: 'completeDueOn', dueOn: due }) }),
    ]);
    expect(await remindNearDeadlines({ store: app.store, calendar: defaultCalendar, clock: on('2030-01-02') })).toBe(0);
  });
});
