import { existsSync } from 'node:fs';
import { seedCloudBaseDemoData } from '../../backend/store/cloudbase/cloudbase.seed';
import { buildFunctions } from '../../scripts/build-functions';
import { caller, CRON_BUNDLE, loadBundles, useTestClock } from './support/function-bundles';
import { createWxServerSdkStandIn, STAND_IN_ENV, type WxServerSdkStandIn } from './support/wx-server-sdk.stand-in';

// The built cloudfunctions/cron/index.js against the same stand-in as the api function: the
// api makes the records, the timer (called with no OPENID, as WeChat calls it) flags, reminds,
// rechecks and delivers.

const RESIDENT = 'u-res-3';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const COMMUNITY = 'c-tianxin';

// The first case loads (and the runner transforms) both bundles: ~2 s alone, more on a shared machine.
jest.setTimeout(30_000);

const TEMPLATES: Record<string, string> = {
  WX_TEMPLATE_PROPOSAL_STATE_CHANGED: 'tpl-state',
  WX_TEMPLATE_DEADLINE_OVERDUE: 'tpl-overdue',
  WX_TEMPLATE_DEADLINE_NEAR: 'tpl-near',
  // A content check that does not answer is given up on quickly here.
  CONTENT_CHECK_TIMEOUT_MS: '100',
  // No template for comment_answered: those messages are recorded as skipped.
};

