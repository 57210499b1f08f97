import { barPercent, formatFen } from '../../../src/lib/money';

describe('formatFen: money on screen in yuan, from integer fen, with string and integer arithmetic', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [1234500, '¥12,345.00'],
    [123456789, '¥1,234,567.89'],
    [200000000, '¥2,000,000.00'],
    [-1234500, '-¥12,345.00'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('shows %p fen as %p', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown);
  });

  it.each([[0.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])('refuses %p, which is not a safe whole number of fen', (fen) => {
    expect(formatFen(fen)).toBe('—');
  });
});

describe('barPercent: the width of a bar, never a decision', () => {
  it.each([
    [0, 100, 0],
    [1, 1000000, 1],
    [50, 100, 50],
    [2, 3, 66],
    [150, 100, 100],
    [10, 0, 0],
  ])('draws %p of %p as %p %%', (part, whole, percent) => {
    expect(barPercent(part, whole)).toBe(percent);
  });
});
