/**
 * The use cases against a real store: a fresh in-memory SQLite store seeded with the demo
 * directory and users (no proposals), driven through `createDispatch` as both doors drive it.
 *
 * - `createApp()` builds a new store and dispatch for one test; nothing is shared between tests.
 * - `app.call(openid, day, action, payload)` calls at 10:00 Asia/Shanghai on `day` and answers
 *   `{ status, answer }`; `app.ok(...)` answers the data or throws with the refusal.
 * - `bringTo(app, state, options)` takes a new proposal to a state through the real actions,
 *   on days computed with the domain's own deadline functions from `START`, so the tests do not
 *   depend on which weekday any date falls on.
 * - `fingerprint(app)` is every row of every table: a refused action must leave it unchanged.
 *
 * The only stand-in is the content check, which crosses the process boundary to WeChat:
 * `contentCheckAnswering('review')` and `unreachableContentCheck()` prove the fail-closed paths.
 */
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ExportStorage } from '../../backend/app/ports/file-storage.port';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import type { Answer, ErrorCode } from '../../types/api';
import type { BudgetLine, Category, ProposalState } from '../../types/domain';
import type { RateLimits } from '../../backend/app/action';
import { createDispatch, type Dispatch, type Dispatched } from '../../backend/app/dispatch';
import { addDays, defaultCalendar, yearOf } from '../../backend/domain/calendar';
import { earliestMeetingOn, publicityEndsOn, reviewDueOn } from '../../backend/domain/deadlines';
import { defaultPolicy, implementerSide } from '../../backend/domain/policy';
import { seedDemoData } from '../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite/sqlite.store';
import type { ContentCheck, ContentVerdict } from '../../backend/app/ports/content-check.port';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';

/** The first day of every journey unless a test says otherwise: early in a year with known holidays. */
export const START = '2026-03-02';
export const YEAR = yearOf(START);

/** The HTTP status of each error code, as spec/api.md lists it (not read from the product). */
export const SPEC_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  window_closed: 409,
  too_early: 409,
  budget_exceeded: 409,
  fee_ratio_exceeded: 400,
  conflict: 409,
  rate_limited: 429,
  content_rejected: 422,
  internal: 500,
};

// ---------------------------------------------------------------------------------------------
// The cast of the demo data (backend/store/demo-data.ts).

export type CommunityId = 'c-zhongying' | 'c-qiaoyuan' | 'c-tianxin';

export interface Cast {
  communityId: CommunityId;
  streetId: string;
  districtId: string;
  /** A resident of the community, the default proposer. */
  resident: string;
  /** Another resident of the same community, or null where the demo data has none. */
  neighbour: string | null;
  worker: string;
  /** The street staff whose street covers the community. */
  street: string;
}

export const CAST: Record<CommunityId, Cast> = {
  'c-zhongying': {
    communityId: 'c-zhongying',
    streetId: 's-shatoujiao',
    districtId: 'd-yantian',
    resident: 'u-res-1',
    neighbour: 'u-res-2',
    worker: 'u-com-zhongying',
    street: 'u-street-shatoujiao',
  },
  'c-qiaoyuan': {
    communityId: 'c-qiaoyuan',
    streetId: 's-shatoujiao',
    districtId: 'd-yantian',
    resident: 'u-res-4',
    neighbour: null,
    worker: 'u-com-qiaoyuan',
    street: 'u-street-shatoujiao',
  },
  'c-tianxin': {
    communityId: 'c-tianxin',
    streetId: 's-haishan',
    districtId: 'd-yantian',
    resident: 'u-res-3',
    neighbour: null,
    worker: 'u-com-tianxin',
    street: 'u-street-haishan',
  },
};

// ---------------------------------------------------------------------------------------------
// Content checks: the real local one, and stand-ins for WeChat being unsure or unreachable.

export function contentCheckAnswering(verdict: ContentVerdict): ContentCheck & { texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    async check(text) {
      texts.push(text);
      return verdict;
    },
  };
}

