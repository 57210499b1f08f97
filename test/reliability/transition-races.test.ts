import { createDispatch } from '../../backend/app/dispatch';
import { defaultCalendar } from '../../backend/domain/calendar';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { recordFigure, scaled } from '../support/reliability-figures';
import { drive, inspect, instantOf, ledgerMismatches, openWorld, PLACES, shanghaiToday, startBefore, UNLIMITED, type World } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 3 (issue 7): two decisions on one proposal race, each through its own server process on
// the shared store. Exactly one wins; the other is told `conflict` (it read the same version) or
// `invalid_state` (it read after the winner), and the proposal's audit trail holds exactly one
// entry for the transition (R-SUP-2). Kinds of race, in turn:
//   screen      — proposal.screen adopt vs not adopt (R-COL-2)
//   review      — review.decide approved vs rejected (R-REV-1..3, R-FUN-1)
//   double      — review.decide approved twice (a double click on two devices)
//   publicity   — publicity.publish twice (R-PUB-1)

const ROUNDS = scaled(20, 1_000);
const PARALLEL_ROUNDS = 10;
const FORCED_ROUNDS = scaled(21, 600);
/** The messages of the store's own refusals (backend/app/proposals.ts commitRefused). */
const AT_COMMIT = ['记录已被他人修改，请刷新后重试', '项目状态已变化，请刷新后重试'];
const PLACE = PLACES.tianxin;
const KINDS = ['screen', 'review', 'double', 'publicity'] as const;
type Kind = (typeof KINDS)[number];
const FROM: Record<Kind, string> = { screen: 'submitted', review: 'street_review', double: 'street_review', publicity: 'approved' };

