import type { Ledger } from '../../types/domain';
import {
  applyQuota,
  checkAllocation,
  checkApproval,
  emptyLedger,
  isFirstAllocation,
  isSoundLedger,
  ledgerView,
  moveLedger,
  remainingFen,
} from '../../backend/domain/ledger';
import { buildLedger } from './factories';

describe('R-FUN-2: the street allocates at least half of the quota at first, never more than the quota, never less than approved', () => {
  test.each([
    [100_000_000, 0, 'exactly half at the first allocation'],
    [200_000_000, 0, 'the whole quota'],
    [60_000_000, 100_000_000, 'a later allocation may sit below half'],
  ])('allocating %i fen over %i already allocated is accepted: %s', (allocatedFen, before) => {
    const ledger = buildLedger({ allocatedFen: before, approvedFen: 50_000_000 });
    expect(checkAllocation(ledger, allocatedFen)).toEqual({ ok: true, value: { ...ledger, allocatedFen } });
  });

  it('R-FUN-2: an odd quota needs half rounded up at the first allocation', () => {
    const ledger = buildLedger({ quotaFen: 3, allocatedFen: 0 });
    expect(isFirstAllocation(ledger)).toBe(true);
    expect(checkAllocation(ledger, 1).ok).toBe(false);
    expect(checkAllocation(ledger, 2).ok).toBe(true);
  });

  test.each([
    [99_999_999, 0, 'invalid_input', 'one fen short of half at the first allocation'],
    [200_000_001, 100_000_000, 'budget_exceeded', 'more than the quota'],
    [49_999_999, 100_000_000, 'budget_exceeded', 'less than already approved'],
    [-1, 100_000_000, 'invalid_input', 'a negative amount'],
    [1.5, 100_000_000, 'invalid_input', 'a fractional amount'],
  ])('allocating %i fen over %i already allocated is refused with %s: %s', (allocatedFen, before, code) => {
    const ledger = buildLedger({ allocatedFen: before, approvedFen: 50_000_000 });
    expect(checkAllocation(ledger, allocatedFen)).toEqual({
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

describe('every ledger move the store applies: R-FUN-1 approvals, R-CHG-1 adjustments and withdrawals, R-AUD-1 spending', () => {
  const move = (approvedDeltaFen: number, spentDeltaFen = 0) => ({ approvedDeltaFen, spentDeltaFen });

  test.each([
    [5_000_000, 100_000_000, 'an approval exactly up to the allocation'],
    [1_000_000, 96_000_000, 'R-CHG-1: an adjustment 5,000,000 → 6,000,000 that fits'],
    [-2_000_000, 93_000_000, 'R-CHG-1: an adjustment 5,000,000 → 3,000,000'],
    [-5_000_000, 90_000_000, 'R-CHG-1: a withdrawal releases its 5,000,000'],
  ])('R-FUN-1: moving approved by %i fen leaves %i approved (%s)', (delta, approvedFen) => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 95_000_000 });
    expect(moveLedger(ledger, move(delta))).toEqual({ ok: true, value: { ...ledger, approvedFen } });
  });

  it('R-FUN-1: one fen past the allocation is budget_exceeded and says what remains', () => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 95_000_000 });
    expect(moveLedger(ledger, move(5_000_001))).toEqual({
      ok: false,
      error: { code: 'budget_exceeded', message: '超出本年度已下达资金：剩余 ¥50,000.00，本次 ¥50,000.01' },
    });
  });

  it('R-FUN-2: a year with nothing allocated (no ledger) refuses every reservation', () => {
    expect(moveLedger(null, move(1))).toEqual({ ok: false, error: expect.objectContaining({ code: 'budget_exceeded' }) });
  });

  it('R-CHG-1: a decrease fits even where the quota was lowered below what is approved', () => {
    const ledger = buildLedger({ quotaFen: 90_000_000, allocatedFen: 100_000_000, approvedFen: 95_000_000 });
    expect(moveLedger(ledger, move(-1_000_000))).toEqual({ ok: true, value: { ...ledger, approvedFen: 94_000_000 } });
  });

  test.each([
    [move(-3_000_001), 'a release of more than is approved'],
    [move(0, -1), 'negative spending'],
  ])('a move below nothing is refused: %j (%s)', (delta) => {
    const ledger = buildLedger({ approvedFen: 3_000_000, spentFen: 0 });
    expect(moveLedger(ledger, delta)).toEqual({ ok: false, error: expect.objectContaining({ code: 'budget_exceeded' }) });
  });

  it('R-AUD-1: audited spending is added to what was spent', () => {
    expect(moveLedger(buildLedger({ spentFen: 1_000 }), move(0, 4_900_000))).toEqual({ ok: true, value: buildLedger({ spentFen: 4_901_000 }) });
  });

  it('R-FUN-1: of two racing approvals that each fit alone, the second, applied to the first’s ledger, is refused', () => {
    const ledger = buildLedger({ allocatedFen: 100_000_000, approvedFen: 90_000_000 });
    const first = moveLedger(ledger, move(6_000_000));
    if (!first.ok) throw new Error('the first approval must pass');
    expect(moveLedger(first.value, move(6_000_000)).ok).toBe(false);
  });
});

describe('R-FUN-1, R-FUN-2: a new quota reaches the ledgers, never below what was allocated', () => {
  it('R-FUN-2: a quota at or above the allocation replaces the old one', () => {
    const ledger = buildLedger({ quotaFen: 200_000_000, allocatedFen: 160_000_000 });
    expect(applyQuota(ledger, 160_000_000)).toEqual({ ok: true, value: { ...ledger, quotaFen: 160_000_000 } });
  });

  it('R-FUN-2: a quota under what a street allocated is budget_exceeded on quotaFen', () => {
    const ledger = buildLedger({ quotaFen: 200_000_000, allocatedFen: 160_000_000 });
    expect(applyQuota(ledger, 159_999_999)).toEqual({
      ok: false,
      error: { code: 'budget_exceeded', message: '年度额度不得低于已下达给社区的资金 ¥1,600,000.00', field: 'quotaFen' },
    });
  });
});

describe('the ledger invariants the stores hold as a backstop', () => {
  test.each<[Partial<Ledger>, boolean]>([
    [{ quotaFen: 200, allocatedFen: 100, approvedFen: 100, spentFen: 0 }, true],
    [{ quotaFen: 200, allocatedFen: 201, approvedFen: 0, spentFen: 0 }, false],
    [{ quotaFen: 200, allocatedFen: 100, approvedFen: 101, spentFen: 0 }, false],
    [{ quotaFen: 200, allocatedFen: 100, approvedFen: -1, spentFen: 0 }, false],
    [{ quotaFen: 200, allocatedFen: 100, approvedFen: 0, spentFen: 0.5 }, false],
  ])('R-FUN-1: %j is sound: %p', (overrides, sound) => {
    expect(isSoundLedger(buildLedger(overrides))).toBe(sound);
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
});

