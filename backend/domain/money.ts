/**
 * Money is integer fen (分) everywhere; no floating point touches an amount. Yuan appear only
 * at the edges: parsed from what a person types, formatted for the screen.
 */
import type { BudgetLine } from '../../types/domain';

const FEN_PER_YUAN = 100;

/** Plain `1234.5`, or grouped as the screen shows it (`¥1,234.50`); at most two decimals. */
const YUAN_PATTERN = /^¥?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** True for an amount the domain accepts: a non-negative safe integer of fen. */
export function isFen(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * Yuan typed by a person → fen, or null when it is not a plain non-negative amount with at most
 * two decimals (`parseYuan("1234.5") === 123450`). Digits are combined as integers, never as a
 * float, so 0.1 + 0.2 never happens.
 */
export function parseYuan(text: string): number | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return null;
  const yuan = Number(match[1].replace(/,/g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = yuan * FEN_PER_YUAN + cents;
  // Past 2^53 the sum above is no longer exact: refuse rather than round.
  return Number.isSafeInteger(fen) ? fen : null;
}

/** `formatFen(123450) === "¥1,234.50"`; a negative amount shows as `-¥…`. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Not an amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const yuan = Math.floor(absolute / FEN_PER_YUAN);
  const cents = absolute - yuan * FEN_PER_YUAN;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${String(cents).padStart(2, '0')}`;
}

/** The exact sum of amounts of fen; throws RangeError when an amount or the sum is not a safe integer. */
export function sumFen(amounts: readonly number[]): number {
  const total = amounts.reduce((sum, amount) => {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an amount of fen: ${amount}`);
    return sum + amount;
  }, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('The sum of the amounts is too large');
  return total;
}

/**
 * R-REP-2: the fee lines total at most `ratioPercent` of the budget. Integer arithmetic:
 * `feeFen * 100 <= budgetFen * ratioPercent` (at 10%: `feeFen * 10 <= budgetFen`).
 */
export function feeWithinRatio(feeFen: number, budgetFen: number, ratioPercent: number): boolean {
  return feeFen * 100 <= budgetFen * ratioPercent;
}

export interface ReportTotals {
  /** All lines, fee lines included. */
  budgetFen: number;
  /** The management / service fee lines only. */
  feeFen: number;
}

/** R-REP-1: the totals of a report's budget lines. */
export function reportTotals(lines: readonly BudgetLine[]): ReportTotals {
  return {
    budgetFen: sumFen(lines.map((line) => line.amountFen)),
    feeFen: sumFen(lines.filter((line) => line.fee === true).map((line) => line.amountFen)),
  };
}
