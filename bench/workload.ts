/**
 * What the benchmark asks: for each action, a list of requests (payload and caller) drawn from
 * the store itself, so that every request names records that exist and a caller who may ask.
 * Reads are drawn once per store and sent in the same order to both doors; writes are drawn from
 * the work copy they will change.
 */
import Database from 'better-sqlite3';
import { encodeCursor } from '../backend/app/cursor';
import { yearOf, shanghaiDateOf } from '../backend/domain/calendar';
import { PROPOSAL_STATES } from '../common/glossary';
import { rng, type City, type Random } from './city';
import type { Target } from './targets';
import { COMMENTS, IDEAS, PLACES, RATING_TEXTS } from './texts';

export interface BenchRequest {
  payload: Record<string, unknown>;
  openid: string | null;
}

export interface Scenario {
  /** Unique within the run, e.g. `proposal.list · street`. */
  key: string;
  action: string;
  variant: string;
  kind: 'read' | 'write';
  /** A paginated list: its p95 must not grow with the store (ratio 100k/1k ≤ 1.5). */
  list: boolean;
  requests: BenchRequest[];
}

interface ProposalSample {
  id: string;
  community_id: string;
  street_id: string;
  district_id: string;
  state: string;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const communityIndexOf = (communityId: string) => Number(communityId.slice(2)) - 1;

function residentOf(city: City, communityId: string, random: Random): string {
  const residents = city.residents[communityIndexOf(communityId)];
  return residents[Math.floor(random() * residents.length)].openid;
}

function workerOf(city: City, communityId: string): string {
  return city.workers[communityIndexOf(communityId)].openid;
}

function reviewerOf(city: City, streetId: string): string {
  return city.streetReviewers.find((user) => user.grants[0].scopeId === streetId)!.openid;
}

function officerOf(city: City, districtId: string): string {
  return city.districtOfficers.find((user) => user.grants[0].scopeId === districtId)!.openid;
}

function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** The benchmark's "today" and year, from its clock. */
export function benchDay(now: Date): { today: string; year: number } {
  const today = shanghaiDateOf(now.getTime());
  return { today, year: yearOf(today) };
}

/**
 * The read scenarios of one store. Cursors for later pages are asked of `prepare` (the real
 * dispatch, untimed), the way a page gets them.
 */
export async function readScenarios(file: string, city: City, now: Date, prepare: Target, samples = 400): Promise<Scenario[]> {
  const random = rng(city.params.seed ^ 0xbe4c);
  const { year } = benchDay(now);
  const db = openReadOnly(file);
  const some = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as ProposalSample[];
  const proposals = some(`SELECT id, community_id, street_id, district_id, state FROM proposals ORDER BY random() LIMIT ${samples}`);
  const proposers = db
    .prepare(`SELECT DISTINCT proposer_openid FROM (SELECT proposer_openid FROM proposals WHERE proposer_openid LIKE 'u-r-%' ORDER BY random() LIMIT ${samples})`)
    .pluck()
    .all() as string[];
  const talked = some(`SELECT id, community_id, street_id, district_id, state FROM proposals WHERE comment_count > 40 ORDER BY random() LIMIT ${samples}`);
  const busiest = some(`SELECT id, community_id, street_id, district_id, state FROM proposals ORDER BY comment_count DESC LIMIT 50`);
  const rated = some(`SELECT id, community_id, street_id, district_id, state FROM proposals WHERE rating_count > 0 ORDER BY random() LIMIT ${samples}`);
  const finished = some(
    `SELECT id, community_id, street_id, district_id, state FROM proposals WHERE state IN ('completed', 'evaluated', 'audited') ORDER BY random() LIMIT ${samples}`,
  );
  // Deep pages: a cursor between 40% and 60% down the city-wide list, as a reader who paged that
  // far would hold it (the cursor is the last item's createdAt and id).
  // proposal search (issue 17): what residents type — pieces of real titles, descriptions and places.
  const texts = db
    .prepare(`SELECT json_extract(record, '$.title') || json_extract(record, '$.location') || json_extract(record, '$.description') FROM proposals ORDER BY random() LIMIT ${samples}`)
    .pluck()
    .all() as string[];
  const total = db.prepare('SELECT COUNT(*) FROM proposals').pluck().get() as number;
  const at = db.prepare('SELECT created_at AS createdAt, id FROM proposals ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?');
  const deepCursors = Array.from({ length: 50 }, () => encodeCursor(at.get(Math.floor(total * (0.4 + random() * 0.2))) as { createdAt: string; id: string }));
  db.close();
  if (talked.length === 0 || rated.length === 0 || finished.length === 0) throw new Error('the store has no commented, rated or finished proposals to read');

  const anyone = (p: ProposalSample) => residentOf(city, p.community_id, random);
  const scenarios: Scenario[] = [];
  const read = (action: string, variant: string, list: boolean, requests: BenchRequest[]) =>
    scenarios.push({ key: `${action} · ${variant}`, action, variant, kind: 'read', list, requests });

  read('proposal.get', 'by id', false, proposals.map((p) => ({ payload: { id: p.id }, openid: anyone(p) })));
  read('proposal.list', 'community', true, proposals.map((p) => ({ payload: { communityId: p.community_id }, openid: anyone(p) })));
  read('proposal.list', 'street', true, proposals.map((p) => ({ payload: { streetId: p.street_id }, openid: anyone(p) })));
  read('proposal.list', 'district', true, proposals.map((p) => ({ payload: { districtId: p.district_id }, openid: null })));
  read('proposal.list', 'state in district', true, proposals.map((p) => ({ payload: { districtId: p.district_id, state: p.state }, openid: null })));
  read(
    'proposal.list',
    'state, city-wide',
    true,
    proposals.map((p, i) => ({ payload: { state: i % 3 === 0 ? PROPOSAL_STATES[i % PROPOSAL_STATES.length] : p.state }, openid: anyone(p) })),
  );
  read('proposal.list', 'mine', true, proposers.map((openid) => ({ payload: { mine: true }, openid })));
  // proposal search (issue 17): a substring of 3–6 characters, one of 1–2, and a filtered search.
  const pieceOf = (text: string, min: number, max: number) => {
    const chars = Array.from(text.replace(/\s/g, ''));
    const length = Math.min(chars.length, min + Math.floor(random() * (max - min + 1)));
    const start = Math.floor(random() * Math.max(1, chars.length - length + 1));
    return chars.slice(start, start + length).join('');
  };
  read('proposal.list', 'search city-wide, q of 3–6 characters', false, texts.map((text) => ({ payload: { q: pieceOf(text, 3, 6) }, openid: null })));
  read('proposal.list', 'search city-wide, q of 1–2 characters', false, texts.map((text) => ({ payload: { q: pieceOf(text, 1, 2) }, openid: null })));
  read(
    'proposal.list',
    'search in district, q + states + category + year',
    false,
    proposals.map((p, i) => ({
      payload: { districtId: p.district_id, q: pieceOf(texts[i % texts.length], 2, 4), states: [p.state, 'audited'], category: ['works', 'goods', 'services'][i % 3], year: year - (i % 3) },
      openid: null,
    })),
  );

  // Later pages: the cursor of the page before, as the page got it.
  const pageAfter = async (action: string, payload: Record<string, unknown>, openid: string | null, pages: number) => {
    let cursor: string | undefined;
    for (let page = 1; page < pages; page += 1) {
      const { reply } = await prepare.call(action, cursor ? { ...payload, cursor } : payload, openid, now);
      if (!reply.answer.ok) throw new Error(`preparing ${action}: ${JSON.stringify(reply.answer.error)}`);
      cursor = reply.answer.data.nextCursor ?? undefined;
      if (!cursor) return null;
    }
    return { ...payload, cursor };
  };
  const secondPages: BenchRequest[] = [];
  for (const p of proposals.slice(0, 200)) {
    const openid = anyone(p);
    const payload = await pageAfter('proposal.list', { streetId: p.street_id }, openid, 2);
    if (payload) secondPages.push({ payload, openid });
  }
  read('proposal.list', 'street, page 2 (cursor)', true, secondPages);

  read('proposal.list', 'city-wide, deep page (cursor mid-list)', true, deepCursors.map((cursor) => ({ payload: { cursor }, openid: null })));

  read('comment.list', 'first page', true, talked.map((p) => ({ payload: { proposalId: p.id }, openid: anyone(p) })));
  read('comment.list', 'first page, 50 most-commented', true, busiest.map((p) => ({ payload: { proposalId: p.id }, openid: anyone(p) })));
  const laterPages: BenchRequest[] = [];
  for (const p of talked.slice(0, 200)) {
    const openid = anyone(p);
    const payload = await pageAfter('comment.list', { proposalId: p.id }, openid, 3);
    if (payload) laterPages.push({ payload, openid });
  }
  read('comment.list', 'page 3 (cursor)', true, laterPages);

  read('rating.summary', 'rated project', false, rated.map((p) => ({ payload: { proposalId: p.id }, openid: anyone(p) })));
  read('ledger.get', 'community, this year', false, proposals.map((p) => ({ payload: { communityId: p.community_id, year }, openid: null })));
  read(
    'me.get',
    'resident or staff',
    false,
    proposals.map((p, i) => ({ payload: {}, openid: i % 4 === 0 ? workerOf(city, p.community_id) : i % 4 === 1 ? reviewerOf(city, p.street_id) : anyone(p) })),
  );
  read('directory.get', '680 communities', false, proposals.slice(0, 50).map(() => ({ payload: {}, openid: null })));
  read('policy.get', 'district, this year', false, proposals.map((p) => ({ payload: { districtId: p.district_id, year }, openid: null })));
  read('library.list', 'first page', true, proposals.slice(0, 50).map(() => ({ payload: {}, openid: null })));
  read('oversight.overdue', 'street', true, proposals.map((p) => ({ payload: { scopeId: p.street_id }, openid: reviewerOf(city, p.street_id) })));
  read('oversight.overdue', 'district', true, proposals.map((p) => ({ payload: { scopeId: p.district_id }, openid: officerOf(city, p.district_id) })));
  read('oversight.checklist', 'street', true, proposals.map((p) => ({ payload: { scopeId: p.street_id }, openid: reviewerOf(city, p.street_id) })));
  read('oversight.checklist', 'district', true, proposals.map((p) => ({ payload: { scopeId: p.district_id }, openid: officerOf(city, p.district_id) })));
  read('audit.trail', 'finished project', false, finished.map((p) => ({ payload: { id: p.id }, openid: workerOf(city, p.community_id) })));
  read(
    'subsidy.application',
    'district, this year',
    false,
    shuffle(random, [...city.districts]).map((d) => ({ payload: { year, districtId: d.id }, openid: officerOf(city, d.id) })),
  );
  // Issue 18 (reports): R-RPT-1, a district's summary of the year from the running totals.
  read(
    'report.summary',
    'district, this year',
    false,
    shuffle(random, [...city.districts]).map((d) => ({ payload: { scopeId: d.id, year }, openid: officerOf(city, d.id) })),
  );
  for (const scenario of scenarios) shuffle(random, scenario.requests);
  return scenarios;
}

export type WriteAction = 'comment.add' | 'rating.set' | 'proposal.submit' | 'review.decide';

export const WRITE_SCENARIOS: { action: WriteAction; variant: string }[] = [
  { action: 'comment.add', variant: 'publicity window open' },
  { action: 'rating.set', variant: 'completed project' },
  { action: 'proposal.submit', variant: 'resident' },
  { action: 'review.decide', variant: 'approve, allocation room' },
];

/**
 * `count` requests of a write, drawn from the work copy `file` (which they will change). Writes
 * that use up their records (an approval moves its proposal on) answer at most as many requests
 * as there are records; the runner renews the copy for more.
 */
export function writeRequests(action: WriteAction, file: string, city: City, now: Date, count: number, salt: number): BenchRequest[] {
  const random = rng((city.params.seed ^ 0x3717) + salt);
  const { today } = benchDay(now);
  const db = openReadOnly(file);
  try {
    switch (action) {
      case 'comment.add': {
        const open = db
          .prepare(`SELECT id, community_id FROM proposals WHERE state = 'publicity' AND json_extract(record, '$.publicity.endsOn.on') >= ?`)
          .all(today) as { id: string; community_id: string }[];
        if (open.length === 0) throw new Error('no proposal in publicity with its window open');
        // Residents take turns: nobody comes near the limit of 30 comments an hour.
        return Array.from({ length: count }, (_, i) => {
          const proposal = open[i % open.length];
          const residents = city.residents[communityIndexOf(proposal.community_id)];
          const author = residents[(Math.floor(i / open.length) + salt) % residents.length];
          return {
            payload: { proposalId: proposal.id, text: COMMENTS[i % COMMENTS.length], requestId: `bench-${salt}-${i}-${Math.floor(random() * 1e9)}` },
            openid: author.openid,
          };
        });
      }
      case 'rating.set': {
        const completed = db.prepare(`SELECT id, community_id FROM proposals WHERE state = 'completed'`).all() as { id: string; community_id: string }[];
        if (completed.length === 0) throw new Error('no completed proposal');
        return Array.from({ length: count }, () => {
          const proposal = completed[Math.floor(random() * completed.length)];
          const payload: Record<string, unknown> = { proposalId: proposal.id, stars: 1 + Math.floor(random() * 5) };
          if (random() < 0.25) payload.text = RATING_TEXTS[Math.floor(random() * RATING_TEXTS.length)];
          return { payload, openid: residentOf(city, proposal.community_id, random) };
        });
      }
      case 'proposal.submit': {
        // One submission per resident: far from the limit of 5 a day.
        return Array.from({ length: count }, (_, i) => {
          const community = city.communities[(i * 7 + salt) % city.communities.length];
          const resident = city.residents[community.index][(Math.floor(i / city.communities.length) + salt) % city.params.residentsPerCommunity];
          const idea = IDEAS[Math.floor(random() * IDEAS.length)];
          const place = PLACES[Math.floor(random() * PLACES.length)];
          return {
            payload: {
              communityId: community.id,
              title: `${community.name}${place}${idea.item}`.slice(0, 50),
              category: idea.category,
              location: `${community.name}${place}`,
              description: idea.need,
              source: 'resident',
              requestId: `bench-${salt}-${i}-${Math.floor(random() * 1e9)}`,
            },
            openid: resident.openid,
          };
        });
      }
      case 'review.decide': {
        const waiting = db
          .prepare(`SELECT id, street_id, json_extract(record, '$.report.budgetFen') AS budget FROM proposals WHERE state = 'street_review'`)
          .all() as { id: string; street_id: string; budget: number }[];
        return shuffle(random, waiting)
          .slice(0, count)
          .map((p) => ({ payload: { id: p.id, outcome: 'approved', approvedBudgetFen: p.budget }, openid: reviewerOf(city, p.street_id) }));
      }
    }
  } finally {
    db.close();
  }
}
