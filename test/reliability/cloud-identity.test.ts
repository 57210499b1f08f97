import path from 'node:path';
import { recordFigure } from '../support/reliability-figures';

// Figure 7, the WeChat door (issue 7): the `api` cloud function takes its caller only from
// `cloud.getWXContext().OPENID` and its clock only from its own `new Date()`. An openid, a role,
// `userInfo`, dev headers or a dev clock anywhere in the event are never read. The bundle that
// `npm run build:functions` makes (scripts/build-functions.ts) is loaded in Node with
// `wx-server-sdk` replaced by the stand-in of test/functions/support (its database the in-memory
// DocDb), seeded with the demo data.

const root = path.resolve(__dirname, '../..');
const API_BUNDLE = path.join(root, 'cloudfunctions/api/index.js');
const STUB_MESSAGE = '云端数据存储尚未接入';

type Main = (event: unknown) => Promise<any>;

/** Everything a caller could put in an event to pass for the city. */
function claims(extra: Record<string, unknown> = {}) {
  return {
    openid: 'u-city',
    OPENID: 'u-city',
    userInfo: { openId: 'u-city', appId: 'wx-forged' },
    role: 'city',
    grants: [{ role: 'city', scopeId: 'city' }],
    headers: { 'x-dev-openid': 'u-city', 'x-dev-now': '2030-01-01T10:00:00+08:00' },
    'x-dev-openid': 'u-city',
    'x-dev-now': '2030-01-01T10:00:00+08:00',
    now: '2030-01-01T10:00:00+08:00',
    ...extra,
  };
}

const claimedPayload = { openid: 'u-city', role: 'city', caller: { openid: 'u-city' } };

describe('Figure 7 — the cloud function reads its caller only from getWXContext()', () => {
  let main: Main;
  let as: (openid: string | null) => void;
  let stub = false;
  let checked = 0;
  let honoured = 0;
  const notes: string[] = [];

  beforeAll(async () => {
    const { buildFunctions } = await import('../../scripts/build-functions');
    await buildFunctions();
    // The stand-in is the functions tests' own; loaded by path so that its absence is a clear failure.
    const { createWxServerSdkStandIn } = await import('../functions/support/wx-server-sdk.stand-in');
    const { seedCloudBaseDemoData } = await import('../../backend/store/cloudbase/cloudbase.seed');
    const standIn = createWxServerSdkStandIn();
    await seedCloudBaseDemoData(standIn.memory, { at: '2026-06-01T02:00:00.000Z', year: 2026 });
    as = (openid) => standIn.as(openid);
    jest.isolateModules(() => {
      jest.doMock('wx-server-sdk', () => standIn.module);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      main = (require(API_BUNDLE) as { main: Main }).main;
    });
    as('u-res-1');
    const probe = await main({ action: 'me.get', payload: {} });
    stub = !probe.ok && String(probe.error?.message).includes(STUB_MESSAGE);
  }, 120_000);

  afterAll(() => {
    recordFigure({
      number: 7,
      name: 'permission matrix, cloud function',
      goal: 'identity and clock claims in the event honoured = 0',
      values: { 'events with claims': checked, 'claims honoured': honoured, 'bundle answers real actions': stub ? 'no (stub)' : 'yes' },
      pass: honoured === 0 && checked > 0,
      notes: stub ? ['the bundle still answers 云端数据存储尚未接入: only "claims change nothing" was tested', ...notes] : notes,
    });
  });

  async function compare(openid: string | null, action: string, payload: Record<string, unknown>, judge: (plain: any, claimed: any) => boolean) {
    as(openid);
    const plain = await main({ action, payload });
    as(openid);
    const claimed = await main({ action, payload: { ...payload, ...claimedPayload }, ...claims() });
    checked += 1;
    const fine = stub ? JSON.stringify(plain) === JSON.stringify(claimed) : judge(plain, claimed);
    if (!fine) {
      honoured += 1;
      notes.push(`${openid ?? 'anonymous'} × ${action}: without claims ${JSON.stringify(plain).slice(0, 120)}, with claims ${JSON.stringify(claimed).slice(0, 120)}`);
    }
    return fine;
  }

  it('an anonymous event that names u-city (openid, userInfo, headers) is still anonymous', async () => {
    expect(await compare(null, 'me.get', {}, (plain, claimed) => plain.error?.code === 'unauthenticated' && claimed.error?.code === 'unauthenticated')).toBe(true);
  });

  it('u-res-1 claiming the city in the event and the payload is told it is u-res-1, a resident', async () => {
    expect(
      await compare('u-res-1', 'me.get', {}, (plain, claimed) => plain.ok && claimed.ok && claimed.data.openid === 'u-res-1' && JSON.stringify(claimed.data.roles) === JSON.stringify([{ role: 'resident', scopeId: 'c-zhongying' }])),
    ).toBe(true);
  });

  it.each([
    ['policy.set', { districtId: 'd-yantian', year: 2031, quotaFen: 1, feeRatioPercent: 10, streetThresholdFen: { works: 1, goods: 1, services: 1 }, tenderThresholdFen: 1 }],
    ['ledger.allocate', { communityId: 'c-tianxin', year: 2026, allocatedFen: 200_000_000 }],
    ['library.add', { title: '伪造条目', category: 'goods', plan: '方案', budgetLines: [{ item: '费用', amountFen: 100 }] }],
    ['subsidy.application', { year: 2026, districtId: 'd-yantian' }],
    ['oversight.checklist', { scopeId: 'city' }],
  ])('u-res-1 claiming the city cannot %s: forbidden with or without the claim', async (action, payload) => {
    expect(await compare('u-res-1', action, payload, (plain, claimed) => plain.error?.code === 'forbidden' && claimed.error?.code === 'forbidden')).toBe(true);
  });

  it('anonymous claiming the city cannot grant itself a role: unauthenticated', async () => {
    const payload = { openid: 'u-forger', role: 'street', scopeId: 's-haishan' };
    as(null);
    const claimed = await main({ action: 'role.grant', payload, ...claims() });
    checked += 1;
    const fine = stub || claimed.error?.code === 'unauthenticated';
    if (!fine) {
      honoured += 1;
      notes.push(`anonymous role.grant with claims: ${JSON.stringify(claimed)}`);
    }
    expect(fine).toBe(true);
  });

  it('a dev clock in the event is not read: a proposal is stamped with the function\'s own time', async () => {
    as('u-res-3');
    const before = Date.now();
    const answer = await main({
      action: 'proposal.submit',
      payload: { communityId: 'c-tianxin', title: '云函数时钟', category: 'goods', location: '田心', description: '事件里的时间不算数。', source: 'resident', requestId: `cloud-clock-${before}` },
      ...claims(),
    });
    checked += 1;
    const at = answer.ok ? Date.parse(answer.data.createdAt) : NaN;
    const fine = stub ? !answer.ok : at >= before - 1000 && at <= Date.now() + 1000;
    if (!fine) {
      honoured += 1;
      notes.push(`proposal.submit with a dev clock in the event: ${JSON.stringify(answer).slice(0, 200)}`);
    }
    expect(fine).toBe(true);
  });
});
