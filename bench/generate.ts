/**
 * The generator of a city-sized store for the benchmark.
 *
 * Every proposal is walked through the lifecycle by the domain itself — `submitProposal` and
 * `transition` of backend/domain/lifecycle.ts, with the working-day calendar and the district's
 * policy — and its audit entries, ledger moves and indexed columns come from the app's own
 * `effectsOf` and `indexingOf`, chained with the store's `hashEntry`. So every record is one the
 * system could have written, and the real use cases can read and act on it. Only the writing is
 * bench tooling: plain SQL, prepared statements, one transaction.
 *
 * Stores are cached under bench/data/, keyed by their parameters, the generator's version and
 * the schema version; delete the folder (or pass --force) to make them again.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BudgetLine, Category, ChangeRecord, Policy, ProposalRecord, ProposalState, Source } from '../types/domain';
import type { UseCaseContext } from '../backend/app/action';
import { effectsOf, indexingOf } from '../backend/app/proposals';
import { addDays, dateOfDayNumber, dayNumberOf, defaultCalendar, shanghaiDateOf, yearOf } from '../backend/domain/calendar';
import { earliestMeetingOn } from '../backend/domain/deadlines';
import { decideChange } from '../backend/domain/changes';
import { transition, type Command } from '../backend/domain/lifecycle';
import { submitProposal } from '../backend/domain/submission';
import { defaultPolicy, implementerSide, tenderRequired } from '../backend/domain/policy';
import { GENESIS_HASH, hashEntry, verifyChain } from '../backend/store/audit-chain';
import { LocalContentCheck } from '../backend/wechat/local/local.content-check';
import { migrations, SUBSIDY_TOTALS_FROM_PROPOSALS } from '../backend/store/sqlite/migrations';
import { rebuildSummaryTotals } from '../backend/store/sqlite/sqlite.summary-rebuild';
import { registerSearchFunctions } from '../backend/store/sqlite/sqlite.search';
import { openSqliteStore } from '../backend/store/sqlite/sqlite.store';
import type { AuditDraft, AuditEntry, LedgerMove } from '../backend/app/ports/store.port';
import { allUsers, buildCity, CITY_SIZE, hex16, intBetween, pick, rng, SMALL_SIZE, type City, type CityParams, type Community, type Random } from './city';
import { AUDITORS, COMMENTS, DEPARTMENTS, IDEAS, IMPLEMENTERS, MAINTENANCE, PLACES, RATING_TEXTS, REPLIES } from './texts';

/** Bump when the generator makes different data from the same parameters. */
export const GENERATOR_VERSION = 4;

export const DATA_DIR = path.resolve(__dirname, 'data');

/** "Set allocations high": every community may approve up to 6,000,000 CNY a year. */
export const BENCH_QUOTA_FEN = 600_000_000;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Asia/Shanghai is UTC+8. */
const SHANGHAI_OFFSET_MINUTES = 480;

/** The share of each final state, in percent (sums to 100). */
const STATE_WEIGHTS: [ProposalState, number][] = [
  ['submitted', 4],
  ['adopted', 2],
  ['not_adopted', 6],
  ['drafted', 3],
  ['agenda_published', 2],
  ['council_passed', 1],
  ['council_rejected', 2],
  ['street_review', 6],
  ['approved', 1.5],
  ['rejected', 3],
  ['transferred', 2],
  ['publicity', 3],
  ['implementing', 12],
  ['completed', 8],
  ['evaluated', 8],
  ['audited', 34],
  ['withdrawn', 2.5],
];

/** How many days before the benchmark's day a record in this state made its last step. */
const FINAL_STEP_AGE: Record<ProposalState, [number, number]> = {
  submitted: [0, 14],
  adopted: [0, 20],
  not_adopted: [0, 1000],
  drafted: [0, 20],
  agenda_published: [0, 6],
  council_passed: [0, 10],
  council_rejected: [0, 1000],
  street_review: [0, 28],
  approved: [0, 10],
  rejected: [0, 1000],
  transferred: [0, 1000],
  publicity: [0, 6],
  implementing: [0, 200],
  completed: [0, 45],
  evaluated: [0, 150],
  audited: [0, 1000],
  withdrawn: [0, 700],
};

const RATEABLE: readonly ProposalState[] = ['completed', 'evaluated', 'audited'];

// ---------------------------------------------------------------------------------------------
// Small helpers

