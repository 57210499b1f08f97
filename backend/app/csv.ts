/**
 * CSV for the exports (subsidy list, checklist): RFC 4180 quoting, CRLF line ends, and a
 * leading apostrophe for cells that a spreadsheet would run as a formula (=, +, -, @).
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Fen as yuan with two decimals, by integer arithmetic, for a CSV cell (no currency sign, no grouping). */
export function yuanCell(fen: number): string {
  // The sign goes in front once: `-150` is `-1.50`, and `-50` is `-0.50` (trunc alone loses it).
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