export function unreachableContentCheck(): ContentCheck {
  return {
    async check() {
      throw new Error('connect ETIMEDOUT api.weixin.qq.com');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The app.

export interface AppOptions {
  contentCheck?: ContentCheck;
  /** Issue 16: where exports go (default: a fresh temporary folder). */
  exports?: ExportStorage;
  limits?: Partial<RateLimits>;
}

export interface App {
  store: SqliteStore;
  dispatch: Dispatch;
  /** Calls `action` as `openid` (null: anonymous) at 10:00 Asia/Shanghai on `day`. */
  call(openid: string | null, day: string, action: string, payload?: unknown): Promise<Dispatched>;
  /** Calls at an exact instant (ISO 8601 with an offset). */
  callAt(openid: string | null, instant: string, action: string, payload?: unknown): Promise<Dispatched>;
  /** Like `call`, for steps that must succeed: answers the data or throws with the refusal. */
  ok<T = any>(openid: string | null, day: string, action: string, payload?: unknown): Promise<T>;
  /** Errors the dispatcher logged as internal. */
  loggedErrors: unknown[];
}

const openApps = new Set<SqliteStore>();

if (typeof afterEach === 'function') {
  afterEach(async () => {
    for (const store of openApps) await store.close();
    openApps.clear();
  });
}

export function noonOf(day: string): Date {
  return new Date(`${day}T10:00:00+08:00`);
}

/** A fresh store seeded with the demo directory and users, and a dispatch over it. */
export function createApp(options: AppOptions = {}): App {
  const store = openSqliteStore({ file: ':memory:' });
  openApps.add(store);
  seedDemoData(store, { at: `${START}T08:00:00+08:00`, year: YEAR });
  let counter = 0;
  const loggedErrors: unknown[] = [];
  const dispatch = createDispatch({
    store,
    calendar: defaultCalendar,
    contentCheck: options.contentCheck ?? new LocalContentCheck(),
    photos: new StoredPhotos(store),
    exports: options.exports ?? new DiskExportStorage(path.join(os.tmpdir(), `wss-exports-${process.pid}-${randomUUID()}`)),
    // Only when a test asks: otherwise the dispatcher's defaults (5 a day, 30 an hour) apply.
    ...(options.limits ? { limits: { proposalsPerDay: 5, commentsPerHour: 30, ...options.limits } } : {}),
    // Readable ids in creation order; the product's ids are random.
    newId: (prefix) => `${prefix}-${String(++counter).padStart(4, '0')}`,
    logError: (error) => loggedErrors.push(error),
  });
  const callAt = (openid: string | null, instant: string, action: string, payload?: unknown) =>
    dispatch(action, payload, { openid }, new Date(instant));
  const call = (openid: string | null, day: string, action: string, payload?: unknown) =>
    dispatch(action, payload, { openid }, noonOf(day));
  async function ok<T>(openid: string | null, day: string, action: string, payload?: unknown): Promise<T> {
    const { answer } = await call(openid, day, action, payload);
    if (!answer.ok) {
      throw new Error(`${action} by ${openid} on ${day} refused: ${answer.error.code} ${answer.error.field ?? ''} ${answer.error.message}`);
    }
    return answer.data as T;
  }
  return { store, dispatch, call, callAt, ok, loggedErrors };
}

/** The error of a refused answer (fails the test on an ok answer). */
export function errorOf(result: Dispatched | Answer<unknown>) {
  const answer = 'answer' in result ? result.answer : result;
  if (answer.ok) throw new Error(`expected a refusal, got ok: ${JSON.stringify(answer.data).slice(0, 300)}`);
  return answer.error;
}

/** Asserts the refusal's code, the status spec/api.md gives it, and the field when given. */
export function expectRefused(result: Dispatched, code: ErrorCode, field?: string): void {
  const error = errorOf(result);
  expect({ status: result.status, code: error.code }).toEqual({ status: SPEC_STATUS[code], code });
  if (field !== undefined) expect(error.field).toBe(field);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
}

/** The data of an ok answer (fails the test on a refusal, showing it). */
export function dataOf<T = any>(result: Dispatched): T {
  if (!result.answer.ok) {
    throw new Error(`expected ok, got ${result.status} ${JSON.stringify(result.answer.error)}`);
  }
  expect(result.status).toBe(200);
  return result.answer.data as T;
}

/** Every row of every ordinary table, in a stable order: what "nothing changed" means (full-text indexes are derived: left out). */
export function fingerprint(app: App): Record<string, unknown[]> {
  const tables = app.store.db
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, app.store.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]));
}

