import { z } from 'zod';
import type { ExportFile } from '../../../types/api';
import { yearOf } from '../../domain/calendar';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { EXPORT_KINDS, EXPORT_SHEETS, UnitNames } from '../exports/kinds';
import { CSV_TYPE, writeCsv, writeXlsx, XLSX_TYPE } from '../exports/writers';
import { authorizedScope } from '../scopes';
import { year } from '../schemas';

export const createExport = defineAction({
  name: 'export.create',
  summary:
    'A list of a scope as a file to download: `proposals` (of the year submitted), `overdue`, `checklist` (R-SUP-1), `ledger` (R-FUN-4), `subsidy` (R-FUN-3) or `summary` (R-RPT-1, as report.summary answers it, for the year or up to `quarter`) — an Excel workbook (exceljs) with Chinese headers, unit names, amounts in 元 with two decimals and real dates, or CSV.',
  schema: z.object({
    kind: z.enum(EXPORT_KINDS),
    scopeId: z.string().min(1).max(64),
    year: year.optional().describe('the year (default: this year)'),
    quarter: z.number().int().min(1).max(4).optional().describe('`summary` only: the year up to the end of this quarter'),
    format: z.enum(['xlsx', 'csv']),
  }),
  access: { signIn: true, permission: 'export.create' },
  audit: [],
  next: [],
  async run(input, context) {
    const { store, exports } = context.services;
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    if (!exports) return fail('internal', '导出暂不可用');
    const names = new UnitNames(await store.getDirectory());
    const forYear = input.year ?? yearOf(context.today);
    const sheet = await EXPORT_SHEETS[input.kind]({ context, scope, scopeId: input.scopeId, year: forYear, quarter: input.quarter, names });
    const unit = scope.kind === 'city' ? '全市' : names.of(input.scopeId);
    const fileName = `${unit}-${sheet.title}-${context.today}.${input.format}`;
    const bytes = input.format === 'xlsx' ? await writeXlsx(sheet, context.at) : writeCsv(sheet);
    const saved = await exports.save({
      fileName,
      bytes,
      contentType: input.format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
      ownerOpenid: context.caller.openid as string,
      at: context.at,
    });
    return ok<ExportFile & { rows: number }>({ fileName, url: saved.url, rows: sheet.rows.length });
  },
});
