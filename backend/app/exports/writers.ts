import type ExcelJS from 'exceljs';
import { toCsv, yuanCell } from '../csv';
import type { Cell, Column, Sheet } from './sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** A `YYYY-MM-DD` date as the instant of its midnight in UTC, which Excel stores as that day. */
function excelDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function excelValue(column: Column, cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (column.kind) {
    case 'yuan':
      // The exact decimal of the fen, read as a number: 12345 fen is 123.45.
      return Number(yuanCell(cell as number));
    case 'date':
      return excelDate(cell as string);
    default:
      return cell;
  }
}

const NUMBER_FORMATS: Partial<Record<Column['kind'], string>> = { yuan: '#,##0.00', date: 'yyyy-mm-dd', count: '0' };

/** The sheet as an `.xlsx` workbook (exceljs): bold frozen header, typed cells, column widths. */
export async function writeXlsx(sheet: Sheet, at: string): Promise<Buffer> {
  // Loaded when a workbook is written, not with the function: 2 MB that no other action needs.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = '民生微实事';
  workbook.created = new Date(at);
  const worksheet = workbook.addWorksheet(sheet.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({
    header: column.header,
    width: column.width ?? (column.kind === 'text' ? 20 : 14),
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row.map((cell, index) => excelValue(sheet.columns[index], cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sheet as CSV (UTF-8 with a BOM, so that spreadsheet programs read the Chinese text). */
export function writeCsv(sheet: Sheet): Buffer {
  const rows = sheet.rows.map((row) =>
    row.map((cell, index) => (cell === null ? '' : sheet.columns[index].kind === 'yuan' ? yuanCell(cell as number) : cell)),
  );
  return Buffer.from(`\uFEFF${toCsv(sheet.columns.map((column) => column.header), rows)}`, 'utf8');
}