describe('Figure 3 — racing decisions on one proposal', () => {
  let first: ServerProcess;
  let second: ServerProcess;
  let world: World;

  beforeAll(async () => {
    first = await startServerProcess();
    second = await startServerProcess({ dbFile: first.dbFile });
    world = await openWorld({ file: first.dbFile, seed: 'none' });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it(`R-SUP-2: in ${ROUNDS} rounds of two racing decisions exactly one wins, the other is conflict or invalid_state, and the trail has one entry`, async () => {
    const today = shanghaiToday();
    const perKind = Math.ceil(ROUNDS / KINDS.length);
    const start = startBefore(today, 20);
    const BUDGET = 10_000;
    const pools: Record<Kind, string[]> = {
      screen: (await drive(world, PLACE, 'submitted', { start, count: perKind })).ids,
      review: (await drive(world, PLACE, 'street_review', { start, count: perKind, budgetFen: () => BUDGET })).ids,
      double: (await drive(world, PLACE, 'street_review', { start, count: perKind, budgetFen: () => BUDGET })).ids,
      publicity: [],
    };
    const approved = await drive(world, PLACE, 'approved', { start, count: perKind, budgetFen: () => BUDGET });
    pools.publicity = approved.ids;
    const day = approved.days.approvedOn;
    const apis = [apiAt(first.url), apiAt(second.url)];
    const db = world.store.db;
    const versionOf = db.prepare('SELECT version, state FROM proposals WHERE id = ?');

    const decisions: Record<Kind, [string, string, Record<string, unknown>, Record<string, unknown>]> = {
      screen: [PLACE.worker, 'proposal.screen', { adopt: true }, { adopt: false, exclusion: 'other', explanation: '与已有项目重复' }],
      review: [PLACE.street, 'review.decide', { outcome: 'approved', approvedBudgetFen: BUDGET }, { outcome: 'rejected', reason: '预算不合理' }],
      double: [PLACE.street, 'review.decide', { outcome: 'approved', approvedBudgetFen: BUDGET }, { outcome: 'approved', approvedBudgetFen: BUDGET }],
      publicity: [PLACE.worker, 'publicity.publish', {}, {}],
    };

    let bothWon = 0;
    let noneWon = 0;
    let conflicts = 0;
    let invalidStates = 0;
    let otherLosers = 0;
    let refusedAtCommit = 0;
    let trailWrong = 0;
    let versionWrong = 0;
    const notes: string[] = [];
    const started = Date.now();

    // Rounds run ten at a time: twenty requests in flight keep both processes busy, so that the two
    // decisions of a round often read the same version (the `conflict` path), not one after the other.
    const runRound = async (round: number) => {
      const kind = KINDS[round % KINDS.length];
      const id = pools[kind][Math.floor(round / KINDS.length)];
      const [openid, action, one, two] = decisions[kind];
      const before = versionOf.get(id) as { version: number; state: string };
      // Which process gets which decision alternates, so neither is always first.
      const flip = Math.floor(round / KINDS.length) % 2;
      const answers = await Promise.all([
        apis[flip](openid, day, action, { id, ...one }),
        apis[1 - flip](openid, day, action, { id, ...two }),
      ]);
      const winners = answers.filter((answer) => answer.body.ok);
      if (winners.length === 2) bothWon += 1;
      if (winners.length === 0) noneWon += 1;
      for (const answer of answers.filter((a) => !a.body.ok)) {
        // The store's refusal (commitRefused) has its own words; the domain's names the action.
        if (AT_COMMIT.includes(answer.body.error.message)) refusedAtCommit += 1;
        if (answer.body.error.code === 'conflict' && answer.status === 409) conflicts += 1;
        else if (answer.body.error.code === 'invalid_state' && answer.status === 409) invalidStates += 1;
        else {
          otherLosers += 1;
          if (notes.length < 5) notes.push(`${kind} round ${round + 1}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
        }
      }
      const after = versionOf.get(id) as { version: number; state: string };
      if (after.version !== before.version + 1) versionWrong += 1;
      // The trail, as the community reads it: exactly one entry leaves the state the race started from.
      const trail = await apis[round % 2](PLACE.worker, day, 'audit.trail', { id });
      const leaving = trail.body.ok ? trail.body.data.entries.filter((entry: any) => entry.from === FROM[kind]) : [];
      const winnerTo = winners.length === 1 ? winners[0].body.data.state : null;
      if (leaving.length !== 1 || leaving[0].to !== after.state || (winnerTo !== null && winnerTo !== after.state)) trailWrong += 1;
    };
    for (let from = 0; from < ROUNDS; from += PARALLEL_ROUNDS) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL_ROUNDS, ROUNDS - from) }, (_, offset) => runRound(from + offset)));
    }
    const mismatchedLedgers = ledgerMismatches(inspect(first.dbFile, { readonly: true })).length;

    const pass = bothWon === 0 && noneWon === 0 && otherLosers === 0 && trailWrong === 0 && versionWrong === 0 && mismatchedLedgers === 0;
    recordFigure({
      number: 3,
      name: 'transition races',
      goal: 'exactly one winner per round; the loser conflict or invalid_state; one audit entry for the transition',
      values: {
        servers: 2,
        rounds: ROUNDS,
        'both won': bothWon,
        'none won': noneWon,
        'loser conflict': conflicts,
        'loser invalid_state': invalidStates,
        'loser other': otherLosers,
        'loser stopped at the commit': refusedAtCommit,
        'trail ≠ one entry': trailWrong,
        'version ≠ +1': versionWrong,
        'ledgers ≠ Σ approved': mismatchedLedgers,
        'race seconds': ((Date.now() - started) / 1000).toFixed(1),
      },
      pass,
      notes,
    });
    expect(notes).toEqual([]);
    expect({ bothWon, noneWon, otherLosers, trailWrong, versionWrong, mismatchedLedgers }).toEqual({
      bothWon: 0,
      noneWon: 0,
      otherLosers: 0,
      trailWrong: 0,
      versionWrong: 0,
      mismatchedLedgers: 0,
    });
  }, scaled(120_000, 900_000));
  it(`R-SUP-2: when both decisions have read the same version before either commits (${FORCED_ROUNDS} forced overlaps), the store lets exactly one commit`, async () => {
    const today = shanghaiToday();
    const perKind = Math.ceil(FORCED_ROUNDS / 3);
    const start = startBefore(today, 45);
    const BUDGET = 10_000;
    const pools = {
      screen: (await drive(world, PLACE, 'submitted', { start, count: perKind })).ids,
      review: (await drive(world, PLACE, 'street_review', { start, count: perKind, budgetFen: () => BUDGET })).ids,
      start: [] as string[],
    };
    const implementing = await drive(world, PLACE, 'implementing', { start, count: perKind, budgetFen: () => BUDGET });
    pools.start = implementing.ids;
    const { approvedOn, assignedOn } = implementing.days;

    // The same store, but every commit waits until both decisions of the round have reached it:
    // the interleaving that two processes produce only now and then, made to happen every round.
    let waiting: (() => void)[] = [];
    let commits = 0;
    const store = world.store;
    const overlapping = Object.create(store) as typeof store;
    overlapping.commitTransitions = async (batch) => {
      commits += 1;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 2) {
          waiting.forEach((release) => release());
          waiting = [];
        }
      });
      return store.commitTransitions(batch);
    };
    const dispatch = createDispatch({ store: overlapping, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), photos: new StoredPhotos(overlapping), limits: UNLIMITED, logError: () => undefined });

    let oneWinner = 0;
    let bothReachedCommit = 0;
    let conflicts = 0;
    let invalidStates = 0;
    let other = 0;
    let sameStateNotConflict = 0;
    let trailWrong = 0;
    const notes: string[] = [];
    for (let round = 0; round < FORCED_ROUNDS; round += 1) {
      const kind = (['screen', 'review', 'start'] as const)[round % 3];
      const id = pools[kind][Math.floor(round / 3)];
      const [openid, action, day, one, two, from] =
        kind === 'screen'
          ? [PLACE.worker, 'proposal.screen', approvedOn, { adopt: true }, { adopt: false, exclusion: 'other', explanation: '重复' }, 'submitted']
          : kind === 'review'
            ? [PLACE.street, 'review.decide', approvedOn, { outcome: 'approved', approvedBudgetFen: BUDGET }, { outcome: 'rejected', reason: '不合理' }, 'street_review']
            : [PLACE.worker, 'implementation.start', assignedOn, { startedOn: assignedOn }, { startedOn: assignedOn }, 'implementing'];
      const trailBefore = (await store.auditTrail(id)).length;
      commits = 0;
      const at = instantOf(day);
      const answers = await Promise.all([dispatch(action, { id, ...one }, { openid }, at), dispatch(action, { id, ...two }, { openid }, at)]);
      if (commits === 2) bothReachedCommit += 1;
      if (answers.filter((a) => a.answer.ok).length === 1) oneWinner += 1;
      for (const { answer, status } of answers) {
        if (answer.ok) continue;
        if (answer.error.code === 'conflict' && status === 409) conflicts += 1;
        else if (answer.error.code === 'invalid_state' && status === 409) {
          invalidStates += 1;
          // implementation.start keeps the state: only the version tells the two apart.
          if (kind === 'start') sameStateNotConflict += 1;
        } else {
          other += 1;
          if (notes.length < 5) notes.push(`${kind} round ${round + 1}: ${status} ${JSON.stringify(answer.error)}`);
        }
      }
      const trail = await store.auditTrail(id);
      const added = trail.slice(trailBefore).filter((entry) => entry.from === from);
      if (trail.length !== trailBefore + 1 || added.length !== 1) trailWrong += 1;
    }
    const mismatchedLedgers = ledgerMismatches(store.db).length;
    const pass =
      oneWinner === FORCED_ROUNDS && bothReachedCommit === FORCED_ROUNDS && other === 0 && sameStateNotConflict === 0 && trailWrong === 0 && mismatchedLedgers === 0;
    recordFigure({
      number: 3,
      name: 'transition races, forced overlap',
      goal: 'both decisions read the same version and reach the commit: exactly one commits, the other conflict (same state) or invalid_state (state moved), one audit entry',
      values: {
        rounds: FORCED_ROUNDS,
        'both reached commit': bothReachedCommit,
        'one winner': oneWinner,
        'loser conflict': conflicts,
        'loser invalid_state': invalidStates,
        'loser other': other,
        'same state but not conflict': sameStateNotConflict,
        'trail ≠ +1 entry': trailWrong,
        'ledgers ≠ Σ approved': mismatchedLedgers,
      },
      pass,
      notes,
    });
    expect(notes).toEqual([]);
    expect({ oneWinner, bothReachedCommit, sameStateNotConflict, trailWrong, mismatchedLedgers }).toEqual({
      oneWinner: FORCED_ROUNDS,
      bothReachedCommit: FORCED_ROUNDS,
      sameStateNotConflict: 0,
      trailWrong: 0,
      mismatchedLedgers: 0,
    });
  }, scaled(60_000, 300_000));
});
