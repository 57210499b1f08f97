import { existsSync, statSync } from 'node:fs';
import { seedCloudBaseDemoData } from '../../backend/store/cloudbase/cloudbase.seed';
import { openCloudBaseStore } from '../../backend/store/cloudbase/cloudbase.store';
import { verifyChain } from '../../backend/store/audit-chain';
import { buildFunctions } from '../../scripts/build-functions';
import { API_BUNDLE, caller, loadBundles, setClock, useTestClock, type FunctionMain } from './support/function-bundles';
import { createWxServerSdkStandIn, STAND_IN_ENV, type WxServerSdkStandIn } from './support/wx-server-sdk.stand-in';
import { GOODS_CAST, prepareGoodsLifecycle, runGoodsLifecycle } from '../support/goods-lifecycle';
import { plainImage } from '../support/hostile-images';

// The built cloudfunctions/api/index.js, loaded in Node: first with the real wx-server-sdk
// (outside CloudBase its context is empty), then with the stand-in whose database is the
// in-memory DocDb — the goods lifecycle of test/api/lifecycle.test.ts, same steps and dates,
// through `exports.main`.

const { resident: RESIDENT, street: STREET, community: COMMUNITY } = GOODS_CAST;

beforeAll(async () => {
  await buildFunctions();
}, 60_000);

describe('the api cloud function bundle', () => {
  it('is one self-contained file (only wx-server-sdk and exceljs, installed from its package.json, outside it)', () => {
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
    await prepareGoodsLifecycle({ ok, refused: async (openid, day, action, payload) => errorOf(await api(openid, day, action, payload)) });
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

  function errorOf(answer: { ok: boolean; error?: { code: string; field?: string } }): { code: string; field?: string } {
    if (answer.ok || !answer.error) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
    return answer.error;
  }

  it('initialises the SDK for the function\'s own environment', () => {
    expect(standIn.inits.length).toBeGreaterThan(0);
    expect(standIn.inits.every((init) => (init as { env: unknown }).env === Symbol.for('SYMBOL_CURRENT_ENV'))).toBe(true);
  });

  it('takes a goods project from submission to audited, with its deadlines and the ledger at each step', async () => {
    const id = await runGoodsLifecycle(
      { ok, refused: async (openid, day, action, payload) => errorOf(await api(openid, day, action, payload)) },
      // msgSecCheck v2 saw the comment, for its author.
      { afterComment: () => expect(standIn.checked.at(-1)).toEqual({ openid: RESIDENT, scene: 2, version: 2, content: '希望增加适合老人的拉伸器材。' }) },
    );

    // Behind the function: one proposal document holding its chain's head, the entries in `audit`.
    const stored = standIn.memory.dump('proposals').find((doc) => doc._id === id)!;
    expect(stored).toMatchObject({ state: 'audited', version: 13, ratingCount: 2, ratingSum: 9, commentCount: 1, auditSeq: 13 });
    const entries = standIn.memory.dump('audit').filter((doc) => doc.chainId === id);
    expect(entries.map((doc) => doc._id)).toEqual(entries.map((_, index) => `${id}#${String(index + 1).padStart(10, '0')}`));
    expect(verifyChain(await openCloudBaseStore({ db: standIn.memory }).auditTrail(id))).toBeNull();
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
    // The mini-program uploaded it: a real JPEG in storage (issue 13: it is read back and checked).
    standIn.storage.set(`${folder(RESIDENT)}/a1.jpg`, await plainImage('jpeg'));
    const accepted = await submit([`${folder(RESIDENT)}/a1.jpg`], 'photo-test-0001');
    expect(accepted).toEqual({ ok: true, data: expect.objectContaining({ photos: [`${folder(RESIDENT)}/a1.jpg`] }) });
    expect(await submit([`${folder(RESIDENT)}/a1.jpg`, `${folder('u-res-1')}/b.jpg`], 'photo-test-0002')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: '照片须由本人上传', field: 'photos.1' },
    });
    expect((await submit(['f-0123456789abcdef.jpg'], 'photo-test-0003')).error.field).toBe('photos.0');
    expect((await submit([`${folder(RESIDENT).replace(STAND_IN_ENV, 'another-env')}/a.jpg`], 'photo-test-0004')).error.code).toBe('invalid_input');
  });

  it('issue 13: a photo in cloud storage is checked — type and size from its bytes, WeChat\'s image check — and removed when refused', async () => {
    const folder = `cloud://${STAND_IN_ENV}.7765-${STAND_IN_ENV}-1318000000/proposals/${RESIDENT}`;
    const submit = (photos: string[], requestId: string) =>
      api(RESIDENT, '2026-03-04', 'proposal.submit', {
        communityId: COMMUNITY, title: '带照片的提议', category: 'works', location: '田心社区', description: '附照片。', source: 'resident', photos, requestId,
      });
    const put = async (name: string, bytes: Buffer | Promise<Buffer>) => {
      standIn.storage.set(`${folder}/${name}`, await bytes);
      return `${folder}/${name}`;
    };
    // Not an image, whatever its name says: refused and deleted, the proposal not written.
    const html = await put('x.jpg', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(await submit([html], 'photo-check-0001')).toEqual({ ok: false, error: { code: 'invalid_input', message: '只能上传 JPEG 或 PNG 照片', field: 'photos.0' } });
    expect(standIn.storage.has(html)).toBe(false);
    // Over the image check's 1 MB.
    const large = await put('large.png', Buffer.concat([await plainImage('png'), Buffer.alloc(1024 * 1024)]));
    expect((await submit([large], 'photo-check-0002')).error).toMatchObject({ code: 'invalid_input', field: 'photos.0' });
    expect(standIn.storage.has(large)).toBe(false);
    // Refused by WeChat's image check (87014): content_rejected, deleted.
    standIn.imageCheck = () => ({ errCode: 87014 });
    const risky = await put('risky.jpg', plainImage('jpeg'));
    expect(await submit([risky], 'photo-check-0003')).toEqual({ ok: false, error: { code: 'content_rejected', message: '照片未通过内容安全检查，请更换', field: 'photos.0' } });
    expect(standIn.storage.has(risky)).toBe(false);
    // The check cannot answer: nothing is shown, nothing deleted; sent again later, it passes.
    standIn.imageCheck = () => Object.assign(new Error('system busy'), { errCode: -1 });
    const fine = await put('fine.png', plainImage('png'));
    expect((await submit([fine], 'photo-check-0004')).error).toMatchObject({ code: 'internal', field: 'photos.0' });
    expect(standIn.storage.has(fine)).toBe(true);
    standIn.imageCheck = () => ({ errCode: 0 });
    expect((await submit([fine], 'photo-check-0005')).ok).toBe(true);
    // Each photo is checked once: the same file on a second proposal is not sent to WeChat again.
    const checks = standIn.imagesChecked.length;
    expect((await submit([fine], 'photo-check-0006')).ok).toBe(true);
    expect(standIn.imagesChecked.length).toBe(checks);
    expect(standIn.deleted.sort()).toEqual([html, large, risky].sort());
  });
});
