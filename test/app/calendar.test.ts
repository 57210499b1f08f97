import { bringTo, createApp, dataOf, expectRefused, fingerprint, recordOf } from '../support/app-harness';

/** A 2027 schedule for the tests: New Year's Day Fri 1 Jan; Spring Festival 6–12 Feb; make-up Sun 14 Feb. */
const YEAR_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-14'],
  note: '国务院办公厅关于2027年部分节假日安排的通知',
};

describe('calendar.get', () => {
  it('R-TIME-3: anyone reads a year: the bundled 2026, and 2027 unknown (provisional) until loaded', async () => {
    const app = createApp();
    const bundled = dataOf(await app.call(null, '2026-12-01', 'calendar.get', { year: 2026 }));
    expect(bundled).toMatchObject({ year: 2026, source: 'bundled', provisional: false });
    expect(bundled.holidays).toContain('2026-10-01');
    expect(dataOf(await app.call(null, '2026-12-01', 'calendar.get', { year: 2027 }))).toEqual({
      year: 2027,
      holidays: [],
      workdays: [],
      source: 'none',
      provisional: true,
    });
  });

  it('refuses a year outside 2000–2100 (invalid_input on year)', async () => {
    expectRefused(await createApp().call(null, '2026-12-01', 'calendar.get', { year: 1999 }), 'invalid_input', 'year');
  });
});

describe('calendar.set', () => {
  it('R-TIME-1, R-TIME-3: the city loads 2027; calendar.get answers it as loaded, and the load is audited', async () => {
    const app = createApp();
    const saved = dataOf(await app.call('u-city', '2026-12-01', 'calendar.set', YEAR_2027));
    expect(saved).toMatchObject({ year: 2027, source: 'loaded', provisional: false, note: YEAR_2027.note, recomputed: 0 });
    expect(dataOf(await app.call(null, '2026-12-01', 'calendar.get', { year: 2027 }))).toEqual({
      year: 2027,
      holidays: YEAR_2027.holidays,
      workdays: YEAR_2027.workdays,
      source: 'loaded',
      provisional: false,
    });
    expect(await app.store.auditTrail('calendar:2027')).toEqual([
      expect.objectContaining({ actor: 'u-city', action: 'calendar.set', detail: expect.objectContaining({ note: YEAR_2027.note }) }),
    ]);
  });

  it('R-REV-1, R-TIME-3: an open review due in 2027 stops being provisional, moves past New Year\'s Day, and the change is on its trail', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review', { start: '2026-12-14' });
    const before = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect(before.deadlines.reviewDueOn.provisional).toBe(true);
    const versionBefore = (await recordOf(app, journey.id)).version;

    const saved = dataOf(await app.call('u-city', journey.day, 'calendar.set', YEAR_2027));
    expect(saved.recomputed).toBe(1);

    const after = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect(after.deadlines.reviewDueOn).toEqual({ on: expect.any(String), provisional: false });
    // New Year's Day 2027 (a Friday) is no longer counted as a working day: one day later.
    const day = (date: string) => new Date(`${date}T00:00:00Z`).getTime();
    expect(day(after.deadlines.reviewDueOn.on) - day(before.deadlines.reviewDueOn.on)).toBeGreaterThan(0);
    expect((await recordOf(app, journey.id)).version).toBe(versionBefore + 1);
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({
      action: 'calendar.set',
      actor: 'u-city',
      detail: { year: 2027, deadline: 'reviewDueOn', from: before.deadlines.reviewDueOn, to: after.deadlines.reviewDueOn },
    });

    // Loading the same schedule again changes no deadline.
    expect(dataOf(await app.call('u-city', journey.day, 'calendar.set', YEAR_2027)).recomputed).toBe(0);
  });

  it.each([
    ['the district', 'u-district-yantian'],
    ['the street', 'u-street-shatoujiao'],
    ['a resident', 'u-res-1'],
  ])('R-TIME-1: %s may not load a schedule (forbidden), and nothing is written', async (_, openid) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, '2026-12-01', 'calendar.set', YEAR_2027), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-TIME-1: a make-up working day on a weekday is refused (invalid_input on workdays), and nothing is written', async () => {
    const app = createApp();
    const before = fingerprint(app);
    const result = await app.call('u-city', '2026-12-01', 'calendar.set', { ...YEAR_2027, workdays: ['2027-01-04'] });
    expectRefused(result, 'invalid_input', 'workdays');
    expect(result.answer.ok ? '' : result.answer.error.message).toContain('1月4日');
    expect(fingerprint(app)).toEqual(before);
  });

  it('refuses an anonymous caller (unauthenticated) and a missing note (invalid_input)', async () => {
    const app = createApp();
    expectRefused(await app.call(null, '2026-12-01', 'calendar.set', YEAR_2027), 'unauthenticated');
    expectRefused(await app.call('u-city', '2026-12-01', 'calendar.set', { ...YEAR_2027, note: ' ' }), 'invalid_input', 'note');
  });
});