/** The ledger as the API shows it. */
export async function ledgerOf(app: App, communityId: string, year = YEAR) {
  return app.ok<{ quotaFen: number; allocatedFen: number; approvedFen: number; spentFen: number; remainingFen: number }>(
    null,
    START,
    'ledger.get',
    { communityId, year },
  );
}

export const ledgerChain = (communityId: string, year = YEAR) => `ledger:${communityId}:${year}`;

// ---------------------------------------------------------------------------------------------
// Payloads with overrides.

let requestCounter = 0;
/** A request id no other call of the run uses. */
export function newRequestId(): string {
  requestCounter += 1;
  return `req-${String(requestCounter).padStart(8, '0')}`;
}

export function proposalPayload(overrides: Record<string, unknown> = {}) {
  return {
    communityId: 'c-zhongying',
    title: '小区路灯维修',
    category: 'goods',
    location: '中英街 5 巷',
    description: '巷口路灯坏了两个月，晚上很暗，希望尽快修好。',
    source: 'resident',
    requestId: newRequestId(),
    ...overrides,
  };
}

export const GOODS_LINES: BudgetLine[] = [
  { item: '太阳能路灯 10 盏', amountFen: 4_000_000 },
  { item: '安装调试', amountFen: 1_000_000 },
];

/** A services budget of 1,000,000 fen whose fee line is `feePercent` of it (no fee line at 0). */
export function servicesLines(feePercent: number): BudgetLine[] {
  const total = 1_000_000;
  const fee = (total * feePercent) / 100;
  const service = { item: '授课服务', amountFen: total - fee };
  return fee === 0 ? [service] : [service, { item: '服务管理费', amountFen: fee, fee: true }];
}

export function reportPayload(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    reason: '夜间照明不足，存在安全隐患',
    overview: '更换巷道路灯 10 盏',
    plan: '社区采购太阳能路灯，委托安装单位安装，由物业管养',
    budgetLines: GOODS_LINES,
    ...overrides,
  };
}

export const totalOf = (lines: BudgetLine[]) => lines.reduce((sum, line) => sum + line.amountFen, 0);

// ---------------------------------------------------------------------------------------------
// Journeys: a proposal taken through the real actions.

/** The days of a journey that starts on `start`, from the domain's deadline functions. */
export interface Timeline {
  submittedOn: string;
  /** The earliest meeting day for an agenda published on `submittedOn` (R-COU-2). */
  meetingOn: string;
  /** Vote, submission to the street and the street's decision all happen on the meeting day. */
  reviewedOn: string;
  /** The street's last day to decide (R-REV-1). */
  reviewDueOn: string;
  publishedOn: string;
  /** The last day of the publicity window (R-PUB-1). */
  publicityEndsOn: string;
  /** The first day after the window. */
  assignedOn: string;
  completedOn: string;
  evaluatedOn: string;
  auditedOn: string;
}

export function timelineFrom(start: string = START): Timeline {
  const meetingOn = earliestMeetingOn(start, defaultCalendar).on;
  const reviewedOn = meetingOn;
  const publishedOn = addDays(reviewedOn, 1);
  const endsOn = publicityEndsOn(publishedOn, defaultCalendar).on;
  const assignedOn = addDays(endsOn, 1);
  const completedOn = addDays(assignedOn, 14);
  const evaluatedOn = addDays(completedOn, 7);
  return {
    submittedOn: start,
    meetingOn,
    reviewedOn,
    reviewDueOn: reviewDueOn(reviewedOn, defaultCalendar).on,
    publishedOn,
    publicityEndsOn: endsOn,
    assignedOn,
    completedOn,
    evaluatedOn,
    auditedOn: addDays(evaluatedOn, 7),
  };
}

/** The states of the main path, plus `started` (implementing, with its start recorded). */
export const MAIN_PATH = [
  'submitted',
  'adopted',
  'drafted',
  'agenda_published',
  'council_passed',
  'street_review',
  'approved',
  'publicity',
  'implementing',
  'started',
  'completed',
  'evaluated',
  'audited',
] as const;

export type Milestone = (typeof MAIN_PATH)[number] | 'not_adopted' | 'council_rejected' | 'rejected' | 'transferred' | 'withdrawn';