function fnvHex16(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** The instant of a Shanghai day at a minute of that day. */
function msOf(day: string, minuteOfDay: number): number {
  return dayNumberOf(day) * DAY_MS + (minuteOfDay - SHANGHAI_OFFSET_MINUTES) * MINUTE_MS;
}

/** Splits `total` into whole counts proportional to `weights`, each at most `cap`. */
export function apportion(total: number, weights: number[], cap = Number.POSITIVE_INFINITY): number[] {
  if (weights.length === 0) {
    if (total > 0) throw new Error(`cannot place ${total} items on no records`);
    return [];
  }
  if (total > cap * weights.length) throw new Error(`cannot place ${total} items on ${weights.length} records of at most ${cap}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.min(cap, Math.floor((total * w) / sum)));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = weights.map((w, i) => [w, i] as const).sort((x, y) => y[0] - x[0]).map(([, i]) => i);
  while (left > 0) {
    for (const i of order) {
      if (left === 0) break;
      if (counts[i] < cap) {
        counts[i] += 1;
        left -= 1;
      }
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// One proposal: everything random about it is drawn first (its spec), then the domain walks it
// from a start day; the start day is moved until its last step lands where it should.

type Stage =
  | 'screen'
  | 'draft'
  | 'agenda'
  | 'vote'
  | 'toStreet'
  | 'decide'
  | 'publish'
  | 'assign'
  | 'start'
  | 'complete'
  | 'evaluate'
  | 'audit'
  | 'withdrawRequest'
  | 'withdrawApply';

interface Spec {
  id: string;
  community: Community;
  finalState: ProposalState;
  stages: Stage[];
  /** Calendar days before each stage (index-aligned with `stages`), plus minutes of the day. */
  gaps: number[];
  minutes: number[];
  submitMinute: number;
  /** Milliseconds within the minute of each step, the submission first. */
  jitter: number[];
  proposer: { openid: string; name: string };
  submitter: 'resident' | 'community';
  source: Source;
  libraryEntry: LibraryRow | null;
  category: Category;
  title: string;
  location: string;
  description: string;
  adopt: boolean;
  exclusion?: 'property_duty' | 'government_project' | 'other';
  report: { reason: string; overview: string; plan: string; budgetLines: BudgetLine[] };
  vote: { attendance: number; for: number; against: number; abstain: number };
  outcome: 'approved' | 'rejected' | 'transferred';
  approvedShare: number;
  department: string;
  implementer: string;
  spentShare: number;
  maintenance: { unit: string; funding: string };
  auditor: string;
  meetingSlack: number;
  /** A legacy record with a document missing (imported from paper), so that checklists have work. */
  legacyGap: 'maintenance' | 'vote' | null;
  requestId: string;
}

interface LibraryRow {
  id: string;
  title: string;
  category: Category;
  plan: string;
  budgetLines: BudgetLine[];
  createdAt: string;
  scopeId: string;
  createdBy: string;
}

interface Walked {
  record: ProposalRecord;
  finalDay: number;
  finalMs: number;
  audit: AuditDraft[];
  ledgerMoves: LedgerMove[];
  changes: { change: ChangeRecord; at: string }[];
  meeting: { id: string; meetingOn: string; publishedOn: string; at: string } | null;
  publishMs: number | null;
  windowEndMs: number | null;
  completeMs: number | null;
  ratingEndMs: number | null;
}

function stagesFor(finalState: ProposalState, random: Random, category: Category): Stage[] {
  const toCouncil: Stage[] = ['screen', 'draft', 'agenda', 'vote'];
  const toDecision: Stage[] = [...toCouncil, 'toStreet', 'decide'];
  const implement = (complete: boolean): Stage[] => {
    const started = complete ? random() < 0.9 : random() < (category === 'services' ? 0.75 : 0.85);
    return ['assign', ...(started ? (['start'] as Stage[]) : []), ...(complete ? (['complete'] as Stage[]) : [])];
  };
  switch (finalState) {
    case 'submitted':
      return [];
    case 'adopted':
    case 'not_adopted':
      return ['screen'];
    case 'drafted':
      return ['screen', 'draft'];
    case 'agenda_published':
      return ['screen', 'draft', 'agenda'];
    case 'council_passed':
    case 'council_rejected':
      return toCouncil;
    case 'street_review':
      return [...toCouncil, 'toStreet'];
    case 'approved':
    case 'rejected':
    case 'transferred':
      return toDecision;
    case 'publicity':
      return [...toDecision, 'publish'];
    case 'implementing':
      return [...toDecision, 'publish', ...implement(false)];
    case 'completed':
      return [...toDecision, 'publish', ...implement(true)];
    case 'evaluated':
      return [...toDecision, 'publish', ...implement(true), 'evaluate'];
    case 'audited':
      return [...toDecision, 'publish', ...implement(true), 'evaluate', 'audit'];
    case 'withdrawn': {
      const roll = random();
      const before: Stage[] = roll < 0.3 ? toDecision : roll < 0.5 ? [...toDecision, 'publish'] : [...toDecision, 'publish', ...implement(false)];
      return [...before, 'withdrawRequest', 'withdrawApply'];
    }
  }
}

const GAP_DAYS: Record<Stage, [number, number]> = {
  screen: [1, 10],
  draft: [1, 14],
  agenda: [1, 20],
  vote: [0, 1],
  toStreet: [0, 5],
  decide: [1, 25],
  publish: [1, 10],
  assign: [1, 15],
  start: [0, 20],
  complete: [20, 150],
  evaluate: [10, 45],
  audit: [10, 90],
  withdrawRequest: [3, 40],
  withdrawApply: [1, 15],
};

function budgetLinesFor(random: Random, lines: string[], category: Category): BudgetLine[] {
  const big = random() < 0.015;
  const count = intBetween(random, 1, lines.length);
  const result: BudgetLine[] = lines.slice(0, count).map((item, index) => ({
    item,
    amountFen: (big && index === 0 ? intBetween(random, 400_000, 800_000) : intBetween(random, 2_000, 30_000)) * 100,
  }));
  if (category === 'services' && random() < 0.5) {
    const base = result.reduce((sum, line) => sum + line.amountFen, 0);
    // R-REP-2: a service fee within 10% of the whole budget.
    result.push({ item: '服务管理费', amountFen: Math.max(100, Math.floor((base * (0.03 + random() * 0.07)) / 100) * 100), fee: true });
  }
  return result;
}

function drawSpec(city: City, index: number, random: Random, community: Community, library: LibraryRow[]): Spec {
  const roll = random() * 100;
  let acc = 0;
  let finalState: ProposalState = 'audited';
  for (const [state, weight] of STATE_WEIGHTS) {
    acc += weight;
    if (roll < acc) {
      finalState = state;
      break;
    }
  }
  const residents = city.residents[community.index];
  const byWorker = random() < 0.15;
  const fromLibrary = !byWorker && random() < 0.05 && library.length > 0;
  const libraryEntry = fromLibrary ? pick(random, library) : null;
  const idea = libraryEntry ? (IDEAS.find((i) => i.category === libraryEntry.category) ?? IDEAS[0]) : pick(random, IDEAS);
  const category = libraryEntry ? libraryEntry.category : idea.category;
  const proposer = byWorker ? city.workers[community.index] : pick(random, residents);
  const place = pick(random, PLACES);
  const stages = stagesFor(finalState, random, category);
  const attendance = intBetween(random, 15, 40);
  const passes = finalState !== 'council_rejected';
  const forVotes = passes ? Math.floor(attendance / 2) + 1 + intBetween(random, 0, Math.floor(attendance / 2) - 1) : intBetween(random, 2, Math.floor(attendance / 2));
  const against = intBetween(random, 0, attendance - forVotes);
  const abstain = intBetween(random, 0, attendance - forVotes - against);
  const budgetLines = libraryEntry ? libraryEntry.budgetLines.map((line) => ({ ...line })) : budgetLinesFor(random, idea.lines, category);
  return {
    id: `p-${hex16(random)}`,
    community,
    finalState,
    stages,
    gaps: stages.map((stage) => intBetween(random, ...GAP_DAYS[stage])),
    minutes: stages.map(() => intBetween(random, 510, 930)),
    submitMinute: intBetween(random, 480, 930),
    jitter: [0, ...stages].map(() => Math.floor(random() * MINUTE_MS)),
    proposer: { openid: proposer.openid, name: proposer.name },
    submitter: byWorker ? 'community' : 'resident',
    source: byWorker ? pick(random, ['party_member', 'organisation', 'deputies', 'leader', 'landscape_forest'] as Source[]) : fromLibrary ? 'library' : 'resident',
    libraryEntry,
    category,
    title: `${community.name}${libraryEntry ? libraryEntry.title : `${place}${idea.item}`}`.slice(0, 50),
    location: `${community.name}${place}`,
    description: `${idea.need}${random() < 0.5 ? '希望社区尽快研究解决，谢谢！' : ''}`,
    adopt: finalState !== 'not_adopted',
    exclusion: finalState === 'not_adopted' ? pick(random, ['property_duty', 'government_project', 'other', undefined] as const) : undefined,
    report: {
      reason: idea.need.replace(/。$/, ''),
      overview: libraryEntry ? libraryEntry.title : idea.overview,
      plan: libraryEntry ? libraryEntry.plan : idea.plan,
      budgetLines,
    },
    vote: { attendance, for: forVotes, against, abstain },
    outcome: finalState === 'rejected' ? 'rejected' : finalState === 'transferred' ? 'transferred' : 'approved',
    approvedShare: random() < 0.8 ? 1 : 0.9,
    department: pick(random, DEPARTMENTS),
    implementer: pick(random, IMPLEMENTERS),
    spentShare: 0.85 + random() * 0.15,
    maintenance: pick(random, MAINTENANCE),
    auditor: pick(random, AUDITORS),
    meetingSlack: intBetween(random, 0, 7),
    legacyGap: RATEABLE.includes(finalState) && random() < 0.02 ? 'maintenance' : stages.includes('publish') && random() < 0.01 ? 'vote' : null,
    requestId: `rq${hex16(random)}`,
  };
}

class WalkError extends Error {}

/** Walks one spec from `createdDay` with the domain; throws WalkError if the domain refuses. */
function walk(spec: Spec, createdDay: number, policyOf: (districtId: string, year: number) => Policy, city: City): Walked {
  const calendar = defaultCalendar;
  const community = spec.community;
  const place = { communityId: community.id, streetId: community.streetId, districtId: community.districtId };
  const worker = city.workers[community.index].openid;
  const reviewer = city.streetReviewers.find((s) => s.grants[0].scopeId === community.streetId)!.openid;

  let day = dateOfDayNumber(createdDay);
  let lastMs = msOf(day, spec.submitMinute) + spec.jitter[0];
  const createdAt = new Date(lastMs).toISOString();
  const submitted = submitProposal(
    {
      title: spec.title,
      category: spec.category,
      location: spec.location,
      description: spec.description,
      source: spec.source,
      libraryEntryId: spec.libraryEntry?.id,
      photos: [],
    },
    { id: spec.id, createdAt, today: day, place, proposer: spec.proposer, submitter: spec.submitter },
  );
  if (!submitted.ok) throw new WalkError(`submit refused: ${submitted.error.message}`);
  let record: ProposalRecord = spec.libraryEntry
    ? { ...submitted.record, libraryTemplate: { plan: spec.libraryEntry.plan, budgetLines: spec.libraryEntry.budgetLines } }
    : submitted.record;
  const audit: AuditDraft[] = [
    { chainId: spec.id, at: createdAt, actor: spec.proposer.openid, action: 'proposal.submit', from: null, to: 'submitted', detail: { event: 'ProposalSubmitted', source: record.source } },
  ];
  const ledgerMoves: LedgerMove[] = [];
  const changes: Walked['changes'] = [];
  let meeting: Walked['meeting'] = null;
  let publishMs: number | null = null;
  let completeMs: number | null = null;
  let evaluateMs: number | null = null;
  let assignMs: number | null = null;
  let withdrawnMs: number | null = null;
  let pendingChange: ChangeRecord | null = null;

  let step = 0;
  const apply = (action: string, command: Command, actor: string, minute: number) => {
    step += 1;
    const ms = Math.max(msOf(day, minute) + spec.jitter[step], lastMs + MINUTE_MS);
    lastMs = ms;
    const at = new Date(ms).toISOString();
    const policy = policyOf(record.districtId, record.budgetYear ?? yearOf(day));
    const result = transition(record, command, { today: day, calendar, policy });
    if (!result.ok) throw new WalkError(`${action} on ${day} refused: ${result.error.code} ${result.error.message}`);
    // The store bumps the version with every write (optimistic concurrency).
    record = { ...result.record, version: record.version + 1 };
    const context = { caller: { openid: actor }, at } as unknown as UseCaseContext;
    const effects = effectsOf(result.events, result.record, action, context);
    audit.push(...effects.audit);
    ledgerMoves.push(...effects.ledgerMoves);
    for (const change of effects.changes) changes.push({ change, at });
    return { ms, at };
  };

  const sideActor = () => {
    const policy = policyOf(record.districtId, record.budgetYear ?? yearOf(day));
    const side = record.implementation?.side ?? implementerSide(policy, record.category, record.approvedBudgetFen!);
    return side === 'street' ? reviewer : worker;
  };

  spec.stages.forEach((stage, i) => {
    day = addDays(day, spec.gaps[i]);
    const minute = spec.minutes[i];
    switch (stage) {
      case 'screen':
        apply(
          'proposal.screen',
          spec.adopt
            ? { action: 'proposal.screen', adopt: true }
            : { action: 'proposal.screen', adopt: false, exclusion: spec.exclusion, explanation: '经研究，该事项不属于民生微实事资助范围，社区已转交相关单位跟进处理。' },
          worker,
          minute,
        );
        break;
      case 'draft':
        apply('proposal.draftReport', { action: 'proposal.draftReport', ...spec.report }, worker, minute);
        break;
      case 'agenda': {
        const meetingOn = addDays(earliestMeetingOn(day, calendar).on, spec.meetingSlack);
        const id = `m-${fnvHex16(`${community.id}:${meetingOn}`)}`;
        const { at } = apply('council.publishAgenda', { action: 'council.publishAgenda', meetingId: id, meetingOn }, worker, minute);
        meeting = { id, meetingOn, publishedOn: day, at };
        break;
      }
      case 'vote':
        // The council votes on its meeting day (or the day after, when the minutes are typed in).
        day = addDays(record.meetingOn!, spec.gaps[i]);
        apply('council.recordVote', { action: 'council.recordVote', ...spec.vote }, worker, minute);
        break;
      case 'toStreet':
        apply('proposal.submitToStreet', { action: 'proposal.submitToStreet' }, worker, minute);
        break;
      case 'decide': {
        const budget = record.report!.budgetFen;
        const approvedBudgetFen = Math.max(100, Math.round((budget * spec.approvedShare) / 100) * 100);
        const command: Command =
          spec.outcome === 'approved'
            ? { action: 'review.decide', outcome: 'approved', approvedBudgetFen }
            : spec.outcome === 'rejected'
              ? { action: 'review.decide', outcome: 'rejected', reason: '经街道审核，该项目与已安排的政府投资项目重复，不予立项。' }
              : { action: 'review.decide', outcome: 'transferred', reason: '该事项属职能部门职责范围，转交办理。', department: spec.department };
        apply('review.decide', command, reviewer, minute);
        break;
      }
      case 'publish':
        publishMs = apply('publicity.publish', { action: 'publicity.publish' }, worker, minute).ms;
        break;
      case 'assign': {
        day = addDays(record.publicity!.endsOn.on, spec.gaps[i]);
        const policy = policyOf(record.districtId, record.budgetYear!);
        const tenderRef = tenderRequired(policy, record.approvedBudgetFen!) ? `SZZB-${yearOf(day)}-${spec.id.slice(2, 8).toUpperCase()}` : undefined;
        assignMs = apply('implementation.assign', { action: 'implementation.assign', implementer: spec.implementer, assignedOn: day, tenderRef }, sideActor(), minute).ms;
        break;
      }
      case 'start':
        apply('implementation.start', { action: 'implementation.start', startedOn: day }, sideActor(), minute);
        break;
      case 'complete':
        completeMs = apply(
          'implementation.complete',
          { action: 'implementation.complete', completedOn: day, maintenanceUnit: spec.maintenance.unit, maintenanceFunding: spec.maintenance.funding },
          sideActor(),
          minute,
        ).ms;
        break;
      case 'evaluate':
        evaluateMs = apply('evaluation.publish', { action: 'evaluation.publish', summary: '居民满意度较高，项目达到预期效果，建议在其他社区推广。' }, worker, minute).ms;
        break;
      case 'audit': {
        const spentFen = Math.round((record.approvedBudgetFen! * spec.spentShare) / 100) * 100;
        apply('audit.publish', { action: 'audit.publish', auditor: spec.auditor, spentFen, report: '资金使用规范，结余资金已按规定退回。' }, reviewer, minute);
        break;
      }
      case 'withdrawRequest': {
        const changeId = `ch-${fnvHex16(spec.id)}`;
        apply('change.request', { action: 'change.request', changeId, kind: 'withdraw', reason: '居民意见分歧较大，经议事会研究决定撤销该项目。' }, worker, minute);
        pendingChange = changes[changes.length - 1].change;
        break;
      }
      case 'withdrawApply': {
        const decided = decideChange(pendingChange!, { approve: true, reason: '同意撤销，释放已批复资金。' }, day);
        if (!decided.ok) throw new WalkError(`change decision refused: ${decided.error.message}`);
        // effectsOf hands the decided change back: the store saves it over the pending one (same id).
        withdrawnMs = apply('change.apply', { action: 'change.apply', change: decided.value }, reviewer, minute).ms;
        break;
      }
    }
  });

  // Comments are taken while the proposal stands in publicity: until 24:00 of the window's last
  // day, or until it moved on (assigned, withdrawn) if that came first.
  const windowEndMs = record.publicity
    ? Math.min(msOf(addDays(record.publicity.endsOn.on, 1), 0) - MINUTE_MS, assignMs ?? Number.POSITIVE_INFINITY, withdrawnMs ?? Number.POSITIVE_INFINITY)
    : null;
  const rateable = RATEABLE.includes(record.state);
  return {
    record,
    finalDay: dayNumberOf(day),
    finalMs: lastMs,
    audit,
    ledgerMoves,
    changes,
    meeting,
    publishMs,
    windowEndMs,
    completeMs: rateable ? completeMs : null,
    ratingEndMs: rateable ? (evaluateMs ?? Number.POSITIVE_INFINITY) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The store file

export interface StoreInfo {
  file: string;
  params: CityParams;
  /** Null when the store came from the cache. */
  generatedMs: number | null;
  bytes: number;
}

/** The schema's version and a digest of every migration's SQL: a changed schema makes a new store. */
function schemaKey(): string {
  const digest = createHash('sha256').update(migrations.map((m) => `${m.version}:${m.sql}`).join('\n')).digest('hex').slice(0, 8);
  return `${migrations[migrations.length - 1].version}-${digest}`;
}

export function storeFileFor(params: CityParams): string {
  const now = params.now.replace(/[^0-9]/g, '').slice(0, 12);
  const name = [
    'city',
    `p${params.proposals}`,
    `c${params.comments}`,
    `r${params.ratings}`,
    `n${params.communities}`,
    `u${params.residentsPerCommunity}`,
    `l${params.libraryEntries}`,
    `s${params.seed}`,
    `t${now}`,
    `g${GENERATOR_VERSION}`,
    `m${schemaKey()}`,
  ].join('-');
  return path.join(DATA_DIR, `${name}.db`);
}

/** Every text the generator writes is one the local content check lets through, as it would have. */
async function checkTexts(): Promise<void> {
  const check = new LocalContentCheck();
  const texts = [
    ...IDEAS.flatMap((idea) => [idea.item, idea.need, idea.overview, idea.plan, ...idea.lines]),
    ...PLACES,
    ...COMMENTS,
    ...REPLIES,
    ...RATING_TEXTS,
    ...IMPLEMENTERS,
    ...DEPARTMENTS,
  ];
  for (const text of texts) {
    const verdict = await check.check(text);
    if (verdict !== 'pass') throw new Error(`bench text would not pass the content check (${verdict}): ${text}`);
  }
}

/** The cached store of these parameters, generated first when missing. */
export async function ensureStore(params: CityParams, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<StoreInfo> {
  const log = options.log ?? ((line: string) => console.log(line));
  const file = storeFileFor(params);
  if (!options.force && existsSync(file)) return { file, params, generatedMs: null, bytes: statSync(file).size };
  await checkTexts();
  mkdirSync(DATA_DIR, { recursive: true });
  const started = Date.now();
  const temp = `${file}.tmp-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  try {
    generate(params, temp, log);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    throw error;
  }
  renameSync(temp, file);
  const generatedMs = Date.now() - started;
  log(`[generate] ${path.basename(file)}: ${(statSync(file).size / 1e6).toFixed(0)} MB in ${(generatedMs / 1000).toFixed(1)} s`);
  return { file, params, generatedMs, bytes: statSync(file).size };
}

function generate(params: CityParams, file: string, log: (line: string) => void): void {
  const t0 = Date.now();
  const lap = (label: string) => log(`[generate]   ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  // The schema comes from the real migrations.
  const created = openSqliteStore({ file });
  void created.close();
  const db = new Database(file);
  // The search indexes' triggers (migration 20) call this function on every proposal written.
  registerSearchFunctions(db);
  // Bench tooling: a throwaway file written once, so no journal and no fsync while filling it.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  // A page cache as large as the 100k file: random inserts into the big indexes stay in memory.
  db.pragma('cache_size = -3000000');
  db.pragma('temp_store = MEMORY');
  db.pragma('locking_mode = EXCLUSIVE');

  const city = buildCity(params);
  const random = rng(params.seed ^ 0x5eed);
  const nowMs = Date.parse(params.now);
  const nowDay = dayNumberOf(shanghaiDateOf(nowMs));
  const firstYear = yearOf(dateOfDayNumber(nowDay - 1400));
  const lastYear = yearOf(dateOfDayNumber(nowDay));
  const policyCache = new Map<string, Policy>();
  const policyOf = (districtId: string, year: number): Policy => {
    const key = `${districtId}:${year}`;
    let policy = policyCache.get(key);
    if (!policy) {
      policy = { ...defaultPolicy(districtId, year), quotaFen: BENCH_QUOTA_FEN };
      policyCache.set(key, policy);
    }
    return policy;
  };
  const genesisAt = new Date(msOf(`${firstYear}-01-02`, 540)).toISOString();

  const insert = {
    district: db.prepare('INSERT INTO districts (id, name, sort_order) VALUES (?, ?, ?)'),
    street: db.prepare('INSERT INTO streets (id, district_id, name, sort_order) VALUES (?, ?, ?, ?)'),
    community: db.prepare('INSERT INTO communities (id, street_id, name, sort_order) VALUES (?, ?, ?, ?)'),
    user: db.prepare('INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    grant: db.prepare('INSERT INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)'),
    policy: db.prepare(
      `INSERT INTO policies (district_id, year, quota_fen, fee_ratio_percent, street_threshold_works_fen, street_threshold_goods_fen,
         street_threshold_services_fen, tender_threshold_fen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ledger: db.prepare('INSERT INTO ledgers (community_id, year, quota_fen, allocated_fen, approved_fen, spent_fen) VALUES (?, ?, ?, ?, ?, ?)'),
    library: db.prepare(
      'INSERT INTO library_entries (id, title, category, plan, budget_lines, scope_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    proposal: db.prepare(
      `INSERT INTO proposals (id, community_id, street_id, district_id, state, proposer_openid, created_at, open_deadline_on, missing_docs,
         budget_year, approved_budget_fen, version, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    counters: db.prepare(
      `UPDATE proposals SET comment_count = ?, rating_count = ?, rating_sum = ?, rating_1 = ?, rating_2 = ?, rating_3 = ?, rating_4 = ?, rating_5 = ?
       WHERE id = ?`,
    ),
    idempotency: db.prepare('INSERT INTO idempotency (openid, action, request_id, record_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    meeting: db.prepare('INSERT INTO meetings (id, community_id, meeting_on, proposal_ids, published_on, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    change: db.prepare('INSERT OR REPLACE INTO changes (id, proposal_id, state, record, created_at) VALUES (?, ?, ?, ?, ?)'),
    comment: db.prepare(
      `INSERT INTO comments (id, proposal_id, author_openid, author_name, text, status, reply_text, reply_openid, replied_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    rating: db.prepare('INSERT INTO ratings (proposal_id, openid, stars, text, updated_at) VALUES (?, ?, ?, ?, ?)'),
    audit: db.prepare(
      `INSERT INTO audit_entries (chain_id, seq, at, actor, action, from_state, to_state, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const appendChain = (drafts: AuditDraft[]) => {
    let prevHash = GENESIS_HASH;
    drafts.forEach((draft, index) => {
      const seq = index + 1;
      const hash = hashEntry(prevHash, { ...draft, seq });
      insert.audit.run(draft.chainId, seq, draft.at, draft.actor, draft.action, draft.from, draft.to, JSON.stringify(draft.detail), prevHash, hash);
      prevHash = hash;
    });
  };

  db.transaction(() => {
    // Directory, people, policies.
    city.districts.forEach((d) => insert.district.run(d.id, d.name, d.index));
    city.streets.forEach((s) => insert.street.run(s.id, s.districtId, s.name, s.index));
    city.communities.forEach((c) => insert.community.run(c.id, c.streetId, c.name, c.index));
    // Residents joined (me.join), staff were granted their role by the scope above (role.grant):
    // each has the one-entry chain the use case writes, over the first months of the system.
    const granterOf = (scopeId: string, role: string): string | null => {
      if (role === 'district') return city.cityOfficer.openid;
      if (role === 'street') return city.districtOfficers.find((d) => d.grants[0].scopeId === city.streets.find((x) => x.id === scopeId)!.districtId)!.openid;
      if (role === 'community') return city.streetReviewers.find((r) => r.grants[0].scopeId === city.communities.find((c) => c.id === scopeId)!.streetId)!.openid;
      return null;
    };
    for (const user of allUsers(city)) {
      const joinedAt = new Date(Date.parse(genesisAt) + Math.floor(random() * 300 * DAY_MS)).toISOString();
      insert.user.run(user.openid, user.name, user.communityId, joinedAt, joinedAt);
      for (const grant of user.grants) {
        const granter = grant.role === 'resident' ? user.openid : granterOf(grant.scopeId, grant.role);
        insert.grant.run(user.openid, grant.role, grant.scopeId, granter, joinedAt);
        if (grant.role === 'resident') {
          appendChain([{ chainId: `user:${user.openid}`, at: joinedAt, actor: user.openid, action: 'me.join', from: null, to: null, detail: { communityId: grant.scopeId } }]);
        } else if (granter) {
          appendChain([{ chainId: `user:${user.openid}`, at: joinedAt, actor: granter, action: 'role.grant', from: null, to: null, detail: { role: grant.role, scopeId: grant.scopeId } }]);
        }
      }
    }
    for (const district of city.districts) {
      for (let year = firstYear; year <= lastYear + 1; year += 1) {
        const p = policyOf(district.id, year);
        insert.policy.run(p.districtId, p.year, p.quotaFen, p.feeRatioPercent, p.streetThresholdFen.works, p.streetThresholdFen.goods, p.streetThresholdFen.services, p.tenderThresholdFen, genesisAt);
      }
    }
    lap(`directory: ${city.districts.length} districts, ${city.streets.length} streets, ${city.communities.length} communities, ${allUsers(city).length} users`);

    // The project library, curated by the districts.
    const library: LibraryRow[] = [];
    for (let i = 0; i < params.libraryEntries; i += 1) {
      const idea = IDEAS[i % IDEAS.length];
      const district = city.districts[i % city.districts.length];
      const at = new Date(msOf(dateOfDayNumber(nowDay - 1500 + i * 3), 600)).toISOString();
      const entry: LibraryRow = {
        id: `lib-${hex16(random)}`,
        title: `${idea.item}（标准方案 ${Math.floor(i / IDEAS.length) + 1}）`,
        category: idea.category,
        plan: idea.plan,
        budgetLines: budgetLinesFor(random, idea.lines, idea.category),
        createdAt: at,
        scopeId: district.id,
        createdBy: city.districtOfficers[district.index].openid,
      };
      library.push(entry);
      insert.library.run(entry.id, entry.title, entry.category, entry.plan, JSON.stringify(entry.budgetLines), entry.scopeId, entry.createdBy, entry.createdAt);
      appendChain([{ chainId: `library:${entry.id}`, at, actor: entry.createdBy, action: 'library.add', from: null, to: null, detail: { title: entry.title, category: entry.category, scopeId: entry.scopeId } }]);
    }

    // Proposals, walked by the domain.
    const totalWeight = city.communities.reduce((sum, c) => sum + c.weight, 0);
    const cumulative: number[] = [];
    city.communities.reduce((sum, c) => {
      cumulative.push(sum + c.weight / totalWeight);
      return sum + c.weight / totalWeight;
    }, 0);
    const communityFor = (r: number) => {
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      return city.communities[lo];
    };

    interface Meta {
      id: string;
      community: number;
      state: ProposalState;
      publishMs: number | null;
      windowEndMs: number | null;
      completeMs: number | null;
      ratingEndMs: number | null;
    }
    const metas: Meta[] = [];
    const ledgerDrafts = new Map<string, AuditDraft[]>();
    const ledgerTotals = new Map<string, { approved: number; spent: number }>();
    const meetings = new Map<string, { communityId: string; meetingOn: string; proposalIds: string[]; publishedOn: string; at: string }>();
    const stateCounts = new Map<ProposalState, number>();
    let legacy = 0;
    let attempts = 0;

    for (let i = 0; i < params.proposals; i += 1) {
      const community = communityFor(random());
      const spec = drawSpec(city, i, random, community, library);
      const [minAge, maxAge] = FINAL_STEP_AGE[spec.finalState];
      const target = nowDay - intBetween(random, minAge, maxAge);
      const estimate = spec.gaps.reduce((sum, gap) => sum + gap, 0) + spec.stages.length * 1.5;
      let start = Math.round(target - estimate);
      let walked: Walked | null = null;
      for (let attempt = 0; attempt < 12; attempt += 1) {
        attempts += 1;
        const tried = walk(spec, start, policyOf, city);
        if (tried.finalMs >= nowMs) {
          start -= Math.max(1, tried.finalDay - target);
          continue;
        }
        walked = tried;
        if (tried.finalDay >= target - 10 || attempt >= 3) break;
        start += target - tried.finalDay;
      }
      if (!walked) throw new Error(`could not place proposal ${i} (${spec.finalState}) before the benchmark's day`);
      let { record } = walked;
      if (spec.legacyGap === 'maintenance' && record.implementation) {
        const { maintenanceUnit: _unit, maintenanceFunding: _funding, ...implementation } = record.implementation;
        record = { ...record, implementation };
      } else if (spec.legacyGap === 'vote' && record.vote) {
        const { vote: _vote, ...rest } = record;
        record = rest;
      }
      if (spec.legacyGap && record !== walked.record) legacy += 1;

      const lastDay = dateOfDayNumber(walked.finalDay);
      const policy = policyOf(record.districtId, record.budgetYear ?? yearOf(lastDay));
      const indexing = indexingOf(record, policy, { services: { calendar: defaultCalendar } } as unknown as UseCaseContext);
      const updatedAt = new Date(walked.finalMs).toISOString();
      insert.proposal.run(
        record.id,
        record.communityId,
        record.streetId,
        record.districtId,
        record.state,
        record.proposerOpenid,
        record.createdAt,
        indexing.openDeadlineOn,
        indexing.missingDocuments.join(','),
        record.budgetYear ?? null,
        record.approvedBudgetFen ?? null,
        record.version,
        updatedAt,
        JSON.stringify(record),
      );
      insert.idempotency.run(record.proposerOpenid, 'proposal.submit', spec.requestId, record.id, record.createdAt);
      appendChain(walked.audit.filter((draft) => draft.chainId === record.id));
      for (const draft of walked.audit) {
        if (draft.chainId === record.id) continue;
        const list = ledgerDrafts.get(draft.chainId) ?? [];
        list.push(draft);
        ledgerDrafts.set(draft.chainId, list);
      }
      for (const move of walked.ledgerMoves) {
        if (move.year < firstYear || move.year > lastYear) throw new Error(`ledger move in ${move.year}, outside ${firstYear}..${lastYear}`);
        const key = `${move.communityId}:${move.year}`;
        const totals = ledgerTotals.get(key) ?? { approved: 0, spent: 0 };
        totals.approved += move.approvedDeltaFen;
        totals.spent += move.spentDeltaFen;
        if (totals.approved > BENCH_QUOTA_FEN) throw new Error(`ledger ${key} would pass its allocation`);
        ledgerTotals.set(key, totals);
      }
      for (const { change, at } of walked.changes) insert.change.run(change.id, change.proposalId, change.state, JSON.stringify(change), at);
      if (walked.meeting) {
        const existing = meetings.get(walked.meeting.id);
        if (existing) {
          existing.proposalIds.push(record.id);
          if (walked.meeting.at < existing.at) Object.assign(existing, { at: walked.meeting.at, publishedOn: walked.meeting.publishedOn });
        } else {
          meetings.set(walked.meeting.id, { communityId: community.id, meetingOn: walked.meeting.meetingOn, proposalIds: [record.id], publishedOn: walked.meeting.publishedOn, at: walked.meeting.at });
        }
      }
      stateCounts.set(record.state, (stateCounts.get(record.state) ?? 0) + 1);
      metas.push({
        id: record.id,
        community: community.index,
        state: record.state,
        publishMs: walked.publishMs,
        windowEndMs: walked.windowEndMs === null ? null : Math.min(walked.windowEndMs, nowMs - MINUTE_MS),
        completeMs: walked.completeMs,
        ratingEndMs: walked.ratingEndMs === null ? null : Math.min(walked.ratingEndMs, nowMs - MINUTE_MS),
      });
    }
    lap(`${params.proposals} proposals walked through the domain (${(attempts / Math.max(1, params.proposals)).toFixed(2)} walks each, ${legacy} legacy records with a document missing)`);

    for (const [id, m] of meetings) insert.meeting.run(id, m.communityId, m.meetingOn, JSON.stringify(m.proposalIds), m.publishedOn, m.at);

    // Ledgers: allocated high, approved and spent exactly what the proposals moved; their chains.
    for (const community of city.communities) {
      for (let year = firstYear; year <= lastYear; year += 1) {
        const key = `${community.id}:${year}`;
        const totals = ledgerTotals.get(key) ?? { approved: 0, spent: 0 };
        insert.ledger.run(community.id, year, BENCH_QUOTA_FEN, BENCH_QUOTA_FEN, totals.approved, totals.spent);
        const street = city.streetReviewers.find((s) => s.grants[0].scopeId === community.streetId)!;
        const allocation: AuditDraft = {
          chainId: `ledger:${key}`,
          at: new Date(msOf(`${year}-01-05`, 600)).toISOString(),
          actor: street.openid,
          action: 'ledger.allocate',
          from: null,
          to: null,
          detail: { fromAllocatedFen: 0, toAllocatedFen: BENCH_QUOTA_FEN },
        };
        const moves = (ledgerDrafts.get(`ledger:${key}`) ?? []).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        appendChain([allocation, ...moves]);
      }
    }
    lap(`${meetings.size} meetings, ${city.communities.length * (lastYear - firstYear + 1)} ledgers with their chains`);

    // Comments: on every record that has stood in publicity, during its window.
    // In id order, so that the comment chains ('comments:<id>') go into the audit table's key in order.
    const byId = (a: Meta, b: Meta) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const commentable = metas.filter((m) => m.publishMs !== null && m.windowEndMs !== null && m.windowEndMs > m.publishMs).sort(byId);
    const commentCounts = apportion(params.comments, commentable.map(() => Math.exp(gaussian(random))));
    const published = new Map<string, number>();
    let commentTotal = 0;
    commentable.forEach((meta, k) => {
      const residents = city.residents[meta.community];
      const worker = city.workers[meta.community].openid;
      // The proposal's comment chain (comment.add, comment.moderate, comment.reply), in time order.
      const chain: { ms: number; draft: AuditDraft }[] = [];
      const chainId = `comments:${meta.id}`;
      let count = 0;
      for (let n = 0; n < commentCounts[k]; n += 1) {
        const author = pick(random, residents);
        const createdMs = meta.publishMs! + Math.floor(random() * (meta.windowEndMs! - meta.publishMs!));
        const roll = random();
        // 94 % pass the content check; the rest wait for a worker, who hides half of them within a day.
        const moderatedMs = createdMs + intBetween(random, 30, 24 * 60) * MINUTE_MS;
        const status = roll < 0.94 ? 'published' : roll < 0.97 || moderatedMs >= nowMs ? 'pending' : 'hidden';
        const replyMs = createdMs + intBetween(random, 60, 48 * 60) * MINUTE_MS;
        const replied = status === 'published' && random() < 0.2 && replyMs < nowMs;
        const id = `cm-${hex16(random)}`;
        const requestId = `rq${hex16(random)}`;
        const createdAt = new Date(createdMs).toISOString();
        insert.comment.run(
          id,
          meta.id,
          author.openid,
          author.name,
          pick(random, COMMENTS),
          status,
          replied ? pick(random, REPLIES) : null,
          replied ? worker : null,
          replied ? new Date(replyMs).toISOString() : null,
          createdAt,
        );
        insert.idempotency.run(author.openid, 'comment.add', requestId, id, createdAt);
        const added = { chainId, at: createdAt, actor: author.openid, action: 'comment.add', from: null, to: null };
        chain.push({ ms: createdMs, draft: { ...added, detail: { requestId, status: status === 'published' ? 'published' : 'pending' } } });
        if (status === 'hidden') {
          const at = new Date(moderatedMs).toISOString();
          chain.push({ ms: moderatedMs, draft: { chainId, at, actor: worker, action: 'comment.moderate', from: null, to: null, detail: { commentId: id, status: 'hidden' } } });
        }
        if (replied) {
          const at = new Date(replyMs).toISOString();
          chain.push({ ms: replyMs, draft: { chainId, at, actor: worker, action: 'comment.reply', from: null, to: null, detail: { commentId: id } } });
        }
        if (status === 'published') count += 1;
        commentTotal += 1;
      }
      appendChain(chain.sort((a, b) => a.ms - b.ms).map((entry) => entry.draft));
      published.set(meta.id, count);
    });
    lap(`${commentTotal} comments on ${commentable.length} proposals`);

    // Ratings: residents of the community rate completed projects, until the evaluation.
    const rateable = metas.filter((m) => m.completeMs !== null && m.ratingEndMs !== null && m.ratingEndMs > m.completeMs).sort(byId);
    const ratingCounts = apportion(params.ratings, rateable.map(() => Math.exp(0.7 * gaussian(random))), params.residentsPerCommunity);
    const ratingStats = new Map<string, number[]>();
    const STAR_SHARES = [0.03, 0.08, 0.2, 0.55, 1];
    let ratingTotal = 0;
    rateable.forEach((meta, k) => {
      const residents = city.residents[meta.community];
      const order = residents.map((_, j) => j);
      for (let j = 0; j < ratingCounts[k]; j += 1) {
        const swap = j + Math.floor(random() * (order.length - j));
        [order[j], order[swap]] = [order[swap], order[j]];
      }
      const stats = [0, 0, 0, 0, 0];
      const chain: { ms: number; draft: AuditDraft }[] = [];
      for (let j = 0; j < ratingCounts[k]; j += 1) {
        const rater = residents[order[j]];
        const roll = random();
        const stars = STAR_SHARES.findIndex((share) => roll < share) + 1;
        const updatedMs = meta.completeMs! + Math.floor(random() * (meta.ratingEndMs! - meta.completeMs!));
        const updatedAt = new Date(updatedMs).toISOString();
        insert.rating.run(meta.id, rater.openid, stars, random() < 0.25 ? pick(random, RATING_TEXTS) : null, updatedAt);
        chain.push({ ms: updatedMs, draft: { chainId: `ratings:${meta.id}`, at: updatedAt, actor: rater.openid, action: 'rating.set', from: null, to: null, detail: { stars } } });
        stats[stars - 1] += 1;
        ratingTotal += 1;
      }
      appendChain(chain.sort((a, b) => a.ms - b.ms).map((entry) => entry.draft));
      ratingStats.set(meta.id, stats);
    });
    lap(`${ratingTotal} ratings on ${rateable.length} proposals`);

    // The counters kept on each proposal, so that summaries are O(1).
    for (const meta of metas) {
      const stats = ratingStats.get(meta.id) ?? [0, 0, 0, 0, 0];
      const count = stats.reduce((s, n) => s + n, 0);
      const sum = stats.reduce((s, n, j) => s + n * (j + 1), 0);
      const comments = published.get(meta.id) ?? 0;
      if (comments > 0 || count > 0) insert.counters.run(comments, count, sum, stats[0], stats[1], stats[2], stats[3], stats[4], meta.id);
    }
    const summary = [...stateCounts.entries()].sort((a, b) => b[1] - a[1]).map(([state, n]) => `${state} ${n}`).join(', ');
    lap(`counters set; states: ${summary}`);
    // The subsidy applications' running totals, as the store keeps them (migration 7's own query).
    db.exec(SUBSIDY_TOTALS_FROM_PROPOSALS);
    // Issue 18 (reports): the summary's running figures, as the store keeps them (migration 24's own rebuild).
    rebuildSummaryTotals(db);
  })();

  verifyStore(db, log);
  lap('verified');
  db.pragma('journal_mode = WAL');
  db.close();
}

/** Checks that what the generator wrote is consistent, as the store itself would keep it. */
function verifyStore(db: Database.Database, log: (line: string) => void): void {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const problems: string[] = [];
  const badComments = one(
    `SELECT COUNT(*) FROM proposals p WHERE comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.proposal_id = p.id AND c.status = 'published')`,
  );
  if (badComments) problems.push(`${badComments} proposals with a wrong comment_count`);
  const badRatings = one(
    `SELECT COUNT(*) FROM proposals p WHERE rating_count <> rating_1 + rating_2 + rating_3 + rating_4 + rating_5
       OR rating_sum <> rating_1 + 2 * rating_2 + 3 * rating_3 + 4 * rating_4 + 5 * rating_5
       OR rating_count <> (SELECT COUNT(*) FROM ratings r WHERE r.proposal_id = p.id)
       OR rating_sum <> (SELECT COALESCE(SUM(stars), 0) FROM ratings r WHERE r.proposal_id = p.id)`,
  );
  if (badRatings) problems.push(`${badRatings} proposals with wrong rating counters`);
  const badLedgers = one(
    `SELECT COUNT(*) FROM ledgers l WHERE approved_fen <> (SELECT COALESCE(SUM(approved_budget_fen), 0) FROM proposals p
       WHERE p.community_id = l.community_id AND p.budget_year = l.year AND p.state <> 'withdrawn')`,
  );
  if (badLedgers) problems.push(`${badLedgers} ledgers whose approved total differs from their proposals`);
  const badSubsidy = one(
    `SELECT COUNT(*) FROM (SELECT district_id, budget_year, SUM(state <> 'withdrawn') AS n,
       SUM(CASE WHEN state <> 'withdrawn' THEN approved_budget_fen ELSE 0 END) AS fen
       FROM proposals WHERE budget_year IS NOT NULL GROUP BY district_id, budget_year) p
     LEFT JOIN subsidy_totals t ON t.district_id = p.district_id AND t.year = p.budget_year
     WHERE t.project_count IS NOT p.n OR t.approved_fen IS NOT p.fen`,
  );
  if (badSubsidy) problems.push(`${badSubsidy} district-years whose subsidy totals differ from their proposals`);
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length) problems.push(`${fk.length} foreign key violations`);
  // A sample of hash chains, proposals' and ledgers', verified as `npm run audit:verify` would.
  const chains = db
    .prepare(
      `SELECT id FROM (SELECT id FROM proposals ORDER BY random() LIMIT 200)
       UNION ALL SELECT 'ledger:' || community_id || ':' || year FROM (SELECT * FROM ledgers ORDER BY random() LIMIT 50)
       UNION ALL SELECT 'comments:' || id FROM (SELECT id FROM proposals WHERE comment_count > 0 ORDER BY random() LIMIT 50)
       UNION ALL SELECT 'ratings:' || id FROM (SELECT id FROM proposals WHERE rating_count > 0 ORDER BY random() LIMIT 50)
       UNION ALL SELECT 'user:' || openid FROM (SELECT openid FROM users WHERE openid <> 'u-city' ORDER BY random() LIMIT 50)`,
    )
    .pluck()
    .all() as string[];
  const trail = db.prepare('SELECT * FROM audit_entries WHERE chain_id = ? ORDER BY seq');
  for (const chainId of chains) {
    const entries = (trail.all(chainId) as Record<string, any>[]).map(
      (row): AuditEntry => ({
        chainId: row.chain_id,
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        from: row.from_state,
        to: row.to_state,
        detail: JSON.parse(row.detail),
        prevHash: row.prev_hash,
        hash: row.hash,
      }),
    );
    const broken = entries.length === 0 ? { reason: 'no entries' } : verifyChain(entries);
    if (broken) problems.push(`audit chain ${chainId} broken: ${broken.reason}`);
  }
  if (problems.length) throw new Error(`generated store is inconsistent: ${problems.join('; ')}`);
  log(`[generate]   consistent: comment and rating counters, ledgers, foreign keys, ${chains.length} sampled audit chains`);
}

// `tsx bench/generate.ts [1k|100k|both] [--force]`: make (or refresh) the cached stores.
if (require.main === module) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const which = args.find((a) => !a.startsWith('--')) ?? 'both';
  const sizes = which === '1k' ? [SMALL_SIZE] : which === '100k' ? [CITY_SIZE] : [SMALL_SIZE, CITY_SIZE];
  (async () => {
    for (const params of sizes) {
      const info = await ensureStore(params, { force });
      console.log(`${info.file} (${(info.bytes / 1e6).toFixed(0)} MB${info.generatedMs === null ? ', cached' : ''})`);
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
