import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import { attachPaper, attachStagePapers } from '../support/archive';
import { bringTo, createApp, ledgerOf, newRequestId, type App, type Journey } from '../support/app-harness';

// Issue 18: a street office's year on the platform, after approval and around it — two
// communities, four projects; payments; an acceptance failed then passed; every paper attached
// but one, which the May self-check finds and the street resolves; a complaint answered; a plan
// revised after publicity; the quarterly summary equal to the ledger and the payments; its export.

const STREET = 'u-street-shatoujiao';

const pay = (app: App, journey: Journey, amountFen: number, kind: 'advance' | 'progress' | 'final') =>
  app.ok(journey.implementer, journey.day, 'payment.record', {
    id: journey.id,
    kind,
    amountFen,
    paidOn: journey.day,
    payee: '承接单位',
    voucherRef: `记-${amountFen}`,
    requestId: newRequestId(),
  });

const missingOf = async (app: App, day: string, id: string): Promise<string[]> => {
  const checklist = await app.ok<{ items: { id: string; missing: { id: string }[] }[] }>(STREET, day, 'oversight.checklist', { scopeId: 's-shatoujiao' });
  return checklist.items.find((item) => item.id === id)?.missing.map((missing) => missing.id) ?? [];
};

describe('a year after approval (issue 18)', () => {
  it('R-PAY-1, R-ACC-1, R-SUP-1, R-INS-1, R-RPT-1: payments, acceptance, papers, a self-check, a complaint and a revision add up in the quarterly summary and its export', async () => {
    const exports = new DiskExportStorage(path.join(os.tmpdir(), `wss-year-${randomUUID()}`));
    const app = createApp({ exports });

    // Two communities, four projects.
    const a = await bringTo(app, 'evaluated', { community: 'c-zhongying', title: '中英街路灯' });
    await pay(app, a, 2_000_000, 'advance');
    await pay(app, a, 2_900_000, 'final');
    await app.ok(STREET, a.days.auditedOn, 'audit.publish', { id: a.id, auditor: '盐田区审计事务所', spentFen: 4_900_000, report: '审定。' });
    a.day = a.days.auditedOn;

    const b = await bringTo(app, 'started', { community: 'c-zhongying', title: '中英街座椅' });
    b.day = b.days.completedOn;
    await app.ok(b.implementer, b.day, 'implementation.accept', { id: b.id, acceptedOn: b.day, participants: ['李四'], opinion: '座椅松动', passed: false });
    await app.ok(b.implementer, b.day, 'implementation.accept', { id: b.id, acceptedOn: b.day, participants: ['李四', '王五'], opinion: '整改合格', passed: true });
    await pay(app, b, 5_000_000, 'final');

    const c = await bringTo(app, 'started', { community: 'c-qiaoyuan', title: '桥园健身器材' });
    c.day = c.days.completedOn;
    await pay(app, c, 1_000_000, 'advance');

    // A plan revised after the publicity's comments: the street approves the redraft.
    const d = await bringTo(app, 'publicity', { community: 'c-qiaoyuan', title: '桥园宣传栏' });
    const revision = await app.ok<{ id: string }>(d.cast.worker, d.day, 'change.request', {
      id: d.id,
      kind: 'revise',
      reason: '采纳居民意见，宣传栏加装雨棚。',
      plan: '制作宣传栏并加装雨棚',
      budgetLines: [
        { item: '宣传栏', amountFen: 3_000_000 },
        { item: '雨棚', amountFen: 800_000 },
      ],
    });
    await app.ok(STREET, d.day, 'change.decide', { changeId: revision.id, approve: true, reason: '同意。' });
    expect((await app.ok<{ report: { plan: string } }>(null, d.day, 'proposal.get', { id: d.id })).report.plan).toBe('制作宣传栏并加装雨棚');

    // Every paper attached except the audit report of the street lights.
    for (const journey of [b, c, d]) await attachStagePapers(app, journey);
    expect(await attachStagePapers(app, a, ['audit_report'])).not.toContain('audit_report');
    expect(await missingOf(app, '2026-05-11', a.id)).toEqual(['audit_report']);
    for (const journey of [b, c, d]) expect(await missingOf(app, '2026-05-11', journey.id)).toEqual([]);

    // The May self-check records the gap; the street attaches the paper and resolves the finding.
    const inspection = await app.ok<{ id: string }>(STREET, '2026-05-11', 'inspection.record', {
      scopeId: 's-shatoujiao',
      kind: 'self_check',
      heldOn: '2026-05-11',
      findings: [{ proposalId: a.id, text: '审计报告未归档', fixBy: '2026-05-20' }],
    });
    await attachPaper(app, STREET, '2026-05-12', a.id, 'audit_report', '审计报告');
    await app.ok(STREET, '2026-05-15', 'inspection.resolve', { id: inspection.id, findingIndex: 0, resolvedOn: '2026-05-15', note: '已归档' });
    expect(await missingOf(app, '2026-05-15', a.id)).toEqual([]);

    // A complaint, answered by the street: the author reads the answer in the inbox.
    const complaint = await app.ok<{ id: string }>('u-res-2', '2026-05-18', 'complaint.submit', { communityId: 'c-zhongying', proposalId: b.id, text: '座椅安装位置挡住了盲道。', requestId: newRequestId() });
    await app.ok(STREET, '2026-05-19', 'complaint.answer', { id: complaint.id, answer: '已通知承接单位移位安装。', outcome: 'upheld' });
    const inbox = await app.ok<{ items: { kind: string; text: string }[] }>('u-res-2', '2026-05-19', 'notification.list', {});
    expect(inbox.items.map((item) => item.text).join('\n')).toContain('已通知承接单位移位安装。');

    // The quarterly summary equals the ledgers and the payments.
    const summary = await app.ok<any>(STREET, '2026-07-01', 'report.summary', { scopeId: 's-shatoujiao', year: 2026, quarter: 2 });
    const rowOf = (id: string) => summary.rows.find((row: { communityId: string }) => row.communityId === id);
    for (const communityId of ['c-zhongying', 'c-qiaoyuan']) {
      const ledger = await ledgerOf(app, communityId);
      expect(rowOf(communityId).approvedFen).toBe(ledger.approvedFen);
    }
    // Spent on the ledger: the audited figure once audited (a), else the payments (b, c).
    expect((await ledgerOf(app, 'c-zhongying')).spentFen).toBe(4_900_000 + 5_000_000);
    expect((await ledgerOf(app, 'c-qiaoyuan')).spentFen).toBe(1_000_000);
    expect(summary.total).toMatchObject({ paidFen: 4_900_000 + 5_000_000 + 1_000_000, auditedFen: 4_900_000 });
    expect(summary.total.approvedFen).toBe(rowOf('c-zhongying').approvedFen + rowOf('c-qiaoyuan').approvedFen);

    // Its export opens: the same rows and the 合计 line, money in 元.
    const file = await app.ok<{ url: string; rows: number }>(STREET, '2026-07-01', 'export.create', { kind: 'summary', scopeId: 's-shatoujiao', year: 2026, quarter: 2, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(exports.find(file.url.replace('/exports/', ''))!.path)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const total = sheet.getRow(1 + file.rows);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(6).value).toBe(summary.total.paidFen / 100);
    expect(total.getCell(7).value).toBe(summary.total.auditedFen / 100);
  });
});
