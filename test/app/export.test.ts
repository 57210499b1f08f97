import { STATE_LABELS } from '../../common/glossary';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import { bringTo, createApp, dataOf, expectRefused, fingerprint, START } from '../support/app-harness';

function appWithExports() {
  const folder = path.join(os.tmpdir(), `wss-export-test-${randomUUID()}`);
  const storage = new DiskExportStorage(folder);
  const app = createApp({ exports: storage });
  const bytesOf = (url: string) => readFile(storage.find(url.replace('/exports/', ''))!.path);
  return { app, bytesOf };
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('export.create', () => {
  it('R-SUP-1: the street exports its proposals as .xlsx: Chinese headers, community names not ids, 元 with two decimals, real dates', async () => {
    const { app, bytesOf } = appWithExports();
    const journey = await bringTo(app, 'approved');
    const file = dataOf(await app.call('u-street-shatoujiao', journey.day, 'export.create', { kind: 'proposals', scopeId: 's-shatoujiao', year: 2026, format: 'xlsx' }));
    expect(file).toEqual({ fileName: expect.stringMatching(/^沙头角街道-2026年项目清单-\d{4}-\d{2}-\d{2}\.xlsx$/), url: expect.stringMatching(/^\/exports\/x-[0-9a-f]{32}\.xlsx$/), rows: 1 });

    const sheet = await sheetOf(await bytesOf(file.url));
    expect(sheet.getRow(1).values).toEqual([undefined, '项目编号', '街道', '社区', '项目名称', '类别', '来源', '状态', '提出日期', '批复预算（元）']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(journey.id);
    expect(row.getCell(2).value).toBe('沙头角街道');
    expect(row.getCell(3).value).toBe('中英街社区');
    expect(row.getCell(7).value).toBe(STATE_LABELS.approved);
    expect(row.getCell(8).value).toEqual(new Date(`${START}T00:00:00Z`));
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(9).value).toBe(journey.approvedBudgetFen / 100);
    expect(row.getCell(9).numFmt).toBe('#,##0.00');
  });

  it('R-FUN-4: the ledger as CSV keeps the amounts in 元 with two decimals and names each community', async () => {
    const { app, bytesOf } = appWithExports();
    const file = dataOf(await app.call('u-street-shatoujiao', START, 'export.create', { kind: 'ledger', scopeId: 's-shatoujiao', year: 2026, format: 'csv' }));
    const text = (await bytesOf(file.url)).toString('utf8');
    expect(text.startsWith('\uFEFF街道,社区,年度,年度额度（元）,已下达（元）,已批复（元）,已支出（元）,可用余额（元）')).toBe(true);
    expect(text).toContain('沙头角街道,中英街社区,2026,2000000.00,1000000.00,0.00,0.00,1000000.00');
    expect(text).toContain('桥园社区');
    expect(text).not.toContain('田心社区');
  });

  it.each(['overdue', 'checklist', 'subsidy'] as const)('R-SUP-1, R-FUN-3: the district exports %s as a workbook with its headers', async (kind) => {
    const { app, bytesOf } = appWithExports();
    const file = dataOf(await app.call('u-district-yantian', START, 'export.create', { kind, scopeId: 'd-yantian', year: 2026, format: 'xlsx' }));
    const sheet = await sheetOf(await bytesOf(file.url));
    expect(sheet.getRow(1).getCell(1).value).toBe('项目编号');
    expect(sheet.rowCount).toBe(1 + file.rows);
  });

  it('R-SUP-1: a community worker may not export another street (forbidden); an unknown scope is not_found; nothing is written', async () => {
    const { app } = appWithExports();
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', START, 'export.create', { kind: 'proposals', scopeId: 's-haishan', format: 'xlsx' }), 'forbidden');
    expectRefused(await app.call('u-res-1', START, 'export.create', { kind: 'proposals', scopeId: 'c-zhongying', format: 'xlsx' }), 'forbidden');
    expectRefused(await app.call('u-city', START, 'export.create', { kind: 'proposals', scopeId: 's-nowhere', format: 'xlsx' }), 'not_found', 'scopeId');
    expectRefused(await app.call('u-city', START, 'export.create', { kind: 'summary2', scopeId: 'city', format: 'xlsx' }), 'invalid_input', 'kind');
    expect(fingerprint(app)).toEqual(before);
  });
});
