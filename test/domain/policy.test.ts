import type { Ledger, Policy } from '../../types/domain';
import {
  checkAdjustment,
  checkAllocation,
  checkApproval,
  checkPolicy,
  cityMatch,
  defaultPolicy,
  emptyLedger,
  implementerSide,
  ledgerView,
  recordSpending,
  releaseApproval,
  remainingFen,
  tenderRequired,
} from '../../backend/domain/policy';
import { buildLedger, buildPolicy } from './factories';

describe('the district policy', () => {
  it('has the defaults of spec/api.md', () => {
    expect(defaultPolicy('d-yantian', 2026)).toEqual({
      districtId: 'd-yantian',
      year: 2026,
      quotaFen: 200_000_000,
      feeRatioPercent: 10,
      streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 },
      tenderThresholdFen: 40_000_000,
    });
  });

  it('accepts the defaults as a valid policy', () => {
    expect(checkPolicy(buildPolicy())).toEqual({ ok: true, value: buildPolicy() });
  });

  test.each<[string, Partial<Policy>, string]>([
    ['a blank district', { districtId: ' ' }, 'districtId'],
    ['a fractional year', { year: 2026.5 }, 'year'],
    ['a year before 2000', { year: 1999 }, 'year'],
    ['a year past 9999', { year: 10_000 }, 'year'],
    ['a zero quota', { quotaFen: 0 }, 'quotaFen'],
    ['a fractional quota', { quotaFen: 1.5 }, 'quotaFen'],
    ['a fractional fee ratio', { feeRatioPercent: 10.5 }, 'feeRatioPercent'],
    ['a negative fee ratio', { feeRatioPercent: -1 }, 'feeRatioPercent'],
    ['a fee ratio over 100', { feeRatioPercent: 101 }, 'feeRatioPercent'],
    ['a negative works threshold', { streetThresholdFen: { works: -1, goods: 0, services: 0 } }, 'streetThresholdFen.works'],
    ['a fractional services threshold', { streetThresholdFen: { works: 0, goods: 0, services: 0.5 } }, 'streetThresholdFen.services'],
    ['a negative tender threshold', { tenderThresholdFen: -1 }, 'tenderThresholdFen'],
  ])('refuses %s with invalid_input on %s', (_what, overrides, field) => {
    const result = checkPolicy(buildPolicy(overrides));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input', field }) });
  });
});

describe('R-IMP-1: above the threshold of its category the street implements, at or below it the community', () => {
  test.each([
    ['works', 20_000_000, 'community'],
    ['works', 20_000_001, 'street'],
    ['goods', 10_000_000, 'community'],
    ['goods', 10_000_001, 'street'],
    ['services', 10_000_000, 'community'],
    ['services', 15_000_000, 'street'],
  ] as const)('R-CAT-1: a %s project of %i fen is implemented by the %s', (category, budgetFen, side) => {
    expect(implementerSide(buildPolicy(), category, budgetFen)).toBe(side);
  });

  it('R-IMP-1: follows the threshold the district set', () => {
    const policy = buildPolicy({ streetThresholdFen: { works: 50_000_000, goods: 10_000_000, services: 10_000_000 } });
    expect(implementerSide(policy, 'works', 30_000_000)).toBe('community');
  });
});

describe('R-IMP-2: a tender record is needed where the amount reaches the tender threshold', () => {
  test.each([
    [39_999_999, false],
    [40_000_000, true],
    [40_000_001, true],
  ])('an amount of %i fen needs a tender: %p', (budgetFen, required) => {
    expect(tenderRequired(buildPolicy(), budgetFen)).toBe(required);
  });
});

describe('R-FUN-2: the street allocates at least half of the quota at first, never more than the quota, never less than approved', () => {
  test.each([
    [100_000_000, true, 'exactly half at the first allocation'],
    [200_000_000, true, 'the whole quota'],
    [60_000_000, false, 'a later allocation may sit below half'],
  ])('allocating %i fen (first of the year: %p) is accepted: %s', (allocatedFen, first) => {
    const ledger = buildLedger({ allocatedFen: 0, approvedFen: 50_000_000 });
    expect(checkAllocation(ledger, allocatedFen, first)).toEqual({ ok: true, value: { ...ledger, allocatedFen } });
  });

  it('R-FUN-2: an odd quota needs half rounded up at the first allocation', () => {
    const ledger = buildLedger({ quotaFen: 3, allocatedFen: 0 });
    expect(checkAllocation(ledger, 1, true).ok).toBe(false);
    expect(checkAllocation(ledger, 2, true).ok).toBe(true);
  });

  test.each([
    [99_999_999, true, 'invalid_input', 'one fen short of half at the first allocation'],
    [200_000_001, false, 'budget_exceeded', 'more than the quota'],
    [49_999_999, false, 'budget_exceeded', 'less than already approved'],
    [-1, false, 'invalid_input', 'a negative amount'],
    [1.5, false, 'invalid_input', 'a fractional amount'],
  ])('allocating %i fen (first of the year: %p) is refused with %s: %s', (allocatedFen, first, code) => {
    const ledger = buildLedger({ allocatedFen: 0, approvedFen: 50_000_000 });
    expect(checkAllocation(ledger, allocatedFen, first)).toEqual({
      ok: false,
      error: expect.objectContaining({ code, field: 'allocatedFen' }),
    });
  });
});

