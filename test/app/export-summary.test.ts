import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import { bringTo, createApp, dataOf } from '../support/app-harness';

describe('export.create kind summary', () => {
  it('R-RPT-1: the street exports its summary as a workbook whose rows and 合计 are report.summary\'s, money in 元', async () => {
    const folder = path.join(os.tmpdir(), `wss-export-summary-${randomUUID()}`);
    const storage = new DiskExportStorage(folder);
    const app = createApp({ exports: storage });
    const journey = await bringTo(app, 'approved');
    const report = dataOf(await app.call('u-street-shatoujiao', journey.day, 'report.summary', { scopeId: 's-shatoujiao', year: 2026 }));
    const file = dataOf(await app.call('u-street-shatoujiao', journey.day, 'export.create', { kind: 'summary', scopeId: 's-shatoujiao', year: 2026, format: 'xlsx' }));
    expect(file.fileName).toMatch(/^沙头角街道-2026年度统计-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.rows).toBe(report.rows.length + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(storage.find(file.url.replace('/exports/', ''))!.path)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('社区');
    expect(sheet.getRow(1).getCell(5).value).toBe('批复金额（元）');
    const names = report.rows.map((row: { name: string }) => row.name);
    for (const [index, name] of names.entries()) expect(sheet.getRow(2 + index).getCell(1).value).toBe(name);
    const totalRow = sheet.getRow(2 + names.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(report.total.approvedFen).toBe(journey.approvedBudgetFen);
    expect(totalRow.getCell(5).value).toBe(report.total.approvedFen / 100);
    expect(totalRow.getCell(5).numFmt).toBe('#,##0.00');
  });

  it('R-RPT-1: a quarter names the file and counts only up to its end', async () => {
    const storage = new DiskExportStorage(path.join(os.tmpdir(), `wss-export-summary-${randomUUID()}`));
    const app = createApp({ exports: storage });
    const journey = await bringTo(app, 'approved');
    const file = dataOf(await app.call('u-district-yantian', journey.day, 'export.create', { kind: 'summary', scopeId: 'd-yantian', year: 2026, quarter: 1, format: 'csv' }));
    expect(file.fileName).toMatch(/^盐田区-2026年第1季度统计-/);
    const text = (await readFile(storage.find(file.url.replace('/exports/', ''))!.path)).toString('utf8');
    expect(text.split('\n')[0]).toContain('社区,项目数,变更,撤销,批复金额（元）');
    expect(text).toContain('合计');
  });
});