/** The main-path milestone a side state branches from. */
const BRANCHES_FROM: Record<Exclude<Milestone, (typeof MAIN_PATH)[number]>, (typeof MAIN_PATH)[number]> = {
  not_adopted: 'submitted',
  council_rejected: 'agenda_published',
  rejected: 'street_review',
  transferred: 'street_review',
  withdrawn: 'approved',
};

export interface JourneyOptions {
  community?: CommunityId;
  /** Defaults to the community's resident. */
  proposer?: string;
  category?: Category;
  budgetLines?: BudgetLine[];
  /** Defaults to the report's total. */
  approvedBudgetFen?: number;
  start?: string;
  title?: string;
  tenderRef?: string;
}

export interface Journey {
  id: string;
  cast: Cast;
  days: Timeline;
  /** The day of the last step taken: the first day a test may act on next. */
  day: string;
  category: Category;
  budgetLines: BudgetLine[];
  approvedBudgetFen: number;
  /** Who implements, by the default policy's thresholds (R-IMP-1). */
  implementer: string;
  proposer: string;
  tenderRef?: string;
  meetingId?: string;
  changeId?: string;
  /** The state the proposal stands in after the last step. */
  state: ProposalState;
}

/** Submits a new proposal: the first step of every journey. */
export async function startJourney(app: App, options: JourneyOptions = {}): Promise<Journey> {
  const cast = CAST[options.community ?? 'c-zhongying'];
  const days = timelineFrom(options.start ?? START);
  const category = options.category ?? 'goods';
  const standard = category === 'services' ? servicesLines(10) : GOODS_LINES;
  // The street approves at most what the report asks: a larger approval asks for it in one line.
  const budgetLines =
    options.budgetLines ??
    (options.approvedBudgetFen !== undefined && options.approvedBudgetFen > totalOf(standard) ? [{ item: '项目经费', amountFen: options.approvedBudgetFen }] : standard);
  const approvedBudgetFen = options.approvedBudgetFen ?? totalOf(budgetLines);
  const side = implementerSide(defaultPolicy(cast.districtId, yearOf(days.reviewedOn)), category, approvedBudgetFen);
  const proposer = options.proposer ?? cast.resident;
  const submitted = await app.ok(proposer, days.submittedOn, 'proposal.submit', proposalPayload({
    communityId: cast.communityId,
    category,
    ...(options.title ? { title: options.title } : {}),
  }));
  return {
    id: submitted.id,
    cast,
    days,
    day: days.submittedOn,
    category,
    budgetLines,
    approvedBudgetFen,
    implementer: side === 'street' ? cast.street : cast.worker,
    proposer,
    tenderRef: options.tenderRef,
    state: 'submitted',
  };
}

/**
 * Takes the journey's proposal one step along the main path to `milestone` (the next one after
 * where it stands) on that step's day of the timeline, through the real action.
 */
export async function advance(app: App, journey: Journey, milestone: (typeof MAIN_PATH)[number]): Promise<void> {
  const { id, cast, days } = journey;
  switch (milestone) {
    case 'submitted':
      return;
    case 'adopted':
      await app.ok(cast.worker, days.submittedOn, 'proposal.screen', { id, adopt: true });
      break;
    case 'drafted':
      await app.ok(cast.worker, days.submittedOn, 'proposal.draftReport', reportPayload(id, { budgetLines: journey.budgetLines }));
      break;
    case 'agenda_published': {
      const meeting = await app.ok(cast.worker, days.submittedOn, 'council.publishAgenda', {
        communityId: cast.communityId,
        meetingOn: days.meetingOn,
        proposalIds: [id],
      });
      journey.meetingId = meeting.id;
      break;
    }
    case 'council_passed':
      await app.ok(cast.worker, days.meetingOn, 'council.recordVote', voteOf(journey, 'passes'));
      journey.day = days.meetingOn;
      break;
    case 'street_review':
      await app.ok(cast.worker, days.reviewedOn, 'proposal.submitToStreet', { id });
      journey.day = days.reviewedOn;
      break;
    case 'approved':
      await app.ok(cast.street, days.reviewedOn, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: journey.approvedBudgetFen });
      break;
    case 'publicity':
      await app.ok(cast.worker, days.publishedOn, 'publicity.publish', { id });
      journey.day = days.publishedOn;
      break;
    case 'implementing':
      await app.ok(journey.implementer, days.assignedOn, 'implementation.assign', {
        id,
        implementer: '盐田建设工程有限公司',
        assignedOn: days.assignedOn,
        ...(journey.tenderRef ? { tenderRef: journey.tenderRef } : {}),
      });
      journey.day = days.assignedOn;
      break;
    case 'started':
      await app.ok(journey.implementer, days.assignedOn, 'implementation.start', { id, startedOn: days.assignedOn });
      break;
    case 'completed':
      await app.ok(journey.implementer, days.completedOn, 'implementation.complete', {
        id,
        completedOn: days.completedOn,
        maintenanceUnit: '中英街物业服务中心',
        maintenanceFunding: '物业管理费列支',
        // Issue 18 (acceptance): a complete record was accepted (R-ACC-1).
        acceptance: { acceptedOn: days.completedOn, participants: ['社区工作站', '居民代表'], opinion: '验收合格。', passed: true },
      });
      journey.day = days.completedOn;
      break;
    case 'evaluated':
      await app.ok(cast.worker, days.evaluatedOn, 'evaluation.publish', { id, summary: '居民满意度高。' });
      journey.day = days.evaluatedOn;
      break;
    case 'audited':
      await app.ok(cast.street, days.auditedOn, 'audit.publish', {
        id,
        auditor: '盐田区审计事务所',
        spentFen: journey.approvedBudgetFen,
        report: '资金使用规范。',
      });
      journey.day = days.auditedOn;
      break;
  }
  journey.state = milestone === 'started' ? 'implementing' : milestone;
}

