/**
 * Money typed by staff: yuan as text on screen, integer fen on the wire. Conversion is string
 * arithmetic only — the digits are moved, never multiplied as a float — so "0.1" is exactly 10 fen.
 */

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

/** The most yuan a field accepts: ten digits keep every sum of lines far below 2^53 fen. */
const MAX_INTEGER_DIGITS = 10;

/**
 * `"12,345.6"` → 1234560 fen. Accepts a leading ¥, thousands separators (, or ，) and spaces, and at
 * most two decimals; refuses anything else with a sentence for the field.
 */
export function parseYuan(text: string): YuanParse {
  const cleaned = text.replace(/[\s,，¥￥]/g, '').replace(/元$/, '');
  if (!cleaned) return { ok: false, message: '请填写金额' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (!match[1] && !match[2])) return { ok: false, message: '金额只能填写数字，如 12345.60' };
  const [, integerPart, decimals = ''] = match;
  if (decimals.length > 2) return { ok: false, message: '金额最多精确到分（两位小数）' };
  const whole = integerPart.replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, message: '金额过大，请检查' };
  const digits = `${whole}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return { ok: true, fen: Number(digits) };
}

/** 1234560 → `"12345.60"`: the text an amount field starts with (no separators, easy to edit). */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * How large a part is of a whole, as `"12.0%"` (one decimal, rounded down), by integer arithmetic.
 * Shown for information only: whether a share is allowed is the server's to say.
 */
export function shareText(part: number, whole: number): string {
  if (!(whole > 0) || part < 0) return '—';
  const perMille = Math.floor((part * 1000) / whole);
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}

/** A count typed into a field: a whole number ≥ 0, or null. */
export function parseCount(text: string): number | null {
  const cleaned = text.trim();
  if (!/^\d{1,7}$/.test(cleaned)) return null;
  return Number(cleaned);
}
