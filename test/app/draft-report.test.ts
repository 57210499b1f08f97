import type { BudgetLine } from '../../types/domain';
import {
  bringTo,
  createApp,
  dataOf,
  errorOf,
  expectRefused,
  fingerprint,
  recordOf,
  reportPayload,
  servicesLines,
} from '../support/app-harness';

const draft = (id: string, overrides: Record<string, unknown> = {}) => reportPayload(id, overrides);

describe('proposal.draftReport', () => {
  it('R-REP-1: the report holds reason, overview, plan and budget lines in fen, with its totals', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    const lines: BudgetLine[] = [
      { item: '路灯 10 盏', amountFen: 4_000_050 },
      { item: '安装', amountFen: 999_999 },
    ];
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: lines })));
    expect(view).toMatchObject({
      state: 'drafted',
      report: { reason: '夜间照明不足，存在安全隐患', overview: '更换巷道路灯 10 盏', budgetLines: lines, budgetFen: 5_000_049, feeFen: 0 },
    });
  });

  it('R-REP-1: the report may be redrafted until the agenda is published', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { plan: '改为 LED 路灯' })));
    expect(view).toMatchObject({ state: 'drafted', report: { plan: '改为 LED 路灯' } });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'proposal.draftReport', from: 'drafted', to: 'drafted' });
  });

  it('R-REP-1: once the agenda is published, the report is not redrafted (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'agenda_published');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id)), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it('a proposal not yet screened has no report (invalid_state)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id)), 'invalid_state');
  });

  describe('R-REP-2: services fee lines total at most 10% of the budget', () => {
    it.each([0, 5, 10])('R-REP-2: a services fee of %i%% is accepted', async (percent) => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted', { category: 'services' });
      const result = await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: servicesLines(percent) }));
      expect(dataOf(result).report).toMatchObject({ budgetFen: 1_000_000, feeFen: 10_000 * percent });
    });

    it.each([11, 12, 50])('R-REP-2: a services fee of %i%% is refused with fee_ratio_exceeded (400) on budgetLines, and nothing changes', async (percent) => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted', { category: 'services' });
      const before = fingerprint(app);
      expectRefused(
        await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: servicesLines(percent) })),
        'fee_ratio_exceeded',
        'budgetLines',
      );
      expect(fingerprint(app)).toEqual(before);
    });

    it('R-REP-2: one fen over 10% is refused: the rule is integer arithmetic, not a rounded float', async () => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted', { category: 'services' });
      const lines = [
        { item: '服务', amountFen: 899_999 },
        { item: '管理费', amountFen: 100_001, fee: true },
      ];
      expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: lines })), 'fee_ratio_exceeded');
    });

    it.each(['works', 'goods'] as const)('R-REP-2: the fee rule is for services only: a %s report with a 12%% fee line is accepted', async (category) => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted', { category });
      const result = await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: servicesLines(12) }));
      expect(dataOf(result).report.feeFen).toBe(120_000);
    });
  });

  describe('the budget lines are integer fen', () => {
    it.each([
      ['a fractional amount', 12.5],
      ['a negative amount', -100],
      ['zero', 0],
      ['an amount past 2^53', 2 ** 53],
      ['an amount as a string', '100'],
      ['an operator object', { $gt: 0 }],
      ['not a number', Number.NaN],
    ])('refuses %s (invalid_input on budgetLines.0.amountFen)', async (_, amountFen) => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted');
      const before = fingerprint(app);
      expectRefused(
        await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: [{ item: '路灯', amountFen }] })),
        'invalid_input',
        'budgetLines.0.amountFen',
      );
      expect(fingerprint(app)).toEqual(before);
    });

    it.each([
      ['no budget lines', { budgetLines: [] }, 'budgetLines'],
      ['more than 50 lines', { budgetLines: Array.from({ length: 51 }, () => ({ item: '项', amountFen: 1 })) }, 'budgetLines'],
      ['a line without an item', { budgetLines: [{ amountFen: 100 }] }, 'budgetLines.0.item'],
      ['an item over 100 characters', { budgetLines: [{ item: '项'.repeat(101), amountFen: 100 }] }, 'budgetLines.0.item'],
      ['a fee flag that is not a boolean', { budgetLines: [{ item: '费', amountFen: 100, fee: 'yes' }] }, 'budgetLines.0.fee'],
      ['a missing reason', { reason: undefined }, 'reason'],
      ['a blank overview', { overview: '  ' }, 'overview'],
      ['a plan over 5000 characters', { plan: '方'.repeat(5001) }, 'plan'],
      ['an operator object as the reason', { reason: { $ne: null } }, 'reason'],
    ])('refuses %s (invalid_input)', async (_, overrides, field) => {
      const app = createApp();
      const journey = await bringTo(app, 'adopted');
      expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, overrides)), 'invalid_input', field);
    });
  });

  it('R-FUN-1: a budget line above the year’s quota is budget_exceeded on that line', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    const lines = [
      { item: '路灯', amountFen: 100 },
      { item: '整条街改造', amountFen: 200_000_001 },
    ];
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: lines })), 'budget_exceeded', 'budgetLines.1.amountFen');
  });

  it('R-FUN-1: a report whose total passes the year’s quota is budget_exceeded on budgetLines', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    const lines = [
      { item: '一期', amountFen: 150_000_000 },
      { item: '二期', amountFen: 50_000_001 },
    ];
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { budgetLines: lines })), 'budget_exceeded', 'budgetLines');
  });

  it.each([
    ['the proposer', 'u-res-1'],
    ['the worker of another community', 'u-com-qiaoyuan'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-REP-1: only the community drafts the report: %s is forbidden', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    expectRefused(await app.call(openid, journey.day, 'proposal.draftReport', draft(journey.id)), 'forbidden');
  });

  it('asks an anonymous caller to sign in, and answers not_found for an unknown proposal', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    expectRefused(await app.call(null, journey.day, 'proposal.draftReport', draft(journey.id)), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft('p-nowhere')), 'not_found', 'id');
  });

  it('of two redrafts at once, one is kept and the other is told to retry with fresh data (conflict, 409)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const version = (await recordOf(app, journey.id)).version;
    const [first, second] = await Promise.all([
      app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { plan: '方案甲' })),
      app.call('u-com-zhongying', journey.day, 'proposal.draftReport', draft(journey.id, { plan: '方案乙' })),
    ]);
    const results = [first, second];
    const winner = results.find((result) => result.status === 200)!;
    const loser = results.find((result) => result.status !== 200)!;
    expectRefused(loser, 'conflict');
    expect(errorOf(loser).message).toContain('刷新');
    const record = await recordOf(app, journey.id);
    expect(record.version).toBe(version + 1);
    expect(record.report?.plan).toBe(dataOf(winner).report.plan);
  });
});