describe('R-FUN-1: approvals draw on the allocation and never pass the quota', () => {
  test.each<[Partial<Ledger>, number, string]>([
    [{ allocatedFen: 100_000_000, approvedFen: 95_000_000 }, 5_000_000, 'exactly up to the allocation'],
    [{ allocatedFen: 200_000_000, approvedFen: 0 }, 200_000_000, 'the whole quota once it is all allocated'],
  ])('R-FUN-1: approving %j + %i fen is accepted (%s)', (overrides, amountFen) => {
    const ledger = buildLedger(overrides);
    expect(checkApproval(ledger, amountFen)).toEqual({
      ok: true,
      value: { ...ledger, approvedFen: ledger.approvedFen + amountFen },
    });
  });

  test.each<[Partial<Ledger>, number, string]>([
    [{ allocatedFen: 100_000_000, approvedFen: 95_000_000 }, 5_000_001, 'one fen past the allocation'],
    [{ quotaFen: 150_000_000, allocatedFen: 200_000_000, approvedFen: 150_000_000 }, 1, 'the quota was lowered below the allocation'],
  ])('R-FUN-1: approving %j + %i fen is refused with budget_exceeded (%s)', (overrides, amountFen) => {
    const result = checkApproval(buildLedger(overrides), amountFen);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'budget_exceeded', field: 'approvedBudgetFen' }) });
  });

  test.each([[0], [-5], [0.5]])('R-FUN-1: an approved budget of %p is invalid_input', (amountFen) => {
    const result = checkApproval(buildLedger(), amountFen);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input', field: 'approvedBudgetFen' }) });
  });

  it('R-FUN-1: of two racing approvals that each fit alone, the second, applied to the first’s ledger, is refused', () => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 90_000_000 });
    const first = checkApproval(ledger, 6_000_000);
    if (!first.ok) throw new Error('the first approval must pass');
    expect(checkApproval(ledger, 6_000_000).ok).toBe(true);
    expect(checkApproval(first.value, 6_000_000).ok).toBe(false);
  });
});

describe('R-CHG-1: an adjustment re-reserves the new budget, a withdrawal releases it', () => {
  test.each([
    [5_000_000, 6_000_000, 96_000_000, 'an increase that fits'],
    [5_000_000, 3_000_000, 93_000_000, 'a decrease'],
  ])('adjusting %i → %i fen leaves %i approved (%s)', (fromFen, toFen, approvedFen) => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 95_000_000 });
    expect(checkAdjustment(ledger, fromFen, toFen)).toEqual({ ok: true, value: { ...ledger, approvedFen } });
  });

  it('R-CHG-1: a decrease fits even where the quota was lowered below what is approved', () => {
    const ledger = buildLedger({ quotaFen: 90_000_000, allocatedFen: 100_000_000, approvedFen: 95_000_000 });
    expect(checkAdjustment(ledger, 5_000_000, 4_000_000)).toEqual({ ok: true, value: { ...ledger, approvedFen: 94_000_000 } });
  });

  test.each([
    [6_000_001, 'budget_exceeded', 'an increase past the allocation'],
    [0, 'invalid_input', 'a zero budget'],
  ])('adjusting 5,000,000 → %i fen is refused with %s (%s)', (toFen, code) => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 99_000_000 });
    expect(checkAdjustment(ledger, 5_000_000, toFen)).toEqual({
      ok: false,
      error: expect.objectContaining({ code, field: 'newBudgetFen' }),
    });
  });

  test.each([
    [95_000_000, 5_000_000, 90_000_000],
    [3_000_000, 5_000_000, 0],
  ])('R-CHG-1: withdrawing from %i approved releases %i fen, leaving %i', (approvedFen, amountFen, left) => {
    expect(releaseApproval(buildLedger({ approvedFen }), amountFen).approvedFen).toBe(left);
  });
});

describe('R-FUN-4: every ledger is public, with what remains', () => {
  test.each<[Partial<Ledger>, number, string]>([
    [{ allocatedFen: 100_000_000, approvedFen: 30_000_000 }, 70_000_000, 'allocated minus approved'],
    [{ allocatedFen: 0, approvedFen: 0 }, 0, 'nothing allocated yet'],
    [{ quotaFen: 80_000_000, allocatedFen: 100_000_000, approvedFen: 30_000_000 }, 50_000_000, 'capped by a lowered quota'],
    [{ quotaFen: 20_000_000, allocatedFen: 100_000_000, approvedFen: 30_000_000 }, 0, 'never negative'],
  ])('R-FUN-4: the ledger %j has %i fen remaining (%s)', (overrides, remaining) => {
    const ledger = buildLedger(overrides);
    expect(remainingFen(ledger)).toBe(remaining);
    expect(ledgerView(ledger)).toEqual({ ...ledger, remainingFen: remaining });
  });

  it('R-FUN-4: a new year starts with an empty ledger of the quota', () => {
    expect(ledgerView(emptyLedger(200_000_000))).toEqual({
      quotaFen: 200_000_000,
      allocatedFen: 0,
      approvedFen: 0,
      spentFen: 0,
      remainingFen: 0,
    });
  });

  it('R-AUD-1: audited spending is added to what was spent', () => {
    expect(recordSpending(buildLedger({ spentFen: 1_000 }), 4_900_000).spentFen).toBe(4_901_000);
  });
});

describe('R-FUN-3: the city matches district funds 1:1, at most 1,000,000 CNY per community on average', () => {
  test.each([
    [250_000_000, 3, 250_000_000, 'below the cap: matched in full'],
    [300_000_000, 3, 300_000_000, 'exactly at the cap'],
    [450_000_000, 3, 300_000_000, 'above the cap: capped at 3 × 1,000,000 CNY'],
    [0, 3, 0, 'nothing to match'],
  ])('R-FUN-3: a district total of %i fen over %i communities is matched with %i fen (%s)', (total, communities, match) => {
    expect(cityMatch(total, communities)).toBe(match);
  });
});
