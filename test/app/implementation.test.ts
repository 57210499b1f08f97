import { addDays, defaultCalendar } from '../../backend/domain/calendar';
import { completeDueOn, startDueOn } from '../../backend/domain/deadlines';
import {
  advance,
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  outboxOf,
  type JourneyOptions,
} from '../support/app-harness';

const assign = (id: string, assignedOn: string, overrides: Record<string, unknown> = {}) => ({
  id,
  implementer: '盐田建设工程有限公司',
  assignedOn,
  ...overrides,
});

const complete = (id: string, completedOn: string, overrides: Record<string, unknown> = {}) => ({
  id,
  completedOn,
  maintenanceUnit: '中英街物业服务中心',
  maintenanceFunding: '物业管理费列支',
  ...overrides,
});

/** A goods project of `budgetFen`, in one line. */
const goodsOf = (budgetFen: number): JourneyOptions => ({ category: 'goods', budgetLines: [{ item: '设备', amountFen: budgetFen }] });

describe('implementation.assign', () => {
  it('R-IMP-1: at or below the threshold the community sets the implementer, after the window; one audit entry and a message', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', goodsOf(10_000_000));
    const messages = (await outboxOf(app)).length;
    const view = dataOf(await app.call('u-com-zhongying', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn)));
    expect(view).toMatchObject({
      state: 'implementing',
      implementation: { implementer: '盐田建设工程有限公司', side: 'community', assignedOn: journey.days.assignedOn },
    });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'implementation.assign', from: 'publicity', to: 'implementing' });
    expect((await outboxOf(app)).slice(messages)).toEqual([expect.objectContaining({ recipientOpenid: 'u-res-1', payload: expect.objectContaining({ to: 'implementing' }) })]);
  });

  it('R-IMP-1: at or below the threshold the street may not set the implementer (forbidden)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', goodsOf(10_000_000));
    expectRefused(await app.call('u-street-shatoujiao', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn)), 'forbidden');
  });

  it('R-IMP-1: one fen above the threshold the street sets the implementer, and the community may not', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', goodsOf(10_000_001));
    expectRefused(await app.call('u-com-zhongying', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn)), 'forbidden');
    const view = dataOf(await app.call('u-street-shatoujiao', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn)));
    expect(view.implementation.side).toBe('street');
  });

  it.each([
    ['works', 20_000_000, 'community'],
    ['works', 20_000_001, 'street'],
    ['services', 10_000_000, 'community'],
    ['services', 10_000_001, 'street'],
  ] as const)('R-IMP-1: a %s project of %i fen is implemented by the %s', async (category, budgetFen, side) => {
    const app = createApp();
    const lines = category === 'services'
      ? [{ item: '服务', amountFen: budgetFen - Math.floor(budgetFen / 10) }, { item: '管理费', amountFen: Math.floor(budgetFen / 10), fee: true }]
      : [{ item: '工程', amountFen: budgetFen }];
    const journey = await bringTo(app, 'publicity', { category, budgetLines: lines });
    const implementer = side === 'street' ? 'u-street-shatoujiao' : 'u-com-zhongying';
    expect(dataOf(await app.call(implementer, journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn))).implementation.side).toBe(side);
  });

  it('R-IMP-1: implementation starts only after the publicity window: on its last day it is too_early, and nothing changes', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const lastDay = journey.days.publicityEndsOn;
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', lastDay, 'implementation.assign', assign(journey.id, lastDay)), 'too_early');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['before the window ended', (ends: string) => ends],
    ['after today', (ends: string) => addDays(ends, 2)],
  ])('the assignment date may not lie %s (invalid_input on assignedOn)', async (_, dateOf) => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const today = addDays(journey.days.publicityEndsOn, 1);
    expectRefused(
      await app.call('u-com-zhongying', today, 'implementation.assign', assign(journey.id, dateOf(journey.days.publicityEndsOn))),
      'invalid_input',
      'assignedOn',
    );
  });

  it('R-IMP-2: where the budget reaches the tender threshold, a tender record is required (invalid_input on tenderRef), then kept', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', goodsOf(40_000_000));
    const day = journey.days.assignedOn;
    expectRefused(await app.call('u-street-shatoujiao', day, 'implementation.assign', assign(journey.id, day)), 'invalid_input', 'tenderRef');
    const view = dataOf(await app.call('u-street-shatoujiao', day, 'implementation.assign', assign(journey.id, day, { tenderRef: 'YT-ZB-2026-017' })));
    expect(view.implementation).toMatchObject({ tenderRef: 'YT-ZB-2026-017', side: 'street' });
  });

  it('R-IMP-2: below the tender threshold no tender record is needed', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', goodsOf(39_999_999));
    expect((await app.call('u-street-shatoujiao', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn))).status).toBe(200);
  });

  it('R-IMP-3: a services project must start within 1 month of the implementer being set', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', { category: 'services' });
    const day = journey.days.assignedOn;
    const view = dataOf(await app.call('u-com-zhongying', day, 'implementation.assign', assign(journey.id, day)));
    expect(view.deadlines).toEqual({ startDueOn: startDueOn(day, defaultCalendar) });
  });

  it('R-IMP-3, R-TIME-2: assigned on Thu 12 Mar 2026, a services project must start by Mon 13 Apr (Sun 12 Apr is a rest day)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', { category: 'services' });
    expect(journey.days.publicityEndsOn < '2026-03-12').toBe(true);
    const view = dataOf(await app.call('u-com-zhongying', '2026-03-12', 'implementation.assign', assign(journey.id, '2026-03-12')));
    expect(view.deadlines).toEqual({ startDueOn: { on: '2026-04-13', provisional: false } });
  });

  it.each(['works', 'goods'] as const)('R-IMP-4: a %s project must be finished within 6 months of the implementer being set', async (category) => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', { category, budgetLines: [{ item: '项目', amountFen: 5_000_000 }] });
    const day = journey.days.assignedOn;
    const view = dataOf(await app.call('u-com-zhongying', day, 'implementation.assign', assign(journey.id, day)));
    expect(view.deadlines).toEqual({ completeDueOn: completeDueOn(day, defaultCalendar) });
  });

  it.each([
    ['a missing implementer', { implementer: undefined }, 'implementer'],
    ['an implementer over 100 characters', { implementer: '司'.repeat(101) }, 'implementer'],
    ['a date not written YYYY-MM-DD', { assignedOn: '2026/03/12' }, 'assignedOn'],
    ['a tender reference as an operator object', { tenderRef: { $ne: null } }, 'tenderRef'],
  ])('refuses %s (invalid_input)', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    expectRefused(await app.call('u-com-zhongying', journey.days.assignedOn, 'implementation.assign', assign(journey.id, journey.days.assignedOn, overrides)), 'invalid_input', field);
  });

  it.each(['approved', 'implementing'] as const)('a proposal that is %s has no implementer to set (invalid_state)', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const day = addDays(journey.days.assignedOn, 1);
    expectRefused(await app.call('u-com-zhongying', day, 'implementation.assign', assign(journey.id, day)), 'invalid_state');
  });

  it('answers unauthenticated, forbidden to a resident, and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const day = journey.days.assignedOn;
    expectRefused(await app.call(null, day, 'implementation.assign', assign(journey.id, day)), 'unauthenticated');
    expectRefused(await app.call('u-res-1', day, 'implementation.assign', assign(journey.id, day)), 'forbidden');
    expectRefused(await app.call('u-com-zhongying', day, 'implementation.assign', assign('p-nowhere', day)), 'not_found', 'id');
  });
});