/** Takes a new proposal to `target` through the real actions, each on its day of the timeline. */
export async function bringTo(app: App, target: Milestone, options: JourneyOptions = {}): Promise<Journey> {
  const journey = await startJourney(app, options);
  const { id, cast } = journey;
  const mainTarget = target in BRANCHES_FROM ? BRANCHES_FROM[target as keyof typeof BRANCHES_FROM] : target;
  const stopAt = MAIN_PATH.indexOf(mainTarget as (typeof MAIN_PATH)[number]);
  for (const milestone of MAIN_PATH.slice(1, stopAt + 1)) await advance(app, journey, milestone);

  switch (target) {
    case 'not_adopted':
      await app.ok(cast.worker, journey.day, 'proposal.screen', { id, adopt: false, explanation: '属物业管理公司职责，已转交物业处理。', exclusion: 'property_duty' });
      break;
    case 'council_rejected':
      await app.ok(cast.worker, journey.days.meetingOn, 'council.recordVote', voteOf(journey, 'fails'));
      journey.day = journey.days.meetingOn;
      break;
    case 'rejected':
      await app.ok(cast.street, journey.day, 'review.decide', { id, outcome: 'rejected', reason: '与已建成的政府投资项目重复。' });
      break;
    case 'transferred':
      await app.ok(cast.street, journey.day, 'review.decide', { id, outcome: 'transferred', reason: '属交通部门职责。', department: '区交通运输局' });
      break;
    case 'withdrawn': {
      const change = await app.ok(cast.worker, journey.day, 'change.request', { id, kind: 'withdraw', reason: '居民另有诉求，暂缓实施。' });
      journey.changeId = change.id;
      await app.ok(cast.street, journey.day, 'change.decide', { changeId: change.id, approve: true, reason: '同意撤销。' });
      break;
    }
    default:
      break;
  }
  journey.state = (await recordOf(app, id)).state;
  return journey;
}

/** A council vote on the journey's proposal that passes (21 of 25) or fails (10 of 25). */
export function voteOf(journey: Pick<Journey, 'id' | 'meetingId'>, outcome: 'passes' | 'fails', overrides: Record<string, unknown> = {}) {
  const votes = outcome === 'passes' ? { for: 21, against: 2, abstain: 2 } : { for: 10, against: 12, abstain: 3 };
  return { meetingId: journey.meetingId, proposalId: journey.id, attendance: 25, ...votes, ...overrides };
}

/** The proposal as the store holds it (state, version and all), for before/after comparisons. */
export async function recordOf(app: App, id: string) {
  const stored = await app.store.findProposal(id);
  if (!stored) throw new Error(`no proposal ${id}`);
  return stored.record;
}

/** All undelivered outbox messages, oldest first. */
export async function outboxOf(app: App) {
  return app.store.takeUndelivered(10_000);
}
