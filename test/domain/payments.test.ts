import type { Payment } from '../../types/domain';
import { budgetProgress, paidFen, paymentReadiness, paymentsMatchAudit, recordPayment, repeatedPayment, spentDeltaFen, spentFigureFen } from '../../backend/domain/payments';
import { acceptanceReadiness, checkAcceptance, latestAcceptance, recordAcceptance } from '../../backend/domain/acceptance';
import { missingDocuments } from '../../backend/domain/checklist';
import { transition } from '../../backend/domain/lifecycle';
import { buildContext, buildPolicy, buildProposal } from './factories';

const payment = (overrides: Partial<Payment> = {}): Payment => ({
  id: 'pay-1',
  kind: 'advance',
  amountFen: 1_000_000,
  paidOn: '2026-04-20',
  payee: '家具公司',
  voucherRef: '记-1',
  budgetItem: '户外座椅 6 张',
  recordedAt: '2026-04-20T02:00:00.000Z',
  recordedBy: 'u-com-zhongying',
  requestId: 'req-00000001',
  ...overrides,
});

const TODAY = '2026-05-01';

describe('R-PAY-1..3: payments', () => {
  it('R-PAY-1: a payment is added to an implementing project and counted per budget line', () => {
    const result = recordPayment(buildProposal({ state: 'implementing' }), payment(), TODAY);
    expect(result.ok).toBe(true);
    const next = result.ok ? result.value : buildProposal();
    expect(paidFen(next)).toBe(1_000_000);
    expect(budgetProgress(next)).toEqual([
      { item: '户外座椅 6 张', plannedFen: 4_800_000, paidFen: 1_000_000 },
      expect.objectContaining({ paidFen: 0 }),
    ]);
  });

  it('R-PAY-1: before implementation nothing is paid (invalid_state)', () => {
    expect(recordPayment(buildProposal({ state: 'publicity' }), payment(), TODAY)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('R-PAY-3: nothing after the final payment (invalid_state)', () => {
    const record = buildProposal({ state: 'completed', payments: [payment({ kind: 'final' })] });
    expect(paymentReadiness(record)?.code).toBe('invalid_state');
  });

  it('R-PAY-3: the payments never pass the approved budget (budget_exceeded)', () => {
    const record = buildProposal({ state: 'implementing', payments: [payment({ amountFen: 4_500_000 })] });
    expect(recordPayment(record, payment({ id: 'pay-2', amountFen: 500_001 }), TODAY)).toMatchObject({ ok: false, error: { code: 'budget_exceeded', field: 'amountFen' } });
    expect(recordPayment(record, payment({ id: 'pay-2', amountFen: 500_000 }), TODAY).ok).toBe(true);
  });

  it('R-PAY-3: a project without an approved budget can pay nothing', () => {
    const record = { ...buildProposal({ state: 'implementing' }), approvedBudgetFen: undefined };
    expect(recordPayment(record, payment(), TODAY)).toMatchObject({ ok: false, error: { code: 'budget_exceeded' } });
  });

  it.each([
    ['a zero amount', { amountFen: 0 }, 'amountFen'],
    ['an unknown budget line', { budgetItem: '无此项' }, 'budgetItem'],
    ['a date before the implementer', { paidOn: '2026-04-01' }, 'paidOn'],
    ['a blank payee', { payee: ' ' }, 'payee'],
  ])('refuses %s', (_, overrides, field) => {
    expect(recordPayment(buildProposal({ state: 'implementing' }), payment(overrides), TODAY)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
  });

  it('a payment without a line, on a record without a report, is counted on no line', () => {
    const record = { ...buildProposal({ state: 'implementing' }), report: undefined };
    const result = recordPayment(record, payment({ budgetItem: undefined }), TODAY);
    expect(result.ok && budgetProgress(result.value)).toEqual([]);
  });

  it('R-PAY-1: a repeated request key finds the first payment', () => {
    const record = buildProposal({ state: 'implementing', payments: [payment()] });
    expect(repeatedPayment(record, 'u-com-zhongying', 'req-00000001')?.id).toBe('pay-1');
    expect(repeatedPayment(record, 'u-street-shatoujiao', 'req-00000001')).toBeNull();
    expect(repeatedPayment(buildProposal({ state: 'implementing' }), 'u-com-zhongying', 'req-00000001')).toBeNull();
  });

  it('R-PAY-2, R-FUN-4: spent is the payments until audited, then the audited figure', () => {
    const paid = buildProposal({ state: 'evaluated', payments: [payment({ amountFen: 4_800_000 })] });
    const audited = { ...paid, state: 'audited' as const, audit: { auditor: 'a', spentFen: 4_900_000, report: 'r', publishedOn: '2026-08-03' } };
    expect(spentFigureFen(paid)).toBe(4_800_000);
    expect(spentFigureFen(audited)).toBe(4_900_000);
    expect(spentDeltaFen(paid, audited)).toBe(100_000);
    expect(paymentsMatchAudit(paid)).toBe(true);
    expect(paymentsMatchAudit(audited)).toBe(false);
    expect(paymentsMatchAudit({ ...audited, payments: [payment({ amountFen: 4_900_000 })] })).toBe(true);
  });

  it('R-PAY-2, R-SUP-1: an audited project whose payments do not add up is on the checklist', () => {
    expect(missingDocuments(buildProposal({ state: 'audited', payments: undefined }), buildPolicy())).toContain('payments');
    expect(missingDocuments(buildProposal({ state: 'audited', payments: [payment({ amountFen: 4_900_000 })] }), buildPolicy())).not.toContain('payments');
  });
});

describe('R-ACC-1: acceptance', () => {
  const acceptance = (passed: boolean, overrides = {}) => ({ acceptedOn: '2026-04-25', participants: ['李四'], opinion: '意见', passed, recordedAt: 'x', ...overrides });

  it('a failed acceptance is held again; the latest counts; after a passed one no more', () => {
    const first = recordAcceptance(buildProposal({ state: 'implementing' }), acceptance(false), TODAY);
    const failed = first.ok ? first.value : buildProposal();
    expect(latestAcceptance(failed)?.passed).toBe(false);
    expect(acceptanceReadiness(failed)).toBeNull();
    const second = recordAcceptance(failed, acceptance(true), TODAY);
    const passed = second.ok ? second.value : buildProposal();
    expect(latestAcceptance(passed)?.passed).toBe(true);
    expect(recordAcceptance(passed, acceptance(true), TODAY)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('not before implementation', () => {
    expect(latestAcceptance(buildProposal({ state: 'approved' }))).toBeNull();
    expect(recordAcceptance(buildProposal({ state: 'approved' }), acceptance(true), TODAY)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it.each([
    ['no participants', { participants: [] }, 'participants'],
    ['a blank participant', { participants: [' '] }, 'participants'],
    ['a blank opinion', { opinion: '' }, 'opinion'],
    ['a future date', { acceptedOn: '2026-06-01' }, 'acceptedOn'],
  ])('refuses %s, naming the field (under `acceptance.` when it comes with the completion)', (_, overrides, field) => {
    const record = buildProposal({ state: 'implementing' });
    expect(checkAcceptance(record, acceptance(true, overrides), TODAY)?.field).toBe(field);
    expect(checkAcceptance(record, acceptance(true, overrides), TODAY, 'acceptance')?.field).toBe(`acceptance.${field}`);
  });

  it('R-SUP-1: a completed project without a passed latest acceptance is on the checklist', () => {
    expect(missingDocuments(buildProposal({ state: 'completed', acceptances: undefined }), buildPolicy())).toContain('acceptance');
    expect(missingDocuments(buildProposal({ state: 'completed', acceptances: [acceptance(false)] }), buildPolicy())).toContain('acceptance');
    expect(missingDocuments(buildProposal({ state: 'completed', acceptances: [acceptance(true)] }), buildPolicy())).not.toContain('acceptance');
    expect(missingDocuments(buildProposal({ state: 'implementing' }), buildPolicy())).not.toContain('acceptance');
  });
});

describe('R-ACC-1: the acceptance held with the completion', () => {
  const context = buildContext({ today: '2026-07-01' });
  const complete = (acceptance?: object) => ({
    action: 'implementation.complete' as const,
    completedOn: '2026-06-30',
    maintenanceUnit: '社区工作站',
    maintenanceFunding: '社区经费',
    ...(acceptance ? { acceptance: { acceptedOn: '2026-06-29', participants: ['李四'], opinion: '合格', passed: true, recordedAt: 'x', ...acceptance } } : {}),
  });

  it('is added after the acceptances held before it; without one, the acceptances stay as they were', () => {
    const earlier = { acceptedOn: '2026-06-20', participants: ['李四'], opinion: '不合格', passed: false, recordedAt: 'x' };
    const withEarlier = transition(buildProposal({ state: 'implementing', acceptances: [earlier] }), complete({}), context);
    expect(withEarlier.ok && withEarlier.record.acceptances?.map((a) => a.passed)).toEqual([false, true]);
    const first = transition(buildProposal({ state: 'implementing' }), complete({}), context);
    expect(first.ok && first.record.acceptances).toHaveLength(1);
    const none = transition(buildProposal({ state: 'implementing' }), complete(), context);
    expect(none.ok && none.record.acceptances).toBeUndefined();
  });

  it('is refused, naming its field, when it is not a valid acceptance', () => {
    expect(transition(buildProposal({ state: 'implementing' }), complete({ opinion: ' ' }), context)).toMatchObject({ ok: false, error: { field: 'acceptance.opinion' } });
  });

  it('a project with budget lines and no payments has paid nothing on any line', () => {
    expect(budgetProgress(buildProposal({ state: 'implementing' })).map((line) => line.paidFen)).toEqual([0, 0]);
  });
});
