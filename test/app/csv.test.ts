import { toCsv, yuanCell } from '../../backend/app/csv';

describe('CSV cells of the exports', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [150, '1.50'],
    [123_456, '1234.56'],
    [-50, '-0.50'],
    [-150, '-1.50'],
    [-123_456, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('R-FUN-3: %p fen is the yuan cell %p (one sign in front, two decimals)', (fen, cell) => {
    expect(yuanCell(fen)).toBe(cell);
  });

  it('quotes what needs quoting and defuses cells a spreadsheet would run as a formula', () => {
    expect(toCsv(['编号', '名称'], [['p-1', '=SUM(A1)'], ['p-2', '健身器材, "新"'], ['p-3', -1]])).toBe(
      "编号,名称\r\np-1,'=SUM(A1)\r\np-2,\"健身器材, \"\"新\"\"\"\r\np-3,-1\r\n",
    );
  });
});
