import { addDays, defaultCalendar } from '../../backend/domain/calendar';
import { completeDueOn, startDueOn } from '../../backend/domain/deadlines';
import { advance, bringTo, createApp, dataOf, expectRefused, START, type App } from '../support/app-harness';
import { attachStagePapers } from '../support/archive';

async function overdueIds(app: App, openid: string, day: string, scopeId: string) {
  return dataOf(await app.call(openid, day, 'oversight.overdue', { scopeId })).items.filter((item: any) => item.id !== undefined).map((item: any) => item.id);
}

describe('oversight.overdue', () => {
  it('R-REV-1: a review past its reviewDueOn is listed, with the deadline it missed — a flag, not a block', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const dueOn = journey.days.reviewDueOn;
    expect(await overdueIds(app, 'u-street-shatoujiao', dueOn, 's-shatoujiao')).toEqual([]);
    const listed = dataOf(await app.call('u-street-shatoujiao', addDays(dueOn, 1), 'oversight.overdue', { scopeId: 's-shatoujiao' }));
    expect(listed).toEqual({
      items: [
        { id: journey.id, communityId: 'c-zhongying', title: '小区路灯维修', state: 'street_review', overdue: [{ deadline: 'reviewDueOn', on: dueOn, label: '街道审核逾期' }] },
      ],
      nextCursor: null,
    });
    expect(dataOf(await app.call(null, addDays(dueOn, 1), 'proposal.get', { id: journey.id })).overdue).toEqual(['reviewDueOn']);
    // A flag, never a block: the street still decides after the deadline.
    expect((await app.call('u-street-shatoujiao', addDays(dueOn, 1), 'review.decide', { id: journey.id, outcome: 'approved', approvedBudgetFen: 5_000_000 })).status).toBe(200);
    expect(await overdueIds(app, 'u-street-shatoujiao', addDays(dueOn, 1), 's-shatoujiao')).toEqual([]);
  });

  it('R-IMP-3: a services project not started within a month of the implementer being set is listed; once started it is not', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing', { category: 'services' });
    const dueOn = startDueOn(journey.days.assignedOn, defaultCalendar).on;
    expect(await overdueIds(app, 'u-district-yantian', dueOn, 'd-yantian')).toEqual([]);
    const listed = dataOf(await app.call('u-district-yantian', addDays(dueOn, 1), 'oversight.overdue', { scopeId: 'd-yantian' }));
    expect(listed.items).toEqual([expect.objectContaining({ id: journey.id, overdue: [expect.objectContaining({ deadline: 'startDueOn', on: dueOn })] })]);
    await app.ok('u-com-zhongying', addDays(dueOn, 1), 'implementation.start', { id: journey.id, startedOn: addDays(dueOn, 1) });
    expect(await overdueIds(app, 'u-district-yantian', addDays(dueOn, 1), 'd-yantian')).toEqual([]);
  });

  it('R-IMP-4: a works project not finished within 6 months of the implementer being set is listed; once completed it is not', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'started', { category: 'works', budgetLines: [{ item: '坡道', amountFen: 8_000_000 }] });
    const dueOn = completeDueOn(journey.days.assignedOn, defaultCalendar).on;
    expect(await overdueIds(app, 'u-city', dueOn, 'city')).toEqual([]);
    const late = addDays(dueOn, 1);
    const listed = dataOf(await app.call('u-city', late, 'oversight.overdue', { scopeId: 'city' }));
    // The council met on the meeting day and not since: it is listed too (R-COU-1), before the records.
    expect(listed.items).toEqual([expect.objectContaining({ reason: 'council_overdue' }), expect.objectContaining({ id: journey.id, overdue: [expect.objectContaining({ deadline: 'completeDueOn', on: dueOn, label: '项目逾期未完工' })] })]);
    await advance(app, journey, 'completed');
    // No longer late for completion (once the evaluation waits too long it is listed as stalled instead).
    const after = dataOf(await app.call('u-city', late, 'oversight.overdue', { scopeId: 'city' })).items;
    expect(after.flatMap((item: any) => (item.overdue ?? []).map((flag: any) => flag.deadline))).not.toContain('completeDueOn');
  });

  it('R-SUP-1: each scope sees only its own records: the street of 海山 has nothing overdue from 沙头角', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    const late = addDays(journey.days.reviewDueOn, 1);
    expect(await overdueIds(app, 'u-street-haishan', late, 's-haishan')).toEqual([]);
    expect(await overdueIds(app, 'u-street-shatoujiao', late, 'c-zhongying')).toEqual([journey.id]);
    expect(await overdueIds(app, 'u-street-shatoujiao', late, 'c-qiaoyuan')).toEqual([]);
  });

  it('lists the oldest deadline first, a page at a time', async () => {
    const app = createApp();
    const older = await bringTo(app, 'street_review');
    const newer = await bringTo(app, 'street_review', { proposer: 'u-res-2', start: addDays(START, 7) });
    const late = addDays(newer.days.reviewDueOn, 1);
    const first = dataOf(await app.call('u-street-shatoujiao', late, 'oversight.overdue', { scopeId: 's-shatoujiao', limit: 1 }));
    expect(first.items.map((item: any) => item.id)).toEqual([older.id]);
    const second = dataOf(await app.call('u-street-shatoujiao', late, 'oversight.overdue', { scopeId: 's-shatoujiao', limit: 1, cursor: first.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ id: newer.id })], nextCursor: null });
  });

  it.each([
    ['the community worker, for the community', 'u-com-zhongying', 'c-zhongying'],
    ['a resident', 'u-res-1', 'c-zhongying'],
    ['another street', 'u-street-haishan', 's-shatoujiao'],
    ['a street, for a community of another street', 'u-street-haishan', 'c-zhongying'],
    ['a street, for the district', 'u-street-shatoujiao', 'd-yantian'],
    ['the district, for the whole city', 'u-district-yantian', 'city'],
  ])('R-SUP-1: streets, the district and the city oversee their scope: %s is forbidden', async (_, openid, scopeId) => {
    const app = createApp();
    expectRefused(await app.call(openid, START, 'oversight.overdue', { scopeId }), 'forbidden');
  });

  it('answers unauthenticated, not_found for an unknown scope, and invalid_input for a bad cursor or scope', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'oversight.overdue', { scopeId: 's-shatoujiao' }), 'unauthenticated');
    expectRefused(await app.call('u-city', START, 'oversight.overdue', { scopeId: 's-nowhere' }), 'not_found', 'scopeId');
    expectRefused(await app.call('u-city', START, 'oversight.overdue', { scopeId: 'city', cursor: 'garbage' }), 'invalid_input', 'cursor');
    expectRefused(await app.call('u-city', START, 'oversight.overdue', { scopeId: 'x'.repeat(65) }), 'invalid_input', 'scopeId');
    expectRefused(await app.call('u-city', START, 'oversight.overdue', { scopeId: { $ne: null } }), 'invalid_input', 'scopeId');
  });
});

