import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Caller } from '../../backend/app/action';
import { createDispatch, type Dispatch, type Dispatched } from '../../backend/app/dispatch';
import { addDays, defaultCalendar, shanghaiDateOf, yearOf } from '../../backend/domain/calendar';
import { earliestMeetingOn, publicityEndsOn } from '../../backend/domain/deadlines';
import { seedDemoProposals } from '../../backend/seed/demo-proposals';
import { seedDemoData } from '../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, sqliteStoreOn, type SqliteStore } from '../../backend/store/sqlite/sqlite.store';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';

// An in-process "world" for the reliability suite: the real SQLite store on a temp file, the real
// dispatch and use cases, and a driver that takes proposals through the lifecycle with the real
// actions — so that every record a test races or breaks is one the system itself wrote.

export const UNLIMITED = { proposalsPerDay: 1_000_000, commentsPerHour: 1_000_000 };

export interface World {
  file: string;
  store: SqliteStore;
  dispatch: Dispatch;
  /** The raw answer of `action` called by `openid` (null: anonymous) at 10:00 Shanghai time on `day`. */
  call(openid: string | null, day: string, action: string, payload: unknown): Promise<Dispatched>;
  /** Like `call`, but throws with the answer unless it is ok; returns its data. */
  ok(openid: string | null, day: string, action: string, payload: unknown): Promise<any>;
  close(): Promise<void>;
}

export function tempDbFile(label = 'reliability'): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), `weishishi-${label}-`)), 'store.db');
}

/** Today in Asia/Shanghai by this machine's clock (the day the local server's seed calls "today"). */
export function shanghaiToday(): string {
  return shanghaiDateOf(Date.now());
}

export function instantOf(day: string, time = '10:00:00'): Date {
  return new Date(`${day}T${time}+08:00`);
}

export interface WorldOptions {
  file?: string;
  /** `demo`: the directory, users and the sample proposals (as `npm start` seeds); `directory`: without the proposals; `none`: an existing file. */
  seed?: 'demo' | 'directory' | 'none';
  limits?: { proposalsPerDay: number; commentsPerHour: number };
  /** Called with the database before the store prepares its statements (the fault hook of figure 4). */
  instrument?: (db: Database.Database) => void;
  logError?: (error: unknown, action: string) => void;
}

