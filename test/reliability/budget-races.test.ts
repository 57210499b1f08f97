import { seedDemoData } from '../../backend/store/sqlite/sqlite.seed';
import { recordFigure, scaled, seededRandom } from '../support/reliability-figures';
import { changedTables, drive, inspect, ledgerMismatches, openWorld, PLACES, shanghaiToday, snapshot, startBefore, yearOf, type World } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 1 (issue 7): rounds of 50 approvals racing for an allocation that fits fewer of them,
// sent through TWO server processes that share one store file (Decidim's endorsement race,
// CVE-2023-47634, and CONSUL's ballot race #4061 are the bugs this guards against). R-FUN-1: the
// approved budgets of a community-year never pass what is allocated, also when approvals race.
// Both processes also deliver the outbox meanwhile (issue 12): every message exactly once.

const ROUNDS = scaled(3, 200);
const PER_ROUND = 50;
const PLACE = PLACES.tianxin;
const UNIT_FEN = 5_000;

describe('Figure 1 — R-FUN-1: racing approvals through two server processes sharing one store', () => {
  let first: ServerProcess;
  let second: ServerProcess;
  let world: World;
  let proposalsBeforeSecond = -1;
  let proposalsAfterSecond = -2;

  beforeAll(async () => {
    first = await startServerProcess();
    const probe = inspect(first.dbFile, { readonly: true });
    proposalsBeforeSecond = probe.prepare('SELECT COUNT(*) FROM proposals').pluck().get() as number;
    probe.close();
    second = await startServerProcess({ dbFile: first.dbFile });
    const again = inspect(first.dbFile, { readonly: true });
    proposalsAfterSecond = again.prepare('SELECT COUNT(*) FROM proposals').pluck().get() as number;
    again.close();
    // This process prepares the proposals with the real use cases, on the same file, while both servers run.
    world = await openWorld({ file: first.dbFile, seed: 'none' });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('the second server process finds the store seeded and does not seed it again', async () => {
    expect(first.output()).toContain('[store] seeded demo data');
    expect(second.output()).not.toContain('[store] seeded demo data');
    expect(proposalsBeforeSecond).toBeGreaterThan(0);
    expect(proposalsAfterSecond).toBe(proposalsBeforeSecond);
    // And the seed itself skips a seeded store without writing anything.
    const before = snapshot(world.store.db);
    expect(seedDemoData(world.store, { at: new Date().toISOString(), year: 2026 })).toBe(false);
    expect(changedTables(before, snapshot(world.store.db))).toEqual([]);
  });

  it(`R-FUN-1: in each of ${ROUNDS} rounds of ${PER_ROUND} racing approvals the ledger stays within the allocation and equals Σ approved`, async () => {
    const today = shanghaiToday();
    const random = seededRandom(20260601);
    const budgetOf = (round: number, index: number) => UNIT_FEN * (1 + ((index * 7 + round) % 3));
    // Every round's proposals wait in street review, prepared before the races start.
    const rounds: { ids: string[]; budgets: number[] }[] = [];
    let approvedOn = '';
    for (let round = 0; round < ROUNDS; round += 1) {
      const driven = await drive(world, PLACE, 'street_review', {
        start: startBefore(today, 20),
        count: PER_ROUND,
        budgetFen: (index) => budgetOf(round, index),
        title: (index) => `预算竞争 第${round + 1}轮 ${index + 1}`,
      });
      approvedOn = driven.days.approvedOn;
      rounds.push({ ids: driven.ids, budgets: driven.ids.map((_, index) => budgetOf(round, index)) });
    }
    const year = yearOf(approvedOn);
    const apis = [apiAt(first.url), apiAt(second.url)];
    const db = world.store.db;
    const ledgerRow = db.prepare('SELECT allocated_fen AS allocatedFen, approved_fen AS approvedFen FROM ledgers WHERE community_id = ? AND year = ?');
    const stateOf = db.prepare('SELECT state, version, approved_budget_fen AS approvedBudgetFen FROM proposals WHERE id = ?');

    let approvalsSent = 0;
    let won = 0;
    let refusedBudget = 0;
    let otherAnswers = 0;
    let capViolations = 0;
    let ledgerMismatchRounds = 0;
    let apiLedgerMismatches = 0;
    let spuriousRefusals = 0;
    let losersMoved = 0;
    let winnersNotApproved = 0;
    const unexpected: string[] = [];
    const outboxBefore = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM outbox').pluck().get() as number);
    const started = Date.now();

    for (const [round, { ids, budgets }] of rounds.entries()) {
      const before = ledgerRow.get(PLACE.communityId, year) as { allocatedFen: number; approvedFen: number };
      const total = budgets.reduce((sum, fen) => sum + fen, 0);
      // An allocation that fits fewer than all: between one smallest budget and (almost) all of them.
      const headroom = UNIT_FEN + Math.floor(random() * (total - 2 * UNIT_FEN));
      const allocatedFen = before.approvedFen + headroom;
      const allocated = await apis[round % 2](PLACE.street, approvedOn, 'ledger.allocate', { communityId: PLACE.communityId, year, allocatedFen });
      expect(allocated.body).toMatchObject({ ok: true });

      // 50 approvals at once, alternating between the two processes.
      const answers = await Promise.all(
        ids.map((id, index) =>
          apis[index % 2](PLACE.street, approvedOn, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: budgets[index] }),
        ),
      );
      approvalsSent += answers.length;
      const after = ledgerRow.get(PLACE.communityId, year) as { allocatedFen: number; approvedFen: number };
      let roundWonFen = 0;
      const losers: number[] = [];
      answers.forEach((answer, index) => {
        const stored = stateOf.get(ids[index]) as { state: string; version: number; approvedBudgetFen: number | null };
        if (answer.body.ok) {
          won += 1;
          roundWonFen += budgets[index];
          if (stored.state !== 'approved' || stored.approvedBudgetFen !== budgets[index]) winnersNotApproved += 1;
        } else if (answer.body.error.code === 'budget_exceeded' && answer.status === 409) {
          refusedBudget += 1;
          losers.push(budgets[index]);
          if (stored.state !== 'street_review') losersMoved += 1;
        } else {
          otherAnswers += 1;
          unexpected.push(`round ${round + 1}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
        }
      });
      const remainingFen = after.allocatedFen - after.approvedFen;
      if (after.approvedFen > after.allocatedFen || roundWonFen > headroom || after.approvedFen - before.approvedFen !== roundWonFen) capViolations += 1;
      // A refusal is right only if the budget did not fit even at the end of the round (remaining only shrinks).
      spuriousRefusals += losers.filter((fen) => fen <= remainingFen).length;
      if (ledgerMismatches(db).length > 0) ledgerMismatchRounds += 1;
      const view = await apis[(round + 1) % 2](null, approvedOn, 'ledger.get', { communityId: PLACE.communityId, year });
      if (!view.body.ok || view.body.data.approvedFen !== after.approvedFen || view.body.data.remainingFen !== remainingFen) apiLedgerMismatches += 1;
    }

    // Both processes deliver the outbox (each claims what it delivers, once a second, and logs
    // `[outbox] to …` for each message): every message queued by the races is one line in all.
    const queued = db.prepare('SELECT COUNT(*) FROM outbox WHERE id > ?').pluck().get(outboxBefore) as number;
    const unsettled = () => db.prepare('SELECT COUNT(*) FROM outbox WHERE id > ? AND delivered_at IS NULL').pluck().get(outboxBefore) as number;
    for (let waited = 0; unsettled() > 0 && waited < 30_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
    // One more turn of both timers: a second delivery, were there one, would show now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const deliveries = [...first.output().split('\n'), ...second.output().split('\n')].filter((line) => line.startsWith('[outbox] to '));
    const duplicateDeliveries = deliveries.length - new Set(deliveries).size;
    const byFirst = first.output().split('\n').filter((line) => line.startsWith('[outbox] to ')).length;
    const pass =
      capViolations === 0 && ledgerMismatchRounds === 0 && apiLedgerMismatches === 0 && otherAnswers === 0 &&
      spuriousRefusals === 0 && losersMoved === 0 && winnersNotApproved === 0 && won > 0 && refusedBudget > 0 &&
      duplicateDeliveries === 0 && unsettled() === 0;
    recordFigure({
      number: 1,
      name: 'budget races',
      goal: 'cap violations = 0; ledger approved = Σ approved budgets after every round; every answer ok or budget_exceeded; no refusal of a budget that still fit; every outbox message delivered, none twice',
      values: {
        servers: 2,
        rounds: ROUNDS,
        'approvals sent': approvalsSent,
        won,
        'refused budget_exceeded': refusedBudget,
        'other answers': otherAnswers,
        'cap violations': capViolations,
        'rounds with ledger ≠ Σ approved': ledgerMismatchRounds,
        'ledger.get ≠ store': apiLedgerMismatches,
        'refused although it fit': spuriousRefusals,
        'losers moved': losersMoved,
        'winners not approved': winnersNotApproved,
        'race seconds': ((Date.now() - started) / 1000).toFixed(1),
        'outbox messages queued during the races': queued,
        'outbox lines logged (both processes)': deliveries.length,
        'of them by the first process': byFirst,
        'outbox messages logged twice': duplicateDeliveries,
        'outbox messages left undelivered': unsettled(),
      },
      pass,
      notes: unexpected.slice(0, 5),
    });
    expect(unexpected).toEqual([]);
    expect({ capViolations, ledgerMismatchRounds, apiLedgerMismatches, spuriousRefusals, losersMoved, winnersNotApproved }).toEqual({
      capViolations: 0,
      ledgerMismatchRounds: 0,
      apiLedgerMismatches: 0,
      spuriousRefusals: 0,
      losersMoved: 0,
      winnersNotApproved: 0,
    });
    expect(won).toBeGreaterThan(0);
    expect(refusedBudget).toBeGreaterThan(0);
    // Exactly once across the two processes.
    expect({ duplicateDeliveries, undelivered: unsettled() }).toEqual({ duplicateDeliveries: 0, undelivered: 0 });
    expect(deliveries.length).toBeGreaterThanOrEqual(queued);
  }, scaled(180_000, 1_200_000));
});
