import { existsSync, statSync } from 'node:fs';
import { seedCloudBaseDemoData } from '../../backend/store/cloudbase/cloudbase.seed';
import { CloudBaseStore } from '../../backend/store/cloudbase/cloudbase.store';
import { verifyChain } from '../../backend/store/audit-chain';
import { buildFunctions } from '../../scripts/build-functions';
import { API_BUNDLE, caller, loadBundles, setClock, useTestClock, type FunctionMain } from './support/function-bundles';
import { createWxServerSdkStandIn, STAND_IN_ENV, type WxServerSdkStandIn } from './support/wx-server-sdk.stand-in';

// The built cloudfunctions/api/index.js, loaded in Node: first with the real wx-server-sdk
// (outside CloudBase its context is empty), then with the stand-in whose database is the
// in-memory DocDb — the goods lifecycle of test/api/lifecycle.test.ts, same steps and dates,
// through `exports.main`.

const RESIDENT = 'u-res-3';
const OTHER_RESIDENT = 'u-race-neighbour';
const WORKER = 'u-com-tianxin';
const STREET = 'u-street-haishan';
const COMMUNITY = 'c-tianxin';

beforeAll(async () => {
  await buildFunctions();
}, 60_000);

describe('the api cloud function bundle', () => {
  it('is one self-contained file (only wx-server-sdk outside it)', () => {
    expect(existsSync(API_BUNDLE)).toBe(true);
    expect(statSync(API_BUNDLE).size).toBeLessThan(1024 * 1024);
  });

  it('loads with the real wx-server-sdk outside CloudBase, where getWXContext() is empty: the caller is anonymous', async () => {
    let main!: FunctionMain;
    jest.isolateModules(() => {
      jest.dontMock('wx-server-sdk');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      main = (require(API_BUNDLE) as { main: FunctionMain }).main;
    });
    await expect(main({ action: 'me.get', payload: {} })).resolves.toEqual({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } });
    await expect(main({ action: 'no.such', payload: {} })).resolves.toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input', field: 'action' }) });
  });
});