describe('implementation.start', () => {
  it('R-IMP-3: the implementing side records the start; the start deadline no longer runs; one audit entry, no message', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing', { category: 'services' });
    const entries = (await app.store.auditTrail(journey.id)).length;
    const messages = (await outboxOf(app)).length;
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day }));
    expect(view).toMatchObject({ state: 'implementing', implementation: { startedOn: journey.day }, deadlines: {} });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail).toHaveLength(entries + 1);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'implementation.start', from: 'implementing', to: 'implementing' });
    expect(await outboxOf(app)).toHaveLength(messages);
  });

  it('a start already recorded is not recorded again (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day }), 'invalid_state');
  });

  it.each([
    ['before the implementer was set', -1],
    ['after today', 1],
  ])('the start date may not lie %s (invalid_input on startedOn)', async (_, offset) => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing');
    expectRefused(
      await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: journey.id, startedOn: addDays(journey.day, offset) }),
      'invalid_input',
      'startedOn',
    );
  });

  it('R-IMP-1: the side that does not implement may not record the start (forbidden)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing', goodsOf(20_000_000));
    expectRefused(await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day }), 'forbidden');
    expect((await app.call('u-street-shatoujiao', journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day })).status).toBe(200);
  });

  it('answers unauthenticated, not_found and invalid_state before implementation', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    expectRefused(await app.call(null, journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day }), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: 'p-nowhere', startedOn: journey.day }), 'not_found', 'id');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'implementation.start', { id: journey.id, startedOn: journey.day }), 'invalid_state');
  });
});

