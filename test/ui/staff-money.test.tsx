import { fenToYuanText, parseCount, parseYuan, shareText } from '../../src/staff/workbench/money-input';

// Money typed by staff: yuan text to integer fen by moving digits, never by float arithmetic.
describe('yuan text to fen', () => {
  it.each([
    ['12345.6', 1_234_560],
    ['0.1', 10],
    ['0.07', 7],
    ['.5', 50],
    ['100', 10_000],
    ['¥12,345.67', 1_234_567],
    ['1，000 元', 100_000],
    ['007.00', 700],
    ['0', 0],
    ['9999999999.99', 999_999_999_999],
  ])('%s is %i fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '请填写金额'],
    ['12.345', '金额最多精确到分（两位小数）'],
    ['1e5', '金额只能填写数字，如 12345.60'],
    ['-5', '金额只能填写数字，如 12345.60'],
    ['.', '金额只能填写数字，如 12345.60'],
    ['12345678901', '金额过大，请检查'],
  ])('%j is refused: %s', (text, message) => {
    expect(parseYuan(text)).toEqual({ ok: false, message });
  });

  it('writes fen back as editable yuan text', () => {
    expect(fenToYuanText(1_234_560)).toBe('12345.60');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(-1)).toBe('');
  });

  it('shows a share with one decimal, rounded down, by integer arithmetic', () => {
    expect(shareText(600_000, 5_000_000)).toBe('12.0%');
    expect(shareText(500_000, 5_000_000)).toBe('10.0%');
    expect(shareText(1, 3)).toBe('33.3%');
    expect(shareText(0, 0)).toBe('—');
  });

  it('reads whole counts only', () => {
    expect(parseCount('21')).toBe(21);
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});