describe('oversight.checklist', () => {
  it('R-SUP-1: a project whose budget was adjusted past the tender threshold after assignment is listed as missing its tender record', async () => {
    const app = createApp();
    const complete = await bringTo(app, 'started');
    await attachStagePapers(app, complete);
    const journey = await bringTo(app, 'implementing', { proposer: 'u-res-2' });
    await attachStagePapers(app, journey);
    const change = await app.ok('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'adjust', reason: '扩大范围', newBudgetFen: 45_000_000 });
    await app.ok('u-street-shatoujiao', journey.day, 'change.decide', { changeId: change.id, approve: true, reason: '同意' });
    const checklist = dataOf(await app.call('u-street-shatoujiao', journey.day, 'oversight.checklist', { scopeId: 's-shatoujiao' }));
    expect(checklist.items).toEqual([
      // Issue 18: at the tender threshold the contract is asked for as well.
      { id: journey.id, communityId: 'c-zhongying', title: '小区路灯维修', state: 'implementing', missing: [{ id: 'implementation.tender', label: '招标记录' }, { id: 'contract', label: '合同' }] },
    ]);
    expect(checklist.items.map((item: any) => item.id)).not.toContain(complete.id);
    expect(checklist.csv).toContain(journey.id);
    expect(checklist.csv).toContain('招标记录');
  });

  it('R-SUP-1: records complete at every stage leave the checklist empty', async () => {
    const app = createApp();
    for (const state of ['not_adopted', 'rejected', 'transferred', 'withdrawn'] as const) await attachStagePapers(app, await bringTo(app, state, { start: START }));
    // Issue 18 (payments): a complete audited record's payments add up to the audit (R-PAY-2).
    const audited = await bringTo(app, 'evaluated', { start: START });
    await app.ok(audited.implementer, audited.days.auditedOn, 'payment.record', {
      id: audited.id, kind: 'final', amountFen: audited.approvedBudgetFen, paidOn: audited.days.auditedOn, payee: '承接单位', voucherRef: '记-尾款', requestId: 'oversight-final-pay',
    });
    await app.ok(audited.cast.street, audited.days.auditedOn, 'audit.publish', { id: audited.id, auditor: '盐田区审计事务所', spentFen: audited.approvedBudgetFen, report: '资金使用规范。' });
    await attachStagePapers(app, audited);
    expect(dataOf(await app.call('u-district-yantian', '2026-05-01', 'oversight.checklist', { scopeId: 'd-yantian' })).items).toEqual([]);
  });

  it.each([
    ['the community worker', 'u-com-zhongying', 'c-zhongying'],
    ['another street', 'u-street-haishan', 's-shatoujiao'],
    ['a resident', 'u-res-1', 'c-zhongying'],
  ])('R-SUP-1: %s may not run the checklist (forbidden)', async (_, openid, scopeId) => {
    const app = createApp();
    expectRefused(await app.call(openid, START, 'oversight.checklist', { scopeId }), 'forbidden');
  });

  it('answers unauthenticated, not_found and invalid_input', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'oversight.checklist', { scopeId: 'city' }), 'unauthenticated');
    expectRefused(await app.call('u-city', START, 'oversight.checklist', { scopeId: 'd-nowhere' }), 'not_found', 'scopeId');
    expectRefused(await app.call('u-city', START, 'oversight.checklist', { scopeId: 'city', limit: 100 }), 'invalid_input', 'limit');
  });
});
