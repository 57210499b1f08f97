import { subsidyEntryOf, subsidyTotalsChanges } from '../../backend/domain/subsidy';

describe('R-FUN-3: which projects the subsidy application lists, and its running totals', () => {
  test.each([
    [{ state: 'street_review' as const }, { listed: false, year: null }],
    [{ state: 'approved' as const, budgetYear: 2026, approvedBudgetFen: 900 }, { listed: true, year: 2026, approvedFen: 900 }],
    [{ state: 'audited' as const, budgetYear: 2025, approvedBudgetFen: 1_000 }, { listed: true, year: 2025, approvedFen: 1_000 }],
    [{ state: 'withdrawn' as const, budgetYear: 2026, approvedBudgetFen: 900 }, { listed: false, year: 2026 }],
  ])('R-FUN-3: %j stands in the application as %j', (record, entry) => {
    expect(subsidyEntryOf(record)).toEqual(entry);
  });

  it('R-FUN-3: a project with a budget year but no amount counts for nothing', () => {
    expect(subsidyEntryOf({ state: 'approved', budgetYear: 2026 })).toEqual({ listed: true, year: 2026, approvedFen: 0 });
  });

  it('R-FUN-3: an approval adds the project and its budget to its year', () => {
    expect(subsidyTotalsChanges({ state: 'street_review' }, { state: 'approved', budgetYear: 2026, approvedBudgetFen: 900 })).toEqual([
      { year: 2026, projectDelta: 1, approvedDeltaFen: 900 },
    ]);
  });

  it('R-FUN-3: an adjustment moves the budget; a state change alone moves nothing but still names the year', () => {
    const approved = { state: 'implementing' as const, budgetYear: 2026, approvedBudgetFen: 900 };
    expect(subsidyTotalsChanges(approved, { ...approved, approvedBudgetFen: 700 })).toEqual([{ year: 2026, projectDelta: 0, approvedDeltaFen: -200 }]);
    expect(subsidyTotalsChanges(approved, { ...approved, state: 'completed' })).toEqual([{ year: 2026, projectDelta: 0, approvedDeltaFen: 0 }]);
  });

  it('R-FUN-3: a withdrawal takes the project and its budget out of its year', () => {
    expect(subsidyTotalsChanges({ state: 'publicity', budgetYear: 2026, approvedBudgetFen: 900 }, { state: 'withdrawn', budgetYear: 2026, approvedBudgetFen: 900 })).toEqual([
      { year: 2026, projectDelta: -1, approvedDeltaFen: -900 },
    ]);
  });

  it('a new proposal or one without a budget year changes no application', () => {
    expect(subsidyTotalsChanges(null, { state: 'submitted' })).toEqual([]);
    expect(subsidyTotalsChanges({ state: 'submitted' }, { state: 'adopted' })).toEqual([]);
  });
});
