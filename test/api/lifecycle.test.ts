import { earliestMeetingOn } from '../../backend/domain/deadlines';
import { apiAt, okAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Whole lifecycles over HTTP against the local server on a temp file store, with x-dev-now
// moving the days. Dates are 2026's, whose holiday schedule is known; every expected deadline
// was counted by hand on that calendar.

const RESIDENT = 'u-res-3';
const OTHER_RESIDENT = 'u-race-neighbour';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const COMMUNITY = 'c-tianxin';

describe('lifecycles over HTTP', () => {
  let server: ServerProcess;
  let api: ReturnType<typeof apiAt>;
  let ok: ReturnType<typeof okAt>;

  beforeAll(async () => {
    server = await startServerProcess();
    api = apiAt(server.url);
    ok = okAt(server.url);
    // The wall clock decides which years the seed allocates; 2026's allocation is made here.
    await ok(STREET, '2026-01-05', 'ledger.allocate', { communityId: COMMUNITY, year: 2026, allocatedFen: 100_000_000 });
    await ok(OTHER_RESIDENT, '2026-01-05', 'me.join', { communityId: COMMUNITY, name: '何阿姨' });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function ledger2026() {
    const { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen } = await ok(null, '2026-12-01', 'ledger.get', { communityId: COMMUNITY, year: 2026 });
    return { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen };
  }

  it('takes a goods project from submission to audited, with its deadlines and the ledger at each step', async () => {
    const before = await ledger2026();
    const submitted = await ok(RESIDENT, '2026-08-03', 'proposal.submit', {
      communityId: COMMUNITY,
      title: '田心社区健身路径器材更新',
      category: 'goods',
      location: '田心社区文体广场',
      description: '健身器材老化生锈，希望更新一批。',
      source: 'resident',
      requestId: 'lifecycle-goods-0001',
    });
    expect(submitted).toMatchObject({ state: 'submitted', communityId: COMMUNITY, proposer: '王建国', mine: true, version: 1, deadlines: {} });
    const { id } = submitted;

    expect((await ok(WORKER, '2026-08-03', 'proposal.screen', { id, adopt: true })).state).toBe('adopted');
    const drafted = await ok(WORKER, '2026-08-03', 'proposal.draftReport', {
      id,
      reason: '器材老化存在安全隐患',
      overview: '更新健身器材 10 件',
      plan: '社区采购并安装，由社区日常管养',
      budgetLines: [
        { item: '健身器材 10 件', amountFen: 7_000_000 },
        { item: '安装', amountFen: 1_000_000 },
      ],
    });
    expect(drafted.report).toMatchObject({ budgetFen: 8_000_000, feeFen: 0 });

    // R-COU-2: on Mon 3 Aug the agenda needs 3 full working days: the meeting is on Fri 7 Aug at the earliest.
    const tooEarly = await api(WORKER, '2026-08-03', 'council.publishAgenda', { communityId: COMMUNITY, meetingOn: '2026-08-06', proposalIds: [id] });
    expect([tooEarly.status, tooEarly.body.error.code]).toEqual([409, 'too_early']);
    const meeting = await ok(WORKER, '2026-08-03', 'council.publishAgenda', { communityId: COMMUNITY, meetingOn: '2026-08-07', proposalIds: [id] });
    expect(meeting).toMatchObject({ communityId: COMMUNITY, meetingOn: '2026-08-07', proposalIds: [id] });
    expect(meeting.proposals[0].state).toBe('agenda_published');

    const passed = await ok(WORKER, '2026-08-07', 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 30, for: 20, against: 6, abstain: 4 });
    expect(passed.state).toBe('council_passed');

    // R-REV-1: 15 working days from Fri 7 Aug end on Fri 28 Aug.
    const inReview = await ok(WORKER, '2026-08-07', 'proposal.submitToStreet', { id });
    expect(inReview).toMatchObject({ state: 'street_review', deadlines: { reviewDueOn: { on: '2026-08-28', provisional: false } } });

    const approved = await ok(STREET, '2026-08-10', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 8_000_000 });
    expect(approved).toMatchObject({ state: 'approved', approvedBudgetFen: 8_000_000, budgetYear: 2026, deadlines: {} });
    expect(await ledger2026()).toEqual({ ...before, approvedFen: before.approvedFen + 8_000_000, remainingFen: before.remainingFen - 8_000_000 });

    // R-PUB-1: published Tue 11 Aug, the window ends on Fri 14 Aug.
    const published = await ok(WORKER, '2026-08-11', 'publicity.publish', { id });
    expect(published).toMatchObject({ state: 'publicity', deadlines: { publicityEndsOn: { on: '2026-08-14', provisional: false } } });
    expect(published.allowedActions).not.toContain('implementation.assign');

    // R-PUB-2: residents comment until 24:00 of the window's last day; the community answers.
    const comment = await ok(RESIDENT, '2026-08-14', 'comment.add', { proposalId: id, text: '希望增加适合老人的拉伸器材。', requestId: 'lifecycle-comment-0001' });
    expect(comment).toMatchObject({ status: 'published', author: '王建国', mine: true });
    await ok(WORKER, '2026-08-14', 'comment.reply', { commentId: comment.id, text: '已增加两件拉伸器材。' });
    const comments = await ok(null, '2026-08-14', 'comment.list', { proposalId: id });
    expect(comments.items).toEqual([expect.objectContaining({ id: comment.id, author: '王*国', reply: expect.objectContaining({ text: '已增加两件拉伸器材。' }) })]);
    const late = await api(RESIDENT, '2026-08-17', 'comment.add', { proposalId: id, text: '还来得及吗？', requestId: 'lifecycle-comment-0002' });
    expect([late.status, late.body.error.code]).toEqual([409, 'window_closed']);

    // R-PUB-1: no implementation during the window.
    const early = await api(WORKER, '2026-08-14', 'implementation.assign', { id, implementer: '田心体育设施公司', assignedOn: '2026-08-14' });
    expect([early.status, early.body.error.code]).toEqual([409, 'too_early']);

    // R-IMP-1, R-IMP-4: ¥80,000 of goods is the community's to implement, finished within 6 months —
    // into 2027, whose holidays are not known yet, so the date is provisional (R-TIME-3).
    const assigned = await ok(WORKER, '2026-08-17', 'implementation.assign', { id, implementer: '田心体育设施公司', assignedOn: '2026-08-17' });
    expect(assigned).toMatchObject({
      state: 'implementing',
      implementation: { side: 'community', implementer: '田心体育设施公司', assignedOn: '2026-08-17' },
      deadlines: { completeDueOn: { on: '2027-02-17', provisional: true } },
    });
    await ok(WORKER, '2026-08-18', 'implementation.start', { id, startedOn: '2026-08-18' });
    const completed = await ok(WORKER, '2026-09-01', 'implementation.complete', {
      id,
      completedOn: '2026-09-01',
      maintenanceUnit: '田心社区工作站',
      maintenanceFunding: '社区党群服务经费',
    });
    expect(completed).toMatchObject({ state: 'completed', deadlines: {} });

    // R-EVA-1: ratings open at completion, one per resident, replaced by a later call.
    await ok(RESIDENT, '2026-09-02', 'rating.set', { proposalId: id, stars: 3 });
    await ok(RESIDENT, '2026-09-03', 'rating.set', { proposalId: id, stars: 5, text: '器材很好用' });
    await ok(OTHER_RESIDENT, '2026-09-03', 'rating.set', { proposalId: id, stars: 4 });
    expect(await ok(null, '2026-09-03', 'rating.summary', { proposalId: id })).toEqual({
      count: 2,
      average: 4.5,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    });
    expect((await ok(WORKER, '2026-09-07', 'evaluation.publish', { id, summary: '居民满意。' })).state).toBe('evaluated');
    const closed = await api(OTHER_RESIDENT, '2026-09-08', 'rating.set', { proposalId: id, stars: 1 });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'window_closed']);

    // R-AUD-1: the audit publishes the spending against the budget; the ledger counts it as spent.
    const audited = await ok(STREET, '2026-09-10', 'audit.publish', { id, auditor: '盐田审计所', spentFen: 7_900_000, report: '资金使用合规。' });
    expect(audited).toMatchObject({ state: 'audited', audit: { spentFen: 7_900_000, auditor: '盐田审计所' } });
    expect(await ledger2026()).toEqual({
      ...before,
      approvedFen: before.approvedFen + 8_000_000,
      spentFen: before.spentFen + 7_900_000,
      remainingFen: before.remainingFen - 8_000_000,
    });

    // R-SUP-2: every step left one entry on the proposal's chain, each pointing at the one before.
    const trail = await ok(WORKER, '2026-09-10', 'audit.trail', { id });
    expect(trail.entries.map((entry: any) => entry.to)).toEqual([
      'submitted', 'adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved',
      'publicity', 'implementing', 'implementing', 'completed', 'evaluated', 'audited',
    ]);
    trail.entries.slice(1).forEach((entry: any, index: number) => expect(entry.prevHash).toBe(trail.entries[index].hash));
  }, 60_000);

  it('takes a services project to audited: a 12% fee is refused, 10% accepted (R-REP-2), publicity from Fri 18 Sep ends Tue 22 Sep (R-PUB-1)', async () => {
    const { id } = await ok(RESIDENT, '2026-09-14', 'proposal.submit', {
      communityId: COMMUNITY,
      title: '田心社区四点半课堂',
      category: 'services',
      location: '田心社区党群服务中心',
      description: '双职工家庭的孩子放学后无人照看。',
      source: 'resident',
      requestId: 'lifecycle-services-0001',
    });
    await ok(WORKER, '2026-09-14', 'proposal.screen', { id, adopt: true });
    const report = { id, reason: '解决学生课后看护', overview: '开设课后托管 60 次', plan: '委托社工机构开展' };
    const twelvePercent = await api(WORKER, '2026-09-14', 'proposal.draftReport', {
      ...report,
      budgetLines: [
        { item: '托管服务', amountFen: 4_400_000 },
        { item: '服务管理费', amountFen: 600_000, fee: true },
      ],
    });
    expect([twelvePercent.status, twelvePercent.body.error.code, twelvePercent.body.error.field]).toEqual([400, 'fee_ratio_exceeded', 'budgetLines']);
    const tenPercent = await ok(WORKER, '2026-09-14', 'proposal.draftReport', {
      ...report,
      budgetLines: [
        { item: '托管服务', amountFen: 4_500_000 },
        { item: '服务管理费', amountFen: 500_000, fee: true },
      ],
    });
    expect(tenPercent.report).toMatchObject({ budgetFen: 5_000_000, feeFen: 500_000 });

    const meeting = await ok(WORKER, '2026-09-14', 'council.publishAgenda', { communityId: COMMUNITY, meetingOn: '2026-09-18', proposalIds: [id] });
    await ok(WORKER, '2026-09-18', 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 21, for: 11, against: 10, abstain: 0 });
    // R-REV-1: from Fri 18 Sep, 15 working days count Sun 20 Sep (make-up) and skip Mid-Autumn and National Day.
    const inReview = await ok(WORKER, '2026-09-18', 'proposal.submitToStreet', { id });
    expect(inReview.deadlines).toEqual({ reviewDueOn: { on: '2026-10-15', provisional: false } });
    await ok(STREET, '2026-09-18', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 5_000_000 });
    const published = await ok(WORKER, '2026-09-18', 'publicity.publish', { id });
    expect(published.deadlines).toEqual({ publicityEndsOn: { on: '2026-09-22', provisional: false } });

    // R-IMP-3: services start within 1 month of the implementer being set: Fri 23 Oct.
    const assigned = await ok(WORKER, '2026-09-23', 'implementation.assign', { id, implementer: '田心社工服务社', assignedOn: '2026-09-23' });
    expect(assigned.deadlines).toEqual({ startDueOn: { on: '2026-10-23', provisional: false } });
    const started = await ok(WORKER, '2026-09-24', 'implementation.start', { id, startedOn: '2026-09-24' });
    expect(started.deadlines).toEqual({});
    await ok(WORKER, '2026-11-20', 'implementation.complete', { id, completedOn: '2026-11-20', maintenanceUnit: '不适用（服务类）', maintenanceFunding: '无' });
    await ok(RESIDENT, '2026-11-21', 'rating.set', { proposalId: id, stars: 5 });
    await ok(WORKER, '2026-11-23', 'evaluation.publish', { id, summary: '家长满意度 95%。' });
    const audited = await ok(STREET, '2026-11-25', 'audit.publish', { id, auditor: '盐田审计所', spentFen: 5_000_000, report: '按预算执行。' });
    expect(audited.state).toBe('audited');
  }, 60_000);

  it('R-REV-2: a rejection needs a reason, which the proposer then sees', async () => {
    const id = await toStreetReview('lifecycle-reject-0001', '2026-03-02');
    const noReason = await api(STREET, '2026-03-09', 'review.decide', { id, outcome: 'rejected' });
    expect([noReason.status, noReason.body.error.code, noReason.body.error.field]).toEqual([400, 'invalid_input', 'reason']);
    await ok(STREET, '2026-03-09', 'review.decide', { id, outcome: 'rejected', reason: '与区政府道路改造项目重复。' });
    const seen = await ok(RESIDENT, '2026-03-10', 'proposal.get', { id });
    expect(seen).toMatchObject({ state: 'rejected', review: { outcome: 'rejected', reason: '与区政府道路改造项目重复。' }, allowedActions: [] });
  }, 30_000);

  it('R-COL-2: a proposal not adopted carries the explanation to the proposer', async () => {
    const { id } = await ok(RESIDENT, '2026-04-01', 'proposal.submit', {
      communityId: COMMUNITY, title: '小区电梯维修', category: 'works', location: '田心村 8 栋', description: '电梯经常坏。', source: 'resident', requestId: 'lifecycle-notadopted-1',
    });
    const missing = await api(WORKER, '2026-04-02', 'proposal.screen', { id, adopt: false, exclusion: 'property_duty' });
    expect([missing.status, missing.body.error.field]).toEqual([400, 'explanation']);
    await ok(WORKER, '2026-04-02', 'proposal.screen', { id, adopt: false, exclusion: 'property_duty', explanation: '电梯维修属物业职责，已转物业。' });
    expect(await ok(RESIDENT, '2026-04-02', 'proposal.get', { id })).toMatchObject({
      state: 'not_adopted',
      screening: { adopt: false, exclusion: 'property_duty', explanation: '电梯维修属物业职责，已转物业。' },
    });
  }, 30_000);

  it('R-CHG-1: an approved withdrawal makes the project withdrawn and releases its budget', async () => {
    const id = await toStreetReview('lifecycle-withdraw-0001', '2026-05-11');
    await ok(STREET, '2026-05-18', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 3_000_000 });
    const approvedLedger = await ledger2026();
    const direct = await api(WORKER, '2026-05-19', 'change.decide', { changeId: 'ch-nothing', approve: true, reason: 'x' });
    expect(direct.body.error.code).toBe('not_found');
    const change = await ok(WORKER, '2026-05-19', 'change.request', { id, kind: 'withdraw', reason: '场地被征用，无法实施。' });
    expect(change).toMatchObject({ proposalId: id, kind: 'withdraw', state: 'pending' });
    const byWorker = await api(WORKER, '2026-05-20', 'change.decide', { changeId: change.id, approve: true, reason: '同意' });
    expect([byWorker.status, byWorker.body.error.code]).toEqual([403, 'forbidden']);
    const decided = await ok(STREET, '2026-05-20', 'change.decide', { changeId: change.id, approve: true, reason: '情况属实，同意撤销。' });
    expect(decided).toMatchObject({ state: 'approved', proposal: { state: 'withdrawn' } });
    expect(await ledger2026()).toEqual({ ...approvedLedger, approvedFen: approvedLedger.approvedFen - 3_000_000, remainingFen: approvedLedger.remainingFen + 3_000_000 });
  }, 30_000);

  /** Submits, adopts, drafts, puts on a council and sends to the street, from `day` on. */
  async function toStreetReview(requestId: string, day: string): Promise<string> {
    const { id } = await ok(RESIDENT, day, 'proposal.submit', {
      communityId: COMMUNITY, title: `测试项目 ${requestId}`, category: 'works', location: '田心社区', description: '测试用的提议。', source: 'resident', requestId,
    });
    await ok(WORKER, day, 'proposal.screen', { id, adopt: true });
    await ok(WORKER, day, 'proposal.draftReport', { id, reason: '理由', overview: '概述', plan: '方案', budgetLines: [{ item: '施工', amountFen: 3_000_000 }] });
    const meetingOn = earliestMeetingOn(day).on;
    const meeting = await ok(WORKER, day, 'council.publishAgenda', { communityId: COMMUNITY, meetingOn, proposalIds: [id] });
    await ok(WORKER, meetingOn, 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 10, for: 9, against: 1, abstain: 0 });
    await ok(WORKER, meetingOn, 'proposal.submitToStreet', { id });
    return id;
  }
});
