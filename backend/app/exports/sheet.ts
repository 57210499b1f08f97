/**
 * An export as a table: Chinese headers, and cells typed by what they hold, so that each writer
 * (Excel, CSV) renders them rightly — amounts in 元 as numbers with two decimals, dates as dates.
 */
export type ColumnKind = 'text' | 'yuan' | 'date' | 'count';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters (Excel). */
  width?: number;
}

/** A cell: text, integer fen for `yuan`, `YYYY-MM-DD` for `date`, a whole number for `count`; null when empty. */
export type Cell = string | number | null;

export interface Sheet {
  /** The worksheet's name and the start of the file's name. */
  title: string;
  columns: Column[];
  rows: Cell[][];
}
