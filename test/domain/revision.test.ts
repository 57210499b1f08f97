import { transition } from '../../backend/domain/lifecycle';
import { can } from '../../backend/domain/permissions';
import { checkPolicy } from '../../backend/domain/policy';
import { submitProposal } from '../../backend/domain/submission';
import { checkRevision } from '../../backend/domain/revision';
import { APPROVED_BUDGET_FEN, buildActor, buildChange, buildContext, buildPolicy, buildProposal, HOME } from './factories';

const NEW_LINES = [
  { item: '户外座椅 8 张', amountFen: 6_400_000 },
  { item: '安装费', amountFen: 300_000 },
];

describe('R-PUB-3: a plan revised after the publicity comments goes to the street as a change of kind revise', () => {
  it('R-PUB-3: the change keeps the new plan and lines beside the report\'s as they were, for the street to compare', () => {
    const record = buildProposal({ state: 'publicity' });
    const result = transition(
      record,
      { action: 'change.request', changeId: 'chg-9', kind: 'revise', reason: '采纳居民意见增加座椅', plan: '采购并安装 8 张座椅', budgetLines: NEW_LINES },
      buildContext({ today: '2026-04-01' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.pendingChangeId).toBe('chg-9');
    expect(result.events[0]).toMatchObject({
      type: 'ChangeRequested',
      change: {
        kind: 'revise',
        state: 'pending',
        revision: { plan: '采购并安装 8 张座椅', budgetLines: NEW_LINES, before: { plan: record.report!.plan, budgetLines: record.report!.budgetLines } },
      },
    });
    expect(result.events[0]).not.toHaveProperty('change.newBudgetFen');
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a new plan alone', { plan: '改为午后施工' }, { plan: '改为午后施工' }],
    ['new lines alone', { budgetLines: NEW_LINES }, { budgetLines: NEW_LINES }],
  ])('R-PUB-3: a revision may bring %s', (_what, revision, kept) => {
    const result = transition(buildProposal({ state: 'publicity' }), { action: 'change.request', changeId: 'chg-9', kind: 'revise', reason: '修改', ...revision }, buildContext());
    expect(result.ok && result.events[0]).toMatchObject({ change: { revision: kept } });
    expect(result.ok && Object.keys((result.events[0] as { change: { revision: object } }).change.revision).sort()).toEqual([...Object.keys(kept), 'before'].sort());
  });

  it('R-PUB-3: approved new lines alone keep the plan', () => {
    const record = buildProposal({ state: 'publicity', pendingChangeId: 'chg-1' });
    const change = buildChange({ kind: 'revise', newBudgetFen: undefined, state: 'approved', revision: { budgetLines: NEW_LINES, before: { plan: '旧', budgetLines: [] } } });
    const result = transition(record, { action: 'change.apply', change }, buildContext());
    expect(result.ok && result.record.report?.plan).toBe(record.report!.plan);
  });

  test.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['neither a plan nor lines', {}, 'invalid_input', 'plan'],
    ['a blank plan', { plan: ' ' }, 'invalid_input', 'plan'],
    ['no lines', { budgetLines: [] }, 'invalid_input', 'budgetLines'],
    ['a line without a name', { budgetLines: [{ item: ' ', amountFen: 100 }] }, 'invalid_input', 'budgetLines.0.item'],
    ['a line over the quota', { budgetLines: [{ item: '座椅', amountFen: 200_000_001 }] }, 'budget_exceeded', 'budgetLines.0.amountFen'],
    ['lines over the quota together', { budgetLines: [{ item: '座椅', amountFen: 150_000_000 }, { item: '安装', amountFen: 60_000_000 }] }, 'budget_exceeded', 'budgetLines'],
  ])('R-PUB-3: a revision with %s is refused', (_what, revision, code, field) => {
    const result = transition(buildProposal({ state: 'publicity' }), { action: 'change.request', changeId: 'chg-9', kind: 'revise', reason: '修改', ...revision }, buildContext());
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, ...(field ? { field } : {}) }) });
  });

  it('R-REP-2: a revised services budget keeps its fee lines within the ratio', () => {
    const record = buildProposal({ state: 'publicity', category: 'services' });
    const lines = [{ item: '活动', amountFen: 800_000 }, { item: '管理费', amountFen: 200_000, fee: true }];
    const result = transition(record, { action: 'change.request', changeId: 'chg-9', kind: 'revise', reason: '修改', budgetLines: lines }, buildContext());
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'fee_ratio_exceeded' }) });
  });

  it('a project without a report has nothing to revise', () => {
    expect(checkRevision(buildProposal({ state: 'publicity', report: undefined }), { plan: '新方案' }, buildPolicy())).toEqual(expect.objectContaining({ code: 'invalid_state' }));
  });

  it('R-PUB-3, R-CHG-1: an approved revision with a new total replaces plan and lines and re-reserves the budget like an adjustment', () => {
    const record = buildProposal({ state: 'publicity', pendingChangeId: 'chg-1' });
    const change = buildChange({ kind: 'revise', newBudgetFen: undefined, state: 'approved', revision: { plan: '新方案', budgetLines: NEW_LINES, before: { plan: '旧', budgetLines: [] } } });
    const result = transition(record, { action: 'change.apply', change }, buildContext());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.report).toMatchObject({ plan: '新方案', budgetLines: NEW_LINES, budgetFen: 6_700_000, feeFen: 0, reason: record.report!.reason });
    expect(result.record.approvedBudgetFen).toBe(6_700_000);
    expect(result.record.pendingChangeId).toBeUndefined();
    expect(result.events[0]).toMatchObject({ type: 'BudgetAdjusted', fromFen: APPROVED_BUDGET_FEN, toFen: 6_700_000, budgetYear: 2026 });
  });

  it('R-PUB-3: an approved revision of the plan alone keeps the lines, the total and the ledger', () => {
    const record = buildProposal({ state: 'implementing', pendingChangeId: 'chg-1' });
    const change = buildChange({ kind: 'revise', newBudgetFen: undefined, state: 'approved', revision: { plan: '改在午后施工', before: { plan: '旧', budgetLines: [] } } });
    const result = transition(record, { action: 'change.apply', change }, buildContext());
    expect(result.ok && result.record.report).toMatchObject({ plan: '改在午后施工', budgetLines: record.report!.budgetLines, budgetFen: record.report!.budgetFen });
    expect(result.ok && result.record.approvedBudgetFen).toBe(APPROVED_BUDGET_FEN);
    expect(result.ok && result.events[0].type).toBe('PlanRevised');
  });
});

