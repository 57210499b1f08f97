import { addFigure, emptyFigures, quarterOf, summaryFactsOf, summaryPeriod, summaryTotalsChanges } from '../../backend/domain/summary';
import { buildProposal } from './factories';

const pay = (amountFen: number, paidOn: string) => ({ id: `pay-${paidOn}`, kind: 'progress' as const, amountFen, paidOn, payee: 'p', voucherRef: 'v', recordedAt: 'x', recordedBy: 'u', requestId: 'r' });

describe('R-RPT-1: what a project adds to its community\'s summary', () => {
  it('counts the proposal by state and category in the quarter it was submitted', () => {
    expect(summaryFactsOf(buildProposal({ state: 'submitted' }))).toEqual([
      { year: 2026, quarter: 1, metric: 'state:submitted', value: 1 },
      { year: 2026, quarter: 1, metric: 'category:goods', value: 1 },
    ]);
  });

  it('adds its approved budget, payments and audited figure to the budget year, each in its own quarter (a later year: the last quarter)', () => {
    const record = buildProposal({ state: 'audited', payments: [pay(100, '2026-04-20'), pay(200, '2027-01-05')] });
    expect(summaryFactsOf(record)).toEqual(
      expect.arrayContaining([
        { year: 2026, quarter: 1, metric: 'approvedFen', value: 5_000_000 },
        { year: 2026, quarter: 2, metric: 'paidFen', value: 100 },
        { year: 2026, quarter: 4, metric: 'paidFen', value: 200 },
        { year: 2026, quarter: 3, metric: 'auditedFen', value: 4_900_000 },
      ]),
    );
    expect(summaryFactsOf({ ...record, payments: [pay(300, '2025-12-30')] })).toContainEqual({ year: 2026, quarter: 1, metric: 'paidFen', value: 300 });
  });

  it('a withdrawn project adds no approved budget (as on the ledger)', () => {
    expect(summaryFactsOf(buildProposal({ state: 'withdrawn' })).map((fact) => fact.metric)).not.toContain('approvedFen');
  });

  it('a write moves the figures by the difference, and counts a new change request once', () => {
    const before = buildProposal({ state: 'implementing' });
    const after = { ...before, pendingChangeId: 'ch-1', payments: [pay(500, '2026-05-01')] };
    expect(summaryTotalsChanges(before, after)).toEqual([
      { year: 2026, quarter: 2, metric: 'paidFen', value: 500 },
      { year: 2026, quarter: 1, metric: 'changes', value: 1 },
    ]);
    expect(summaryTotalsChanges(after, { ...after, state: 'completed' })).toEqual([
      { year: 2026, quarter: 1, metric: 'state:implementing', value: -1 },
      { year: 2026, quarter: 1, metric: 'state:completed', value: 1 },
    ]);
    expect(summaryTotalsChanges(null, buildProposal()).length).toBe(2);
  });

  it('folds the figures into a row: withdrawn projects are also withdrawals; unknown metrics are ignored', () => {
    const figures = emptyFigures();
    for (const [metric, value] of [['state:withdrawn', 2], ['state:withdrawn', 1], ['category:works', 3], ['changes', 1], ['approvedFen', 10], ['paidFen', 5], ['auditedFen', 4], ['other', 9]] as const) addFigure(figures, metric, value);
    expect(figures).toEqual({ byState: { withdrawn: 3 }, byCategory: { works: 3 }, changes: 1, withdrawals: 3, approvedFen: 10, paidFen: 5, auditedFen: 4 });
  });

  it('periods and quarters', () => {
    expect(summaryPeriod(2026)).toEqual({ from: '2026-01-01', through: '2026-12-31' });
    expect(summaryPeriod(2026, 2)).toEqual({ from: '2026-01-01', through: '2026-06-30' });
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual([1, 2, 4]);
  });
});