describe('the api cloud function on the CloudBase store (wx-server-sdk stand-in)', () => {
  let standIn: WxServerSdkStandIn;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    useTestClock();
    standIn = createWxServerSdkStandIn();
    await seedCloudBaseDemoData(standIn.memory, { at: '2026-01-05T02:00:00.000Z', year: 2026 });
    call = caller(standIn, loadBundles(standIn).api);
    await ok(STREET, '2026-01-05', 'ledger.allocate', { communityId: COMMUNITY, year: 2026, allocatedFen: 100_000_000 });
    await ok(OTHER_RESIDENT, '2026-01-05', 'me.join', { communityId: COMMUNITY, name: '何阿姨' });
  });

  afterAll(() => {
    jest.useRealTimers();
  });

  const api = (openid: string | null, day: string, action: string, payload: unknown) => call(openid, day, { action, payload });

  async function ok(openid: string | null, day: string, action: string, payload: unknown): Promise<any> {
    const answer = await api(openid, day, action, payload);
    if (!answer.ok) throw new Error(`${action} as ${openid} on ${day} answered ${JSON.stringify(answer)}`);
    return answer.data;
  }

  async function ledger2026() {
    const { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen } = await ok(null, '2026-12-01', 'ledger.get', { communityId: COMMUNITY, year: 2026 });
    return { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen };
  }

  it('initialises the SDK for the function\'s own environment', () => {
    expect(standIn.inits.length).toBeGreaterThan(0);
    expect(standIn.inits.every((init) => (init as { env: unknown }).env === Symbol.for('SYMBOL_CURRENT_ENV'))).toBe(true);
  });

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
    // The same requestId again: the first proposal, not a second one.
    const retried = await ok(RESIDENT, '2026-08-03', 'proposal.submit', {
      communityId: COMMUNITY, title: '田心社区健身路径器材更新', category: 'goods', location: '田心社区文体广场', description: '健身器材老化生锈，希望更新一批。', source: 'resident', requestId: 'lifecycle-goods-0001',
    });
    expect(retried.id).toBe(id);

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
    expect(tooEarly.error.code).toBe('too_early');
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
    expect(standIn.checked.at(-1)).toEqual({ openid: RESIDENT, scene: 2, version: 2, content: '希望增加适合老人的拉伸器材。' });
    await ok(WORKER, '2026-08-14', 'comment.reply', { commentId: comment.id, text: '已增加两件拉伸器材。' });
    const comments = await ok(null, '2026-08-14', 'comment.list', { proposalId: id });
    expect(comments.items).toEqual([expect.objectContaining({ id: comment.id, author: '王*国', reply: expect.objectContaining({ text: '已增加两件拉伸器材。' }) })]);
    const late = await api(RESIDENT, '2026-08-17', 'comment.add', { proposalId: id, text: '还来得及吗？', requestId: 'lifecycle-comment-0002' });
    expect(late.error.code).toBe('window_closed');

    // R-PUB-1: no implementation during the window.
    const early = await api(WORKER, '2026-08-14', 'implementation.assign', { id, implementer: '田心体育设施公司', assignedOn: '2026-08-14' });
    expect(early.error.code).toBe('too_early');

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
    expect(closed.error.code).toBe('window_closed');

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

    // Behind the function: one proposal document holding its chain's head, the entries in `audit`.
    const stored = standIn.memory.dump('proposals').find((doc) => doc._id === id)!;
    expect(stored).toMatchObject({ state: 'audited', version: 13, ratingCount: 2, ratingSum: 9, commentCount: 1, auditSeq: 13 });
    const entries = standIn.memory.dump('audit').filter((doc) => doc.chainId === id);
    expect(entries.map((doc) => doc._id)).toEqual(entries.map((_, index) => `${id}#${String(index + 1).padStart(10, '0')}`));
    expect(verifyChain(await new CloudBaseStore({ db: standIn.memory }).auditTrail(id))).toBeNull();
    expect(standIn.memory.dump('ledgers').find((doc) => doc._id === 'c-tianxin:2026')).toMatchObject({ approvedFen: 8_000_000, spentFen: 7_900_000 });
  }, 60_000);

  it('takes the caller only from getWXContext(): an openid or role in the event or the payload is ignored', async () => {
    const forged = { openid: STREET, OPENID: 'u-city', userInfo: { openId: 'u-city', appId: 'wx-forged' }, role: 'city' };
    expect(await call(null, '2026-09-01', { action: 'me.get', payload: { openid: STREET }, ...forged })).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: '请先登录' },
    });
    const me = await call(RESIDENT, '2026-09-01', { action: 'me.get', payload: { openid: STREET, role: 'street' }, ...forged });
    expect(me).toEqual({ ok: true, data: expect.objectContaining({ openid: RESIDENT, roles: [{ role: 'resident', scopeId: COMMUNITY }] }) });
    const allocate = await call(RESIDENT, '2026-09-01', { action: 'ledger.allocate', payload: { communityId: COMMUNITY, year: 2026, allocatedFen: 200_000_000, openid: STREET }, ...forged });
    expect(allocate).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('reads the time from its own clock, never from the event', async () => {
    const { id } = await ok(RESIDENT, '2026-03-02', 'proposal.submit', {
      communityId: COMMUNITY, title: '测试时钟', category: 'works', location: '田心社区', description: '事件里的时间不算数。', source: 'resident', requestId: 'clock-test-0001',
    });
    expect((await ok(RESIDENT, '2026-03-02', 'proposal.get', { id })).createdAt).toBe('2026-03-02T02:00:00.000Z');
    setClock('2026-03-03');
    standIn.as(RESIDENT);
    const answer = await loadBundles(standIn).api({ action: 'proposal.get', payload: { id }, now: '2030-01-01T00:00:00Z', 'x-dev-now': '2030-01-01T00:00:00Z' });
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ id, createdAt: '2026-03-02T02:00:00.000Z' }) });
  });

  it('accepts photos in the caller\'s own cloud-storage folder and refuses any other file id', async () => {
    const folder = (openid: string) => `cloud://${STAND_IN_ENV}.7765-${STAND_IN_ENV}-1318000000/proposals/${openid}`;
    const submit = (photos: string[], requestId: string) =>
      api(RESIDENT, '2026-03-04', 'proposal.submit', {
        communityId: COMMUNITY, title: '带照片的提议', category: 'works', location: '田心社区', description: '附照片。', source: 'resident', photos, requestId,
      });
    const accepted = await submit([`${folder(RESIDENT)}/a1.jpg`], 'photo-test-0001');
    expect(accepted).toEqual({ ok: true, data: expect.objectContaining({ photos: [`${folder(RESIDENT)}/a1.jpg`] }) });
    expect(await submit([`${folder(RESIDENT)}/a1.jpg`, `${folder('u-res-1')}/b.jpg`], 'photo-test-0002')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: '照片须由本人上传', field: 'photos.1' },
    });
    expect((await submit(['f-0123456789abcdef.jpg'], 'photo-test-0003')).error.field).toBe('photos.0');
    expect((await submit([`${folder(RESIDENT).replace(STAND_IN_ENV, 'another-env')}/a.jpg`], 'photo-test-0004')).error.code).toBe('invalid_input');
  });
});