describe('issue 18: offline proposals, the stall policy and the supervisor grant', () => {
  const input = { title: '加装扶手', category: 'goods', location: '3 栋', description: '老人上楼难', source: 'resident' };
  const context = { id: 'p-9', createdAt: '2026-02-17T03:00:00.000Z', today: '2026-02-17', place: { ...HOME }, proposer: { openid: 'u-com-zhongying', name: '陈社工' } };

  it('R-SRC-1: community staff key in a proposal received on paper: the originator is the proposer, with the channel', () => {
    const result = submitProposal({ ...input, onBehalfOf: { name: ' 赵大爷 ', channel: 'paper' } }, { ...context, submitter: 'community' });
    expect(result.ok && result.record).toMatchObject({ proposerName: '赵大爷', proposerOpenid: 'u-com-zhongying', onBehalfOf: { name: '赵大爷', channel: 'paper' } });
  });

  test.each<[string, Record<string, string>, 'resident' | 'community', string]>([
    ['a resident cannot propose on behalf of someone', { name: '赵大爷', channel: 'paper' }, 'resident', 'onBehalfOf'],
    ['the originator\'s name is required', { name: ' ', channel: 'phone' }, 'community', 'onBehalfOf.name'],
    ['the channel must be known', { name: '赵大爷', channel: 'fax' }, 'community', 'onBehalfOf.channel'],
  ])('R-SRC-1: %s', (_what, onBehalfOf, submitter, field) => {
    expect(submitProposal({ ...input, onBehalfOf: onBehalfOf as never }, { ...context, submitter })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input', field }) });
  });

  test.each([0, 251, 2.5])('R-SUP-1: a stall of %p working days is refused', (stallWorkingDays) => {
    expect(checkPolicy(buildPolicy({ stallWorkingDays }))).toEqual({ ok: false, error: expect.objectContaining({ field: 'stallWorkingDays' }) });
  });

  it('R-SUP-1: a stall of 10 working days is accepted', () => {
    expect(checkPolicy(buildPolicy({ stallWorkingDays: 10 })).ok).toBe(true);
  });

  it('a district grants the supervisor role at its own scope only; a street never; the city anywhere', () => {
    const district = { districtId: HOME.districtId };
    expect(can(buildActor('district'), 'role.grant', { ...district, grantRole: 'supervisor' })).toBe(true);
    expect(can(buildActor('city'), 'role.grant', { ...district, grantRole: 'supervisor' })).toBe(true);
    expect(can(buildActor('street'), 'role.grant', { ...district, grantRole: 'supervisor' })).toBe(false);
    expect(can(buildActor('district'), 'role.grant', { streetId: HOME.streetId, districtId: HOME.districtId, grantRole: 'supervisor' })).toBe(false);
    expect(can(buildActor('city'), 'role.grant', { grantRole: 'supervisor' })).toBe(false);
    expect(can(buildActor('supervisor'), 'role.grant', { ...HOME, grantRole: 'resident' })).toBe(false);
  });

  test.each(['proposal.screen', 'review.decide', 'change.decide', 'ledger.allocate', 'document.attach', 'complaint.answer', 'policy.set'] as const)(
    'the supervisor reads and changes nothing: %s is refused',
    (action) => {
      expect(can(buildActor('supervisor'), action, HOME)).toBe(false);
    },
  );
});
