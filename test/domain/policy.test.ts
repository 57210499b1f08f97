import type { Policy } from '../../types/domain';
import { checkPolicy, cityMatch, defaultPolicy, implementerSide, tenderRequired } from '../../backend/domain/policy';
import { buildPolicy } from './factories';

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
