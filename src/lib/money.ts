/**
 * Money on screen (glossary: ¥12,345.00). Amounts are integer fen; formatting is string and
 * integer arithmetic only — no float ever touches money.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const negative = fen < 0;
  // Three digits at least, so that 5 fen reads 0.05.
  const digits = String(negative ? -fen : fen).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${digits.slice(-2)}`;
}

/**
 * How much of `whole` a `part` is, as a whole percentage 0–100 for the width of a bar (display
 * only; never used to decide anything). A non-zero part shows at least 1 %.
 */
export function barPercent(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  if (part >= whole) return 100;
  return Math.max(1, Math.floor((part * 100) / whole));
}