export async function openWorld(options: WorldOptions = {}): Promise<World> {
  const file = options.file ?? tempDbFile();
  // openSqliteStore migrates; a second SqliteStore over the same handle prepares its statements
  // through whatever `instrument` put in place of db.prepare.
  const opened = openSqliteStore({ file });
  if (options.instrument) options.instrument(opened.db);
  const store = options.instrument ? sqliteStoreOn(opened.db) : opened;
  const dispatch = createDispatch({
    store,
    calendar: defaultCalendar,
    contentCheck: new LocalContentCheck(),
    photos: new StoredPhotos(store),
    limits: options.limits ?? UNLIMITED,
    logError: options.logError ?? (() => undefined),
  });
  const now = new Date();
  if ((options.seed ?? 'demo') !== 'none') {
    const seeded = seedDemoData(store, { at: now.toISOString(), year: Number(shanghaiDateOf(now.getTime()).slice(0, 4)) });
    if (seeded && options.seed !== 'directory') await seedDemoProposals(dispatch, now);
  }
  const call = (openid: string | null, day: string, action: string, payload: unknown) =>
    dispatch(action, payload, { openid } satisfies Caller, instantOf(day));
  return {
    file,
    store,
    dispatch,
    call,
    async ok(openid, day, action, payload) {
      const { status, answer } = await call(openid, day, action, payload);
      if (!answer.ok) throw new Error(`${action} as ${openid} on ${day} answered ${status} ${JSON.stringify(answer)}`);
      return answer.data;
    },
    close: () => store.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// The demo places and who acts in them (backend/store/demo-data.ts)

export interface DemoPlace {
  communityId: string;
  streetId: string;
  resident: string;
  worker: string;
  street: string;
}

export const PLACES = {
  zhongying: { communityId: 'c-zhongying', streetId: 's-shatoujiao', resident: 'u-res-1', worker: 'u-com-zhongying', street: 'u-street-shatoujiao' },
  qiaoyuan: { communityId: 'c-qiaoyuan', streetId: 's-shatoujiao', resident: 'u-res-4', worker: 'u-com-qiaoyuan', street: 'u-street-shatoujiao' },
  tianxin: { communityId: 'c-tianxin', streetId: 's-haishan', resident: 'u-res-3', worker: 'u-com-tianxin', street: 'u-street-haishan' },
} satisfies Record<string, DemoPlace>;

// ---------------------------------------------------------------------------------------------
// The lifecycle driver

/** The stages the driver can take a proposal to, in lifecycle order. */
export const STAGES = [
  'submitted',
  'adopted',
  'drafted',
  'agenda_published',
  'council_passed',
  'street_review',
  'approved',
  'publicity',
  'publicity_ended',
  'implementing',
  'started',
  'completed',
  'evaluated',
  'audited',
] as const;

export type Stage = (typeof STAGES)[number];

export interface DriveOptions {
  /** The day the proposal is submitted; every later step falls on or after it. */
  start: string;
  /** How many proposals (submitted, screened and drafted one by one; the agenda takes 50 at a time). */
  count?: number;
  category?: 'works' | 'goods' | 'services';
  /** The budget of proposal `index`, in fen (one line). */
  budgetFen?: (index: number) => number;
  /** Whether the street approves them (default) — set false to stop in street_review. */
  approve?: boolean;
  /** The day the publicity notice is published (default: the approval day). */
  publicityOn?: string;
  /** Who submits proposal `index` (default: the place's resident). */
  proposer?: (index: number) => string;
  title?: (index: number) => string;
}

export interface Driven {
  ids: string[];
  /** The days each step fell on. */
  days: { start: string; meetingOn: string; approvedOn: string; publicityOn: string; assignedOn: string };
  meetingIds: string[];
}

let requestCounter = 0;

export function uniqueRequestId(label = 'rel'): string {
  requestCounter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${requestCounter}`;
}

/**
 * Takes `count` new proposals of `place` to `stage` with the real actions, batching the council
 * agenda 50 at a time. Answers their ids and the days used.
 */
export async function drive(world: World, place: DemoPlace, stage: Stage, options: DriveOptions): Promise<Driven> {
  const count = options.count ?? 1;
  const reached = (s: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  const start = options.start;
  const meetingOn = earliestMeetingOn(start, defaultCalendar).on;
  const approvedOn = meetingOn;
  const publicityOn = options.publicityOn ?? approvedOn;
  const assignedOn = addDays(publicityEndsOn(publicityOn, defaultCalendar).on, 1);
  const days = { start, meetingOn, approvedOn, publicityOn, assignedOn };
  const ids: string[] = [];
  const meetingIds: string[] = [];
  const budgetOf = options.budgetFen ?? (() => 1_000_000);
  for (let index = 0; index < count; index += 1) {
    const proposer = options.proposer?.(index) ?? place.resident;
    const { id } = await world.ok(proposer, start, 'proposal.submit', {
      communityId: place.communityId,
      title: options.title?.(index) ?? `可靠性测试项目 ${index + 1}`,
      category: options.category ?? 'works',
      location: '社区广场',
      description: '可靠性测试用的提议。',
      source: 'resident',
      requestId: uniqueRequestId('drive'),
    });
    ids.push(id);
    if (!reached('adopted')) continue;
    await world.ok(place.worker, start, 'proposal.screen', { id, adopt: true });
    if (!reached('drafted')) continue;
    await world.ok(place.worker, start, 'proposal.draftReport', {
      id,
      reason: '居民需要',
      overview: '项目概述',
      plan: '实施方案',
      budgetLines: [{ item: '项目费用', amountFen: budgetOf(index) }],
    });
  }
  if (!reached('agenda_published')) return { ids, days, meetingIds };
  for (let from = 0; from < ids.length; from += 50) {
    const batch = ids.slice(from, from + 50);
    const meeting = await world.ok(place.worker, start, 'council.publishAgenda', { communityId: place.communityId, meetingOn, proposalIds: batch });
    meetingIds.push(meeting.id);
    if (!reached('council_passed')) continue;
    for (const id of batch) {
      await world.ok(place.worker, meetingOn, 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 20, for: 15, against: 3, abstain: 2 });
      if (reached('street_review')) await world.ok(place.worker, meetingOn, 'proposal.submitToStreet', { id });
    }
  }
  if (!reached('approved') || options.approve === false) return { ids, days, meetingIds };
  for (const [index, id] of ids.entries()) {
    await world.ok(place.street, approvedOn, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: budgetOf(index) });
    if (reached('publicity')) await world.ok(place.worker, publicityOn, 'publicity.publish', { id });
    if (!reached('implementing')) continue;
    await world.ok(place.worker, assignedOn, 'implementation.assign', { id, implementer: '测试施工单位', assignedOn });
    if (reached('started')) await world.ok(place.worker, assignedOn, 'implementation.start', { id, startedOn: assignedOn });
    if (!reached('completed')) continue;
    await world.ok(place.worker, assignedOn, 'implementation.complete', { id, completedOn: assignedOn, maintenanceUnit: '社区物业', maintenanceFunding: '物业管理费' });
    if (reached('evaluated')) await world.ok(place.worker, assignedOn, 'evaluation.publish', { id, summary: '居民满意' });
    if (reached('audited')) await world.ok(place.street, assignedOn, 'audit.publish', { id, auditor: '审计事务所', spentFen: budgetOf(index), report: '资金使用规范' });
  }
  return { ids, days, meetingIds };
}

/** A start day such that every step of `drive` lies on or before `day` (and after it by no more than needed). */
export function startBefore(day: string, daysBack = 45): string {
  return addDays(day, -daysBack);
}

export { addDays, yearOf };

// ---------------------------------------------------------------------------------------------
// What the store holds: snapshots, checksums and invariants, read straight from the file

/** Every ordinary table of the store (not the full-text indexes' virtual and shadow tables, which are derived). */
export function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
}

export interface Snapshot {
  counts: Record<string, number>;
  /** sha256 of every row of every table, in primary-key order (outbox delivery times left out). */
  checksums: Record<string, string>;
}

/**
 * The content of the store: row counts and a checksum per table. The outbox's `delivered_at` is
 * left out: the server's delivery loop marks messages at its own pace, which is not a change of
 * any record.
 */
export function snapshot(db: Database.Database, tables = tableNames(db)): Snapshot {
  const counts: Record<string, number> = {};
  const checksums: Record<string, string> = {};
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((column) => column.name)
      .filter((name) => !(table === 'outbox' && name === 'delivered_at'));
    const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY rowid`).raw().all();
    counts[table] = rows.length;
    checksums[table] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return { counts, checksums };
}

/** The tables whose content differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before.checksums), ...Object.keys(after.checksums)]);
  return [...names].filter((name) => before.checksums[name] !== after.checksums[name]).sort();
}

export interface LedgerCheck {
  communityId: string;
  year: number;
  approvedFen: number;
  allocatedFen: number;
  sumApprovedFen: number;
  spentFen: number;
  sumSpentFen: number;
}

/**
 * R-FUN-1: every ledger against its proposals: approved = Σ approved budgets of the community's
 * proposals of that budget year that are not withdrawn; spent = Σ audited spending.
 */
export function ledgerChecks(db: Database.Database): LedgerCheck[] {
  const ledgers = db.prepare('SELECT community_id AS communityId, year, approved_fen AS approvedFen, allocated_fen AS allocatedFen, spent_fen AS spentFen FROM ledgers').all() as Omit<LedgerCheck, 'sumApprovedFen' | 'sumSpentFen'>[];
  const approved = db.prepare(
    `SELECT COALESCE(SUM(approved_budget_fen), 0) FROM proposals
      WHERE community_id = ? AND budget_year = ? AND state <> 'withdrawn' AND approved_budget_fen IS NOT NULL`,
  ).pluck();
  const spent = db.prepare(
    `SELECT COALESCE(SUM(json_extract(record, '$.audit.spentFen')), 0) FROM proposals
      WHERE community_id = ? AND budget_year = ? AND state = 'audited'`,
  ).pluck();
  return ledgers.map((ledger) => ({
    ...ledger,
    sumApprovedFen: approved.get(ledger.communityId, ledger.year) as number,
    sumSpentFen: spent.get(ledger.communityId, ledger.year) as number,
  }));
}

/** The ledgers where approved ≠ Σ approved, spent ≠ Σ spent, or approved > allocated. */
export function ledgerMismatches(db: Database.Database): LedgerCheck[] {
  return ledgerChecks(db).filter(
    (l) => l.approvedFen !== l.sumApprovedFen || l.spentFen !== l.sumSpentFen || l.approvedFen > l.allocatedFen,
  );
}

/**
 * R-SUP-2: every write of a proposal leaves exactly one audit entry on its chain: the proposal's
 * version (1 at submission, +1 per committed transition) equals the length of its chain, and
 * the chain's last entry ends in the proposal's state.
 */
export function auditMismatches(db: Database.Database): { id: string; version: number; entries: number; state: string; lastTo: string | null }[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.version, p.state,
              (SELECT COUNT(*) FROM audit_entries a WHERE a.chain_id = p.id) AS entries,
              (SELECT a.to_state FROM audit_entries a WHERE a.chain_id = p.id ORDER BY a.seq DESC LIMIT 1) AS lastTo
         FROM proposals p`,
    )
    .all() as { id: string; version: number; entries: number; state: string; lastTo: string | null }[];
  return rows.filter((row) => row.version !== row.entries || row.lastTo !== row.state);
}

/** Opens the store file read-write for inspection, waiting for a writer like the servers do. */
export function inspect(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
