import { earliestMeetingOn } from '../../backend/domain/deadlines';
import { SPEC_STATUS } from '../support/app-harness';
import { prepareGoodsLifecycle, runGoodsLifecycle, type Door } from '../support/goods-lifecycle';
import { apiAt, okAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Whole lifecycles over HTTP against the local server on a temp file store, with x-dev-now
// moving the days. Dates are 2026's, whose holiday schedule is known; every expected deadline
// was counted by hand on that calendar.

const RESIDENT = 'u-res-3';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const COMMUNITY = 'c-tianxin';

describe('lifecycles over HTTP', () => {
  let server: ServerProcess;
  let api: ReturnType<typeof apiAt>;
  let ok: ReturnType<typeof okAt>;
  let httpDoor: Door;

  beforeAll(async () => {
    server = await startServerProcess();
    api = apiAt(server.url);
    ok = okAt(server.url);
    httpDoor = {
      ok,
      async refused(openid, day, action, payload) {
        const { status, body } = await api(openid, day, action, payload);
        expect(body.ok).toBe(false);
        // Every refusal carries the HTTP status that spec/api.md gives its code.
        expect(status).toBe(SPEC_STATUS[body.error.code as keyof typeof SPEC_STATUS]);
        return body.error;
      },
    };
    await prepareGoodsLifecycle(httpDoor);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function ledger2026() {
    const { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen } = await ok(null, '2026-12-01', 'ledger.get', { communityId: COMMUNITY, year: 2026 });
    return { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen };
  }

  it('takes a goods project from submission to audited, with its deadlines and the ledger at each step', async () => {
    await runGoodsLifecycle(httpDoor);
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
