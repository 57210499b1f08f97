import { earliestMeetingOn } from '../../backend/domain/deadlines';
import { apiAt, okAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// R-FUN-1: 24 approvals race for an allocation that fits 20. The ledger's conditional update is
// the budget check, so exactly 20 win, the rest get budget_exceeded, and approved = allocated.

const COMMUNITY = 'c-tianxin';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const DAY = '2026-06-01';
const BUDGET = 5_000_000;
const ROUNDS = 24;

describe('R-FUN-1: racing approvals', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('exactly 20 of 24 racing approvals win; the rest are budget_exceeded and the ledger equals the allocation', async () => {
    const api = apiAt(server.url);
    const ok = okAt(server.url);
    // Half the quota (100,000,000 fen) is allocated: it fits 20 approvals of 5,000,000.
    await ok(STREET, DAY, 'ledger.allocate', { communityId: COMMUNITY, year: 2026, allocatedFen: 100_000_000 });

    // 24 residents each propose one project (5 proposals a day is the limit per person).
    const ids: string[] = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      const openid = `u-race-${index}`;
      await ok(openid, DAY, 'me.join', { communityId: COMMUNITY, name: `居民${index}` });
      const { id } = await ok(openid, DAY, 'proposal.submit', {
        communityId: COMMUNITY, title: `竞争项目 ${index}`, category: 'works', location: '田心社区', description: '并发审批测试。', source: 'resident', requestId: `race-proposal-${index}`,
      });
      await ok(WORKER, DAY, 'proposal.screen', { id, adopt: true });
      await ok(WORKER, DAY, 'proposal.draftReport', { id, reason: '理由', overview: '概述', plan: '方案', budgetLines: [{ item: '施工', amountFen: BUDGET }] });
      ids.push(id);
    }
    const meetingOn = earliestMeetingOn(DAY).on;
    const meeting = await ok(WORKER, DAY, 'council.publishAgenda', { communityId: COMMUNITY, meetingOn, proposalIds: ids });
    for (const id of ids) {
      await ok(WORKER, meetingOn, 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 10, for: 6, against: 4, abstain: 0 });
      await ok(WORKER, meetingOn, 'proposal.submitToStreet', { id });
    }

    const answers = await Promise.all(ids.map((id) => api(STREET, meetingOn, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: BUDGET })));
    const outcomes = answers.map((answer) => (answer.body.ok ? 'approved' : answer.body.error.code));
    expect(outcomes.filter((outcome) => outcome === 'approved')).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome === 'budget_exceeded')).toHaveLength(4);
    answers.filter((answer) => !answer.body.ok).forEach((answer) => expect(answer.status).toBe(409));

    const ledger = await ok(null, meetingOn, 'ledger.get', { communityId: COMMUNITY, year: 2026 });
    expect(ledger).toMatchObject({ allocatedFen: 100_000_000, approvedFen: 100_000_000, remainingFen: 0 });
    // The losers are still in street review, untouched.
    const states = await Promise.all(ids.map(async (id) => (await ok(null, meetingOn, 'proposal.get', { id })).state));
    expect(states.filter((state) => state === 'approved')).toHaveLength(20);
    expect(states.filter((state) => state === 'street_review')).toHaveLength(4);
  }, 120_000);
});
