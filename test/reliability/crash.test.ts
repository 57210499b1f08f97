import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { recordFigure, scaled, seededRandom } from '../support/reliability-figures';
import { auditMismatches, drive, inspect, ledgerMismatches, openWorld, PLACES, shanghaiToday, startBefore, uniqueRequestId } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 5 (issue 7): the server is killed with SIGKILL in the middle of a write loop — 16
// writers submitting proposals, commenting and approving at once — and restarted on the same
// store file. Then `PRAGMA integrity_check` is ok, every write that was answered ok is there
// (proposal, comment, approval with its ledger move), the ledgers equal Σ approved (R-FUN-1),
// every proposal write has its audit entry, and `npm run audit:verify` passes (R-SUP-2).

const root = path.resolve(__dirname, '../..');
const CYCLES = scaled(1, 5);
const WRITERS = 16;
const APPROVALS_PER_CYCLE = 150;
const PLACE = PLACES.tianxin;
const RATES = { RATE_PROPOSALS_PER_DAY: '1000000', RATE_COMMENTS_PER_HOUR: '1000000' };

type Acked = { kind: 'submit'; id: string } | { kind: 'comment'; id: string } | { kind: 'approve'; id: string; budgetFen: number };

function auditVerify(dbFile: string) {
  return spawnSync('npm', ['run', '--silent', 'audit:verify'], { cwd: root, env: { ...process.env, DB_FILE: dbFile }, encoding: 'utf8' });
}

describe('Figure 5 — SIGKILL in the middle of a write loop, then a restart', () => {
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.stop();
  });

  it(`after ${CYCLES} kill(s) under ${WRITERS} concurrent writers, the store is intact and holds every write answered ok`, async () => {
    const random = seededRandom(5);
    const today = shanghaiToday();
    server = await startServerProcess({ env: RATES });
    const dbFile = server.dbFile;
    const acked: Acked[] = [];
    let inFlightAtKill = 0;
    let integrityFailures = 0;
    let missing = 0;
    let ledgerProblems = 0;
    let auditProblems = 0;
    let verifyFailures = 0;
    let restarts = 0;
    let reseeded = 0;
    const notes: string[] = [];
    const walBytes: number[] = [];

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      // Proposals waiting for the street, and one open for comments, prepared with the real use cases.
      const world = await openWorld({ file: dbFile, seed: 'none' });
      const pool = await drive(world, PLACE, 'street_review', { start: startBefore(today, 20), count: APPROVALS_PER_CYCLE, budgetFen: () => 10_000 });
      const open = await drive(world, PLACE, 'publicity', { start: startBefore(today, 30), publicityOn: today });
      await world.close();
      const approveDay = pool.days.approvedOn;
      const api = apiAt(server.url);
      const pending = [...pool.ids];
      const killAfter = 60 + Math.floor(random() * 200);
      let okInCycle = 0;
      let killed = false;
      const target = server;

      const writer = async (index: number) => {
        for (let step = 0; !killed; step += 1) {
          const kind = (['submit', 'comment', 'approve'] as const)[(index + step) % 3];
          try {
            if (kind === 'submit') {
              const answer = await api(PLACE.resident, today, 'proposal.submit', {
                communityId: PLACE.communityId, title: `崩溃测试 ${index}-${step}`, category: 'goods', location: '田心社区', description: '写入循环中的提议。', source: 'resident', requestId: uniqueRequestId('crash'),
              });
              if (answer.body.ok) acked.push({ kind, id: answer.body.data.id });
            } else if (kind === 'comment') {
              const answer = await api(PLACE.resident, today, 'comment.add', { proposalId: open.ids[0], text: `意见 ${index}-${step}`, requestId: uniqueRequestId('crash-comment') });
              if (answer.body.ok) acked.push({ kind, id: answer.body.data.id });
            } else {
              const id = pending.pop();
              if (!id) continue;
              const answer = await api(PLACE.street, approveDay, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 10_000 });
              if (answer.body.ok) acked.push({ kind, id, budgetFen: 10_000 });
            }
            okInCycle += 1;
            if (okInCycle === killAfter && !killed) {
              killed = true;
              target.child.kill('SIGKILL');
            }
          } catch {
            // The connection died with the server: this write may or may not have landed.
            inFlightAtKill += 1;
            return;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
      await target.stop();
      expect(target.child.signalCode).toBe('SIGKILL');
      // What the killed process left in the write-ahead log: the next open must recover it.
      walBytes.push(existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0);

      // The file as the killed process left it.
      const db = inspect(dbFile);
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') {
        integrityFailures += 1;
        notes.push(`cycle ${cycle + 1}: integrity_check ${String(integrity)}`);
      }
      const proposal = db.prepare('SELECT state, approved_budget_fen AS fen FROM proposals WHERE id = ?');
      const comment = db.prepare('SELECT 1 FROM comments WHERE id = ?').pluck();
      for (const write of acked) {
        const found =
          write.kind === 'comment'
            ? comment.get(write.id) !== undefined
            : write.kind === 'submit'
              ? proposal.get(write.id) !== undefined
              : (proposal.get(write.id) as { state: string; fen: number } | undefined)?.state === 'approved';
        if (!found) {
          missing += 1;
          if (notes.length < 5) notes.push(`cycle ${cycle + 1}: acknowledged ${write.kind} ${write.id} is missing`);
        }
      }
      ledgerProblems += ledgerMismatches(db).length;
      auditProblems += auditMismatches(db).length;
      db.close();
      const verified = auditVerify(dbFile);
      if (verified.status !== 0 || !/\[audit\] ok/.test(verified.stdout)) {
        verifyFailures += 1;
        notes.push(`cycle ${cycle + 1}: audit:verify exit ${verified.status}: ${verified.stdout}${verified.stderr}`);
      }

      // Restarted on the same file: it serves again, and does not seed a seeded store.
      server = await startServerProcess({ dbFile, env: RATES });
      restarts += 1;
      if (server.output().includes('seeded demo data')) reseeded += 1;
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    }

    const pass = integrityFailures === 0 && missing === 0 && ledgerProblems === 0 && auditProblems === 0 && verifyFailures === 0 && reseeded === 0 && acked.length > 0;
    recordFigure({
      number: 5,
      name: 'crash',
      goal: 'integrity_check ok; every write answered ok is there; ledgers = Σ approved; audit:verify passes; the restart serves without re-seeding',
      values: {
        kills: CYCLES,
        writers: WRITERS,
        'writes answered ok': acked.length,
        'requests cut by the kill': inFlightAtKill,
        'WAL left by the kill (KiB, smallest)': Math.round(Math.min(...walBytes) / 1024),
        'integrity_check not ok': integrityFailures,
        'answered ok but missing': missing,
        'ledger mismatches': ledgerProblems,
        'audit mismatches': auditProblems,
        'audit:verify failures': verifyFailures,
        restarts,
        're-seeded': reseeded,
      },
      pass,
      notes,
    });
    expect(notes).toEqual([]);
    expect({ integrityFailures, missing, ledgerProblems, auditProblems, verifyFailures, reseeded }).toEqual({
      integrityFailures: 0,
      missing: 0,
      ledgerProblems: 0,
      auditProblems: 0,
      verifyFailures: 0,
      reseeded: 0,
    });
    expect(acked.length).toBeGreaterThan(0);
  }, scaled(120_000, 600_000));
});
