import { addDays, defaultCalendar } from '../../backend/domain/calendar';
import { earliestMeetingOn } from '../../backend/domain/deadlines';
import { advance, bringTo, createApp, dataOf, expectRefused, fingerprint, ledgerOf, proposalPayload, recordOf, START } from '../support/app-harness';

async function overdue(app: ReturnType<typeof createApp>, day: string, openid = 'u-street-shatoujiao', scopeId = 's-shatoujiao') {
  return dataOf(await app.call(openid, day, 'oversight.overdue', { scopeId })).items;
}

describe('stalled projects on oversight.overdue (issue 18)', () => {
  it('R-SUP-1: approved but no publicity within 20 working days is stalled_publicity; publishing clears it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const dueOn = defaultCalendar.addWorkingDays(journey.days.reviewedOn, 20).on;
    expect(await overdue(app, dueOn)).toEqual([]);
    const late = addDays(dueOn, 1);
    expect(await overdue(app, late)).toEqual([
      {
        id: journey.id,
        communityId: 'c-zhongying',
        title: '小区路灯维修',
        state: 'approved',
        reason: 'stalled_publicity',
        since: journey.days.reviewedOn,
        overdue: [{ deadline: 'stalled_publicity', on: dueOn, label: '批复后逾期未公示' }],
      },
    ]);
    // The supervisor reads the same list; a flag, never a block: the community still publishes.
    expect((await overdue(app, late, 'u-supervisor-yantian', 'd-yantian')).map((item: any) => item.reason)).toEqual(['stalled_publicity']);
    // R-RPT-1: the summary counts it as stalled in its community, for the supervisor too.
    const summary = await app.ok('u-supervisor-yantian', late, 'report.summary', { scopeId: 'd-yantian', year: 2026 });
    expect(summary.rows.find((row: { communityId: string }) => row.communityId === 'c-zhongying').stalled).toBe(1);
    expect(summary.total.stalled).toBe(1);
    await app.ok('u-com-zhongying', late, 'publicity.publish', { id: journey.id });
    expect(await overdue(app, late)).toEqual([]);
    expect((await app.ok('u-supervisor-yantian', late, 'report.summary', { scopeId: 'd-yantian', year: 2026 })).total.stalled).toBe(0);
  });

  it('R-SUP-1: completed but not evaluated is stalled_evaluation, evaluated but not audited stalled_audit', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const evaluationLate = addDays(defaultCalendar.addWorkingDays(journey.days.completedOn, 20).on, 1);
    expect((await overdue(app, evaluationLate)).map((item: any) => item.reason)).toEqual(['stalled_evaluation']);
    await app.ok('u-com-zhongying', evaluationLate, 'evaluation.publish', { id: journey.id, summary: '居民满意。' });
    expect(await overdue(app, evaluationLate)).toEqual([]);
    const auditLate = addDays(defaultCalendar.addWorkingDays(evaluationLate, 20).on, 1);
    // (By then the community's council is late too: R-COU-1's row, not a project, is left aside.)
    expect((await overdue(app, auditLate)).filter((item: any) => 'id' in item).map((item: any) => item.reason)).toEqual(['stalled_audit']);
  });

  it('R-SUP-1: the district sets its own number of working days with policy.set (stallWorkingDays), public with policy.get', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const year = Number(journey.days.reviewedOn.slice(0, 4));
    const policy = { districtId: 'd-yantian', year, quotaFen: 200_000_000, feeRatioPercent: 10, streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 }, tenderThresholdFen: 40_000_000 };
    expectRefused(await app.call('u-district-yantian', START, 'policy.set', { ...policy, stallWorkingDays: 0 }), 'invalid_input', 'stallWorkingDays');
    expectRefused(await app.call('u-supervisor-yantian', START, 'policy.set', { ...policy, stallWorkingDays: 5 }), 'forbidden');
    await app.ok('u-district-yantian', START, 'policy.set', { ...policy, stallWorkingDays: 5 });
    expect(dataOf(await app.call(null, START, 'policy.get', { districtId: 'd-yantian', year })).stallWorkingDays).toBe(5);
    const late = addDays(defaultCalendar.addWorkingDays(journey.days.reviewedOn, 5).on, 1);
    expect((await overdue(app, late)).map((item: any) => item.reason)).toEqual(['stalled_publicity']);
  });
});