describe('implementation.complete', () => {
  it('R-CMP-1: completion records the maintenance unit and its funding; ratings open for the residents', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    const view = dataOf(await app.call('u-com-zhongying', day, 'implementation.complete', complete(journey.id, day)));
    expect(view).toMatchObject({
      state: 'completed',
      deadlines: {},
      implementation: { completedOn: day, maintenanceUnit: '中英街物业服务中心', maintenanceFunding: '物业管理费列支' },
    });
    expect(dataOf(await app.call('u-res-2', day, 'proposal.get', { id: journey.id })).allowedActions).toContain('rating.set');
  });

  it.each([
    ['without a maintenance unit', { maintenanceUnit: undefined }, 'maintenanceUnit'],
    ['with a blank maintenance funding', { maintenanceFunding: '  ' }, 'maintenanceFunding'],
    ['with a maintenance unit over 100 characters', { maintenanceUnit: '养'.repeat(101) }, 'maintenanceUnit'],
    ['with a completion date not written YYYY-MM-DD', { completedOn: '26-03-26' }, 'completedOn'],
  ])('R-CMP-1: a completion %s is invalid_input, and nothing changes', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.days.completedOn, 'implementation.complete', complete(journey.id, journey.days.completedOn, overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['before the start', (started: string) => addDays(started, -1)],
    ['after today', (started: string) => addDays(started, 30)],
  ])('the completion date may not lie %s (invalid_input on completedOn)', async (_, dateOf) => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    expectRefused(
      await app.call('u-com-zhongying', addDays(journey.day, 1), 'implementation.complete', complete(journey.id, dateOf(journey.day))),
      'invalid_input',
      'completedOn',
    );
  });

  it('a completed project is not completed again (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'implementation.complete', complete(journey.id, journey.day)), 'invalid_state');
  });

  it('R-IMP-1, R-CMP-1: the street records the completion of a project it implements; the community may not', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing', goodsOf(20_000_000));
    await advance(app, journey, 'started');
    const day = journey.days.completedOn;
    expectRefused(await app.call('u-com-zhongying', day, 'implementation.complete', complete(journey.id, day)), 'forbidden');
    expect(dataOf(await app.call('u-street-shatoujiao', day, 'implementation.complete', complete(journey.id, day))).state).toBe('completed');
  });

  it('answers unauthenticated, forbidden to a resident and not_found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started');
    const day = journey.days.completedOn;
    expectRefused(await app.call(null, day, 'implementation.complete', complete(journey.id, day)), 'unauthenticated');
    expectRefused(await app.call('u-res-1', day, 'implementation.complete', complete(journey.id, day)), 'forbidden');
    expectRefused(await app.call('u-com-zhongying', day, 'implementation.complete', complete('p-nowhere', day)), 'not_found', 'id');
  });
});
