import type { Directory } from '../../../types/api';
import type { ProposalRecord } from '../../../types/domain';
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS } from '../../../common/glossary';
import { shanghaiDateOf, yearOf } from '../../domain/calendar';
import { DOCUMENT_LABELS, missingDocuments } from '../../domain/checklist';
import { overdueOf } from '../../domain/deadlines';
import { remainingFen } from '../../domain/ledger';
import { policyYearOf } from '../../domain/lifecycle';
import type { UseCaseContext } from '../action';
import { everyItem } from '../cursor';
import { ledgerOf } from '../ledgers';
import type { Cursor, ScopeFilter, Slice, StoredProposal } from '../ports/store.port';
import { policyFor } from '../proposals';
import type { ResolvedScope } from '../scopes';
import type { Cell, Column, Sheet } from './sheet';
import { summary } from './summary-sheet';

export const EXPORT_KINDS = ['proposals', 'overdue', 'checklist', 'ledger', 'subsidy', 'summary'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What a sheet builder gets: the use case's context, the resolved scope, the year asked, names of units. */
export interface ExportRequest {
  context: UseCaseContext;
  scope: ResolvedScope;
  /** The unit asked for (the summary names it). */
  scopeId: string;
  year: number;
  /** The summary only: the year up to the end of this quarter. */
  quarter?: number;
  names: UnitNames;
}

/** One sheet builder per kind: a new kind (say `summary`) is one entry of EXPORT_SHEETS. */
export type SheetBuilder = (request: ExportRequest) => Promise<Sheet>;

/** Unit names by id, and the communities (with their street) inside a scope, from the directory. */
export class UnitNames {
  private readonly names = new Map<string, string>();
  private readonly communities: { id: string; streetId: string; districtId: string }[] = [];

  constructor(directory: Directory) {
    for (const district of directory.districts) {
      this.names.set(district.id, district.name);
      for (const street of district.streets) {
        this.names.set(street.id, street.name);
        for (const community of street.communities) {
          this.names.set(community.id, community.name);
          this.communities.push({ id: community.id, streetId: street.id, districtId: district.id });
        }
      }
    }
  }

  /** The unit's name; the id itself for a unit the directory no longer lists. */
  of(id: string): string {
    return this.names.get(id) ?? id;
  }

  communitiesIn(filter: ScopeFilter): { id: string; streetId: string; districtId: string }[] {
    switch (filter.kind) {
      case 'all':
        return this.communities;
      case 'community':
        return this.communities.filter((c) => c.id === filter.id);
      case 'street':
        return this.communities.filter((c) => c.streetId === filter.id);
      case 'district':
        return this.communities.filter((c) => c.districtId === filter.id);
    }
  }

  districtsIn(filter: ScopeFilter): string[] {
    return [...new Set(this.communitiesIn(filter).map((c) => c.districtId))];
  }
}

const PAGE = 50;

/** Every record a paged store listing gives, page after page. */
async function everyRecord<P, S extends StoredProposal = StoredProposal>(list: (after: P | undefined) => Promise<Slice<S>>, next: (last: S) => P): Promise<ProposalRecord[]> {
  return (await everyItem(list, next)).map((item) => item.record);
}

/** The columns every project list starts with: which project, where. */
const PROJECT_COLUMNS: Column[] = [
  { header: '项目编号', kind: 'text', width: 24 },
  { header: '街道', kind: 'text' },
  { header: '社区', kind: 'text' },
  { header: '项目名称', kind: 'text', width: 30 },
];

/** A project's cells under PROJECT_COLUMNS. */
function projectCells(record: ProposalRecord, names: UnitNames): Cell[] {
  return [record.id, names.of(record.streetId), names.of(record.communityId), record.title];
}

const submittedOn = (record: ProposalRecord) => shanghaiDateOf(record.createdAt);

const proposals: SheetBuilder = async ({ context, scope, year, names }) => {
  const { store } = context.services;
  const records = await everyRecord<Cursor>(
    (after) => store.listProposals({ scope: scope.filter, after, limit: PAGE }),
    (last): Cursor => ({ createdAt: last.record.createdAt, id: last.record.id }),
  );
  const rows: Cell[][] = records
    .filter((record) => yearOf(submittedOn(record)) === year)
    .map((record) => [
      ...projectCells(record, names),
      CATEGORY_LABELS[record.category],
      SOURCE_LABELS[record.source],
      STATE_LABELS[record.state],
      submittedOn(record),
      record.approvedBudgetFen ?? null,
    ]);
  return {
    title: `${year}年项目清单`,
    columns: [
      ...PROJECT_COLUMNS,
      { header: '类别', kind: 'text', width: 10 },
      { header: '来源', kind: 'text' },
      { header: '状态', kind: 'text', width: 12 },
      { header: '提出日期', kind: 'date' },
      { header: '批复预算（元）', kind: 'yuan', width: 16 },
    ],
    rows,
  };
};

const overdue: SheetBuilder = async ({ context, scope, names }) => {
  const { store, calendar } = context.services;
  const records = await everyRecord<{ on: string; id: string }, StoredProposal & { openDeadlineOn: string }>(
    (after) => store.listOverdueCandidates(scope.filter, context.today, after, PAGE),
    (last) => ({ on: last.openDeadlineOn, id: last.record.id }),
  );
  const rows: Cell[][] = records.flatMap((record) =>
    overdueOf(record, context.today, calendar).map((flag) => [
      ...projectCells(record, names),
      STATE_LABELS[record.state],
      flag.label,
      flag.due.on,
    ]),
  );
  return {
    title: '逾期清单',
    columns: [
      ...PROJECT_COLUMNS,
      { header: '状态', kind: 'text', width: 12 },
      { header: '逾期事项', kind: 'text' },
      { header: '截止日期', kind: 'date' },
    ],
    rows,
  };
};

const checklist: SheetBuilder = async ({ context, scope, names }) => {
  const { store } = context.services;
  const records = await everyRecord<Cursor>(
    (after) => store.listWithMissingDocuments(scope.filter, after, PAGE),
    (last): Cursor => ({ createdAt: last.record.createdAt, id: last.record.id }),
  );
  const rows: Cell[][] = [];
  for (const record of records) {
    const policy = await policyFor(store, record.districtId, policyYearOf(record, context.today));
    const missing = missingDocuments(record, policy);
    if (missing.length === 0) continue;
    rows.push([...projectCells(record, names), STATE_LABELS[record.state], missing.map((id) => DOCUMENT_LABELS[id]).join('；')]);
  }
  return {
    title: '材料检查清单',
    columns: [
      ...PROJECT_COLUMNS,
      { header: '状态', kind: 'text', width: 12 },
      { header: '缺少的材料', kind: 'text', width: 40 },
    ],
    rows,
  };
};

const ledger: SheetBuilder = async ({ context, scope, year, names }) => {
  const rows: Cell[][] = [];
  for (const community of names.communitiesIn(scope.filter)) {
    const book = await ledgerOf(context, community.id, year);
    if (!book) continue;
    rows.push([names.of(community.streetId), names.of(community.id), year, book.quotaFen, book.allocatedFen, book.approvedFen, book.spentFen, remainingFen(book)]);
  }
  return {
    title: `${year}年资金台账`,
    columns: [
      { header: '街道', kind: 'text' },
      { header: '社区', kind: 'text' },
      { header: '年度', kind: 'count', width: 8 },
      { header: '年度额度（元）', kind: 'yuan', width: 16 },
      { header: '已下达（元）', kind: 'yuan', width: 16 },
      { header: '已批复（元）', kind: 'yuan', width: 16 },
      { header: '已支出（元）', kind: 'yuan', width: 16 },
      { header: '可用余额（元）', kind: 'yuan', width: 16 },
    ],
    rows,
  };
};

const subsidy: SheetBuilder = async ({ context, scope, year, names }) => {
  const { store } = context.services;
  const rows: Cell[][] = [];
  const within = new Set(names.communitiesIn(scope.filter).map((c) => c.id));
  for (const districtId of names.districtsIn(scope.filter)) {
    for (const project of await store.listApprovedInYear(districtId, year)) {
      if (!within.has(project.communityId)) continue;
      rows.push([project.id, names.of(districtId), names.of(project.communityId), project.title, CATEGORY_LABELS[project.category], STATE_LABELS[project.state], project.approvedBudgetFen]);
    }
  }
  return {
    title: `${year}年市级补助申报`,
    columns: [
      { header: '项目编号', kind: 'text', width: 24 },
      { header: '区', kind: 'text' },
      { header: '社区', kind: 'text' },
      { header: '项目名称', kind: 'text', width: 30 },
      { header: '类别', kind: 'text', width: 10 },
      { header: '状态', kind: 'text', width: 12 },
      { header: '批复预算（元）', kind: 'yuan', width: 16 },
    ],
    rows,
  };
};

/** kind → sheet builder. */
export const EXPORT_SHEETS: Readonly<Record<ExportKind, SheetBuilder>> = { proposals, overdue, checklist, ledger, subsidy, summary };
