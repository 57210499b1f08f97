import { feeWithinRatio, formatFen, isFen, parseYuan, reportTotals, sumFen } from '../../backend/domain/money';

describe('money is integer fen', () => {
  test.each([
    ['1234.5', 123_450],
    ['1234.56', 123_456],
    ['1234', 123_400],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    ['  88.80 ', 8_880],
    ['¥1,234.50', 123_450],
    ['1,234,567.89', 123_456_789],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('parseYuan(%p) is %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  test.each([
    ['1.234', 'three decimals'],
    ['-5', 'negative'],
    ['1e3', 'exponent'],
    ['abc', 'garbage'],
    ['', 'empty'],
    ['.5', 'no whole part'],
    ['5.', 'dangling point'],
    ['1,23.00', 'bad grouping'],
    ['12 34', 'inner space'],
    ['90071992547409.92', 'one fen past 2^53 - 1'],
    ['9'.repeat(400), 'beyond any number'],
  ])('parseYuan(%p) is null (%s)', (text) => {
    expect(parseYuan(text)).toBeNull();
  });

  test.each([
    [123_450, '¥1,234.50'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [200_000_000, '¥2,000,000.00'],
    [-123_450, '-¥1,234.50'],
  ])('formatFen(%i) is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('formats and parses back to the same fen', () => {
    for (const fen of [0, 1, 99, 100, 123_456_789, 9_999_999_999]) expect(parseYuan(formatFen(fen))).toBe(fen);
  });

  test.each([[1.5], [Number.NaN], [2 ** 53]])('formatFen refuses %p', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });

  test.each([
    [[], 0],
    [[1, 2, 3], 6],
    [[4_800_000, 200_000], 5_000_000],
  ])('sumFen(%p) is %i', (amounts, total) => {
    expect(sumFen(amounts)).toBe(total);
  });

  it('sumFen refuses a fractional amount and a sum past 2^53', () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  test.each([
    [0, true],
    [5, true],
    [-1, false],
    [1.5, false],
    ['5', false],
    [2 ** 53, false],
  ])('isFen(%p) is %p', (value, expected) => {
    expect(isFen(value)).toBe(expected);
  });
});

describe('R-REP-2: the fee lines of a services report total at most the policy ratio of the budget', () => {
  test.each([
    [100_000, 1_000_000, 10, true, 'exactly 10% is allowed'],
    [100_001, 1_000_000, 10, false, 'one fen over 10% is refused'],
    [0, 1_000_000, 10, true, 'no fee at all'],
    [33_333, 333_333, 10, true, 'fee × 10 = 333,330 ≤ 333,333, without rounding a float'],
    [33_334, 333_333, 10, false, 'fee × 10 = 333,340 > 333,333'],
    [150_000, 1_000_000, 15, true, 'a district may set 15%'],
    [1, 1_000_000, 0, false, 'a district may allow no fee at all'],
  ])('fee %i of budget %i at %i%%: %p (%s)', (feeFen, budgetFen, ratio, within) => {
    expect(feeWithinRatio(feeFen, budgetFen, ratio)).toBe(within);
  });

  it('R-REP-1: the report totals count every line in the budget and the fee lines as the fee', () => {
    expect(
      reportTotals([
        { item: '活动物料', amountFen: 800_000 },
        { item: '服务管理费', amountFen: 90_000, fee: true },
        { item: '讲师费', amountFen: 110_000, fee: false },
      ]),
    ).toEqual({ budgetFen: 1_000_000, feeFen: 90_000 });
  });
});