beforeAll(async () => {
  await buildFunctions();
  Object.assign(process.env, TEMPLATES);
  useTestClock();
  // Each run logs its report (for the function's logs); the assertions read the answers instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}, 60_000);

afterEach(() => {
  delete process.env.DEPLOY_STAGE;
});

afterAll(() => {
  for (const name of Object.keys(TEMPLATES)) delete process.env[name];
  jest.useRealTimers();
  jest.restoreAllMocks();
});

async function setUp() {
  const standIn = createWxServerSdkStandIn();
  await seedCloudBaseDemoData(standIn.memory, { at: '2026-01-05T02:00:00.000Z', year: 2026 });
  const { api, cron } = loadBundles(standIn);
  const callApi = caller(standIn, api);
  const callCron = caller(standIn, cron);
  const ok = async (openid: string, day: string, action: string, payload: unknown): Promise<any> => {
    const answer = await callApi(openid, day, { action, payload });
    if (!answer.ok) throw new Error(`${action} on ${day}: ${JSON.stringify(answer)}`);
    return answer.data;
  };
  /** The timer's run on `day` (no OPENID, as WeChat calls it). */
  const tick = async (day: string) => {
    const answer = await callCron(null, day, { Type: 'Timer', TriggerName: 'every10min', Time: `${day}T02:00:00Z` });
    expect(answer.ok).toBe(true);
    expect(answer.data.errors).toEqual([]);
    return answer.data;
  };
  return { standIn, ok, tick, callCron };
}

/** A works proposal sent to the street on Fri 7 Aug 2026: its review is due Fri 28 Aug. */
async function inStreetReview(ok: (openid: string, day: string, action: string, payload: unknown) => Promise<any>): Promise<string> {
  const { id } = await ok(RESIDENT, '2026-08-03', 'proposal.submit', {
    communityId: COMMUNITY, title: '路灯维修', category: 'works', location: '田心', description: '路灯坏了。', source: 'resident', requestId: 'cron-test-0001',
  });
  await ok(WORKER, '2026-08-03', 'proposal.screen', { id, adopt: true });
  await ok(WORKER, '2026-08-03', 'proposal.draftReport', { id, reason: '理由', overview: '概述', plan: '方案', budgetLines: [{ item: '维修', amountFen: 100_000 }] });
  const meeting = await ok(WORKER, '2026-08-03', 'council.publishAgenda', { communityId: COMMUNITY, meetingOn: '2026-08-07', proposalIds: [id] });
  await ok(WORKER, '2026-08-07', 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 9, for: 5, against: 4, abstain: 0 });
  await ok(WORKER, '2026-08-07', 'proposal.submitToStreet', { id });
  return id;
}

const sentTo = (standIn: WxServerSdkStandIn, templateId: string) => standIn.sent.filter((message) => message.templateId === templateId);

describe('the cron cloud function', () => {
  it('is built next to its timer trigger (every 10 minutes) and permissions', () => {
    expect(existsSync(CRON_BUNDLE)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('../../cloudfunctions/cron/config.json')).toEqual({
      triggers: [{ name: 'every10min', type: 'timer', config: '0 */10 * * * * *' }],
      permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] },
    });
  });

  it('delivers the outbox as subscribe messages that open the proposal, each once', async () => {
    const { standIn, ok, tick } = await setUp();
    const id = await inStreetReview(ok);
    const report = await tick('2026-08-07');
    // submitted → adopted → drafted → agenda_published → council_passed → street_review.
    expect(report.delivery).toMatchObject({ sent: 5, refused: 0, failed: 0 });
    expect(sentTo(standIn, 'tpl-state')).toHaveLength(5);
    expect(standIn.sent[0]).toEqual({
      touser: RESIDENT,
      templateId: 'tpl-state',
      page: `pages/proposal-detail/index?id=${id}`,
      data: { thing1: { value: '路灯维修' }, thing2: { value: '已采纳' }, date3: { value: '2026年08月03日' }, thing4: { value: '点击查看项目进度' } },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });
    expect((await tick('2026-08-07')).delivery).toMatchObject({ sent: 0 });
    expect(standIn.sent).toHaveLength(5);
    // Every message settled once: the resident's sent; the worker's new-proposal notice has no
    // template here, so it stays an inbox item only (skipped).
    const settled = standIn.memory.dump('outbox');
    expect(settled.every((doc) => doc.delivered === true)).toBe(true);
    expect(settled.filter((doc) => doc.recipientOpenid === RESIDENT).every((doc) => doc.outcome === 'sent')).toBe(true);
    expect(settled.filter((doc) => doc.outcome !== 'sent').map((doc) => [doc.kind, doc.outcome])).toEqual([['proposal_submitted', 'skipped']]);
  });

  it('reminds the street three working days before the review is due, then flags it overdue once — a flag, never a block', async () => {
    const { standIn, ok, tick } = await setUp();
    const id = await inStreetReview(ok);
    await tick('2026-08-07');
    // Mon 24 Aug: 4 working days left (25, 26, 27, 28) — not yet.
    expect((await tick('2026-08-24')).near).toBe(0);
    // Tue 25 Aug: 3 left.
    const near = await tick('2026-08-25');
    expect(near.near).toBe(1);
    expect(sentTo(standIn, 'tpl-near')).toEqual([
      expect.objectContaining({ touser: STREET, page: `pages/proposal-detail/index?id=${id}`, data: expect.objectContaining({ thing2: { value: '街道审核即将到期' }, date3: { value: '2026年08月28日' } }) }),
    ]);
    expect((await tick('2026-08-26')).near).toBe(0);
    // Due Fri 28 Aug; on Mon 31 Aug it is overdue.
    expect((await tick('2026-08-28')).overdue).toBe(0);
    const overdue = await tick('2026-08-31');
    expect(overdue.overdue).toBe(1);
    expect(overdue.delivery.sent).toBe(1);
    expect(sentTo(standIn, 'tpl-overdue')).toEqual([
      expect.objectContaining({ touser: STREET, data: expect.objectContaining({ thing2: { value: '街道审核逾期' }, date3: { value: '2026年08月28日' } }) }),
    ]);
    expect((await tick('2026-09-01')).overdue).toBe(0);
    expect(sentTo(standIn, 'tpl-overdue')).toHaveLength(1);
    expect((await ok(STREET, '2026-09-01', 'proposal.get', { id })).state).toBe('street_review');
  });

  it('records a refused grant (43101) and never tries that message again', async () => {
    const { standIn, ok, tick } = await setUp();
    standIn.refusing.add(RESIDENT);
    await inStreetReview(ok);
    const first = await tick('2026-08-07');
    expect(first.delivery).toMatchObject({ sent: 0, refused: 5 });
    expect(standIn.attempted).toHaveLength(5);
    const refused = standIn.memory.dump('outbox').filter((doc) => doc.recipientOpenid === RESIDENT);
    expect(refused).toHaveLength(5);
    expect(refused.every((doc) => doc.delivered === true && doc.outcome === 'refused' && String(doc.outcomeDetail).includes('43101'))).toBe(true);
    await tick('2026-08-08');
    await tick('2026-08-10');
    expect(standIn.attempted).toHaveLength(5);
    // The street, who granted, still gets theirs.
    await tick('2026-08-26');
    expect(sentTo(standIn, 'tpl-near')).toHaveLength(1);
  });

  it('records a message of a kind without a template as skipped', async () => {
    const { standIn, ok, tick } = await setUp();
    const id = await inStreetReview(ok);
    await ok(STREET, '2026-08-10', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 100_000 });
    await ok(WORKER, '2026-08-11', 'publicity.publish', { id });
    const comment = await ok(RESIDENT, '2026-08-12', 'comment.add', { proposalId: id, text: '好。', requestId: 'cron-comment-0001' });
    await ok(WORKER, '2026-08-12', 'comment.reply', { commentId: comment.id, text: '谢谢。' });
    const report = await tick('2026-08-12');
    // Kinds without a template here: the answer to the resident, and the staff's notices of the new
    // proposal and the new comment (inbox items only).
    expect(report.delivery.skipped).toBe(3);
    expect(standIn.memory.dump('outbox').filter((doc) => doc.kind === 'comment_answered')).toEqual([expect.objectContaining({ delivered: true, outcome: 'skipped' })]);
  });

  it('rechecks comments the content check held back: published once it passes, left for a person while unsure', async () => {
    const { standIn, ok, tick } = await setUp();
    const id = await inStreetReview(ok);
    await ok(STREET, '2026-08-10', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 100_000 });
    await ok(WORKER, '2026-08-11', 'publicity.publish', { id });
    standIn.contentCheck = () => 'hang';
    const held = await ok(RESIDENT, '2026-08-12', 'comment.add', { proposalId: id, text: '希望夜间也亮灯。', requestId: 'cron-comment-0002' });
    expect(held.status).toBe('pending');
    standIn.contentCheck = () => ({ errCode: 0, result: { suggest: 'review' } });
    expect((await tick('2026-08-12')).comments).toEqual({ published: 0, hidden: 0, kept: 1 });
    standIn.contentCheck = () => ({ errCode: 0, result: { suggest: 'pass' } });
    expect((await tick('2026-08-12')).comments).toEqual({ published: 1, hidden: 0, kept: 0 });
    const listed = await ok(RESIDENT, '2026-08-12', 'comment.list', { proposalId: id });
    expect(listed.items).toEqual([expect.objectContaining({ id: held.id, status: 'published' })]);
    expect((await tick('2026-08-12')).comments).toEqual({ published: 0, hidden: 0, kept: 0 });
    const trail = standIn.memory.dump('audit').filter((doc) => doc.chainId === `comments:${id}`);
    expect(trail.map((doc) => [doc.action, doc.actor])).toEqual([
      ['comment.add', RESIDENT],
      ['comment.moderate', 'system:cron'],
    ]);
  }, 30_000);

  it('refuses a call carrying a user\'s OPENID (a mini-program may not run the timer\'s work)', async () => {
    const { callCron } = await setUp();
    expect(await callCron(RESIDENT, '2026-08-07', {})).toEqual({ ok: false, error: { code: 'forbidden', message: '该云函数仅由定时触发器调用' } });
    expect(await callCron(null, '2026-08-07', { task: 'drop-everything' })).toEqual({ ok: false, error: { code: 'invalid_input', message: '未知的任务' } });
  });

  it('issue 13: seed-demo refuses an environment not marked demo or test, unless the event names this environment', async () => {
    const standIn = createWxServerSdkStandIn();
    const { cron } = loadBundles(standIn);
    const callCron = caller(standIn, cron);
    const refused = await callCron(null, '2026-09-15', { task: 'seed-demo' });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('DEPLOY_STAGE') } });
    process.env.DEPLOY_STAGE = 'production';
    try {
      expect((await callCron(null, '2026-09-15', { task: 'seed-demo' })).ok).toBe(false);
      // An event copied from another environment does nothing.
      expect((await callCron(null, '2026-09-15', { task: 'seed-demo', production: 'another-env-1a2b' })).ok).toBe(false);
      expect(await standIn.memory.count('users', [{}])).toBe(0);
      expect(await callCron(null, '2026-09-15', { task: 'seed-demo', production: STAND_IN_ENV })).toEqual({ ok: true, data: { seeded: true } });
    } finally {
      delete process.env.DEPLOY_STAGE;
    }
  });

  it('issue 16: seed-shenzhen gives an empty environment Shenzhen\'s directory and its first city administrator, named, once; they can invite at once', async () => {
    const standIn = createWxServerSdkStandIn();
    const { api, cron } = loadBundles(standIn);
    const callCron = caller(standIn, cron);
    const callApi = caller(standIn, api);
    // No administrator named, or a malformed one: nothing is written.
    for (const event of [{ task: 'seed-shenzhen' }, { task: 'seed-shenzhen', adminOpenid: 'not an openid' }, { task: 'seed-shenzhen', adminOpenid: 'oAdmin_1', adminName: '' }]) {
      expect(await callCron(null, '2026-09-15', event)).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('seed-shenzhen') } });
    }
    expect(await standIn.memory.count('users', [{}])).toBe(0);

    expect(await callCron(null, '2026-09-15', { task: 'seed-shenzhen', adminOpenid: 'oAdmin_1', adminName: '陈立新' })).toEqual({ ok: true, data: { seeded: true } });
    // A second run, even naming someone else, changes nothing.
    expect(await callCron(null, '2026-09-16', { task: 'seed-shenzhen', adminOpenid: 'oSomeoneElse' })).toEqual({ ok: true, data: { seeded: false } });
    expect(await standIn.memory.count('users', [{}])).toBe(1);

    const me = await callApi('oAdmin_1', '2026-09-16', { action: 'me.get', payload: {} });
    expect(me.data).toMatchObject({ name: '陈立新', roles: [{ role: 'city', scopeId: 'city' }] });
    const directory = await callApi(null, '2026-09-16', { action: 'directory.get', payload: {} });
    expect(directory.data.districts.map((district: { name: string }) => district.name)).toContain('盐田区');
    expect(directory.data.districts).toHaveLength(9);
    const invited = await callApi('oAdmin_1', '2026-09-16', { action: 'invitation.create', payload: { role: 'district', scopeId: 'd-440308' } });
    expect(invited).toMatchObject({ ok: true, data: { role: 'district', scopeId: 'd-440308' } });
  });

  it('seeds an empty demo environment with the demo data once, from the console task "seed-demo"', async () => {
    const standIn = createWxServerSdkStandIn();
    const { api, cron } = loadBundles(standIn);
    const callCron = caller(standIn, cron);
    process.env.DEPLOY_STAGE = 'demo';
    expect(await callCron(null, '2026-09-15', { task: 'seed-demo' })).toEqual({ ok: true, data: { seeded: true } });
    expect(await callCron(null, '2026-09-16', { task: 'seed-demo' })).toEqual({ ok: true, data: { seeded: false } });
    const listed = await caller(standIn, api)(null, '2026-09-15', { action: 'proposal.list', payload: { communityId: 'c-zhongying' } });
    expect(listed.ok).toBe(true);
    expect(listed.data.items.map((item: any) => item.state)).toEqual(expect.arrayContaining(['submitted', 'publicity', 'implementing', 'completed', 'audited']));
    // The seed's own messages tell of the past: none is sent.
    standIn.as(null);
    await cron({});
    expect(standIn.attempted).toEqual([]);
  }, 30_000);
});