describe('change.request kind revise (R-PUB-3, issue 18)', () => {
  const NEW_LINES = [
    { item: '太阳能路灯 12 盏', amountFen: 4_800_000 },
    { item: '安装调试', amountFen: 1_000_000 },
  ];

  it('R-PUB-3: the street sees old and new side by side; approving replaces plan and lines and re-reserves the new total', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const approvedBefore = (await ledgerOf(app, 'c-zhongying')).approvedFen;
    const change = dataOf(await app.call('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'revise', reason: '采纳居民意见，增加两盏路灯。', plan: '在 3 栋与 5 栋之间增设两盏路灯', budgetLines: NEW_LINES }));
    const record = await recordOf(app, journey.id);
    expect(change).toMatchObject({ kind: 'revise', state: 'pending', revision: { plan: '在 3 栋与 5 栋之间增设两盏路灯', budgetLines: NEW_LINES, before: { plan: record.report!.plan, budgetLines: record.report!.budgetLines } } });
    const shown = dataOf(await app.call('u-street-shatoujiao', journey.day, 'proposal.get', { id: journey.id }));
    expect(shown.pendingChange.revision.before.budgetLines).toEqual(record.report!.budgetLines);
    expect(shown.allowedActions).toContain('change.decide');
    await app.ok('u-street-shatoujiao', journey.day, 'change.decide', { changeId: change.id, approve: true, reason: '同意。' });
    const after = await recordOf(app, journey.id);
    expect(after.report).toMatchObject({ plan: '在 3 栋与 5 栋之间增设两盏路灯', budgetLines: NEW_LINES, budgetFen: 5_800_000 });
    expect(after.approvedBudgetFen).toBe(5_800_000);
    expect((await ledgerOf(app, 'c-zhongying')).approvedFen).toBe(approvedBefore + 800_000);
  });

  it('R-PUB-3: a refused revision changes neither the report nor the ledger; a revision without plan or lines is refused', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const before = await recordOf(app, journey.id);
    const ledger = await ledgerOf(app, 'c-zhongying');
    const snapshot = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'revise', reason: '修改' }), 'invalid_input', 'plan');
    expect(fingerprint(app)).toEqual(snapshot);
    const change = dataOf(await app.call('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'revise', reason: '修改', budgetLines: NEW_LINES }));
    await app.ok('u-street-shatoujiao', journey.day, 'change.decide', { changeId: change.id, approve: false, reason: '预算增加理由不足。' });
    expect((await recordOf(app, journey.id)).report).toEqual(before.report);
    expect(await ledgerOf(app, 'c-zhongying')).toEqual(ledger);
  });
});

describe('for residents: council.list and offline proposals (issue 18)', () => {
  it('R-COU-2, R-TRN-1: anyone reads a community\'s published agendas with their proposals, upcoming ones on request', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const all = dataOf(await app.call(null, START, 'council.list', { communityId: 'c-zhongying' })).items;
    const meeting = all.find((item: any) => item.id === journey.meetingId);
    expect(meeting).toEqual({
      id: journey.meetingId,
      communityId: 'c-zhongying',
      meetingOn: journey.days.meetingOn,
      publishedOn: START,
      proposals: [{ id: journey.id, title: '小区路灯维修', state: 'agenda_published', category: 'goods' }],
    });
    const upcoming = dataOf(await app.call(null, START, 'council.list', { communityId: 'c-zhongying', upcoming: true })).items;
    expect(upcoming.map((item: any) => item.id)).toContain(journey.meetingId);
    const later = dataOf(await app.call(null, addDays(journey.days.meetingOn, 1), 'council.list', { communityId: 'c-zhongying', upcoming: true })).items;
    expect(later.map((item: any) => item.id)).not.toContain(journey.meetingId);
    expect(later.every((item: any) => item.meetingOn >= addDays(journey.days.meetingOn, 1))).toBe(true);
    expectRefused(await app.call(null, START, 'council.list', { communityId: 'c-nowhere' }), 'not_found', 'communityId');
    expect(earliestMeetingOn(START).on <= journey.days.meetingOn).toBe(true);
  });

  it('R-SRC-1, R-TRN-1: a proposal keyed in from paper shows its channel and the masked originator as proposer', async () => {
    const app = createApp();
    const submitted = dataOf(
      await app.call('u-com-zhongying', START, 'proposal.submit', proposalPayload({ communityId: 'c-zhongying', source: 'resident', onBehalfOf: { name: '赵德明', channel: 'paper' } })),
    );
    expect(submitted).toMatchObject({ proposer: '赵德明', onBehalfOf: { name: '赵德明', channel: 'paper' } });
    const publicView = dataOf(await app.call(null, START, 'proposal.get', { id: submitted.id }));
    expect(publicView).toMatchObject({ proposer: '赵*明', onBehalfOf: { name: '赵*明', channel: 'paper' } });
    expect(JSON.stringify(publicView)).not.toContain('赵德明');
    expect(JSON.stringify(publicView)).not.toContain('陈社工');
    expectRefused(
      await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ communityId: 'c-zhongying', onBehalfOf: { name: '赵德明', channel: 'paper' } })),
      'invalid_input',
      'onBehalfOf',
    );
    expectRefused(
      await app.call('u-com-zhongying', START, 'proposal.submit', proposalPayload({ communityId: 'c-zhongying', onBehalfOf: { name: '赵德明', channel: 'fax' } })),
      'invalid_input',
      'onBehalfOf.channel',
    );
  });

  it('advance keeps working on an archived project', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'evaluated');
    await advance(app, journey, 'audited');
    expect((await recordOf(app, journey.id)).state).toBe('audited');
  });
});
