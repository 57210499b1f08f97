import Database from 'better-sqlite3';
import { registerSearchFunctions } from '../../backend/store/sqlite/sqlite.search';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { holds, keptHeadsOf, verifyAuditTrail, type AuditVerification } from '../../backend/local/audit-verify';
import { hashEntry, GENESIS_HASH } from '../../backend/store/audit-chain';
import { openSqliteStore } from '../../backend/store/sqlite/sqlite.store';
import { recordFigure } from '../support/reliability-figures';
import { callApi, startServerProcess } from '../support/local-server-process';

// Figure 9b (issue 14, M4): the audit trail guards the records, not only itself. A direct edit of
// a proposal's state or budget, or of a ledger, is found by `npm run audit:verify`'s replay; a
// full rewrite of the trail (triggers dropped, every hash after the edit recomputed, the heads
// moved, the rows edited to match) passes the chain walk and the replay, and is found against a
// daily head kept from `audit.heads` before it (`--anchor FILE`). Each tamper is made on a fresh
// copy of the demo store, as `npm start` seeds it.

const root = path.resolve(__dirname, '../..');

interface Tamper {
  name: string;
  /** What the report must name. */
  expect: RegExp;
  apply(db: Database.Database): void;
}

const ROW_EDITS: Tamper[] = [
  {
    name: 'a submitted proposal made approved (column and record)',
    expect: /proposal \S+ state/,
    apply: (db) =>
      db.exec(`UPDATE proposals SET state = 'approved', record = json_set(record, '$.state', 'approved')
               WHERE id = (SELECT id FROM proposals WHERE state = 'submitted' ORDER BY id LIMIT 1)`),
  },
  {
    name: 'only the record of a proposal moved to another state',
    expect: /proposal \S+ record\.state/,
    apply: (db) => db.exec(`UPDATE proposals SET record = json_set(record, '$.state', 'withdrawn') WHERE id = (SELECT id FROM proposals WHERE state = 'implementing' LIMIT 1)`),
  },
  {
    name: 'an approved budget raised',
    expect: /proposal \S+ approvedBudgetFen/,
    apply: (db) =>
      db.exec(`UPDATE proposals SET approved_budget_fen = approved_budget_fen + 100000,
                 record = json_set(record, '$.approvedBudgetFen', json_extract(record, '$.approvedBudgetFen') + 100000)
               WHERE id = (SELECT id FROM proposals WHERE approved_budget_fen IS NOT NULL ORDER BY id LIMIT 1)`),
  },
  {
    name: "a ledger's approved sum lowered",
    expect: /ledger \S+ \d{4} approvedFen/,
    apply: (db) => db.exec('UPDATE ledgers SET approved_fen = approved_fen - 1 WHERE approved_fen > 0 AND rowid = (SELECT rowid FROM ledgers WHERE approved_fen > 0 LIMIT 1)'),
  },
  {
    name: "a ledger's spent sum raised",
    expect: /ledger \S+ \d{4} spentFen/,
    apply: (db) => db.exec('UPDATE ledgers SET spent_fen = spent_fen + 5000 WHERE rowid = (SELECT rowid FROM ledgers ORDER BY community_id, year LIMIT 1)'),
  },
  {
    name: "a ledger's allocation raised",
    expect: /ledger \S+ \d{4} allocatedFen/,
    apply: (db) => db.exec('UPDATE ledgers SET allocated_fen = quota_fen WHERE rowid = (SELECT rowid FROM ledgers ORDER BY community_id, year LIMIT 1)'),
  },
  {
    name: 'a proposal row deleted',
    expect: /proposal \S+ row/,
    apply: (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec("DELETE FROM proposals WHERE id = (SELECT id FROM proposals WHERE state = 'submitted' ORDER BY id LIMIT 1)");
    },
  },
];

/** Rewrites a chain from entry `seq` on with `edit`, recomputing every hash after it and moving the head. */
function rewriteChain(db: Database.Database, chainId: string, seq: number, edit: (row: Record<string, any>) => void): void {
  const rows = db.prepare('SELECT * FROM audit_entries WHERE chain_id = ? ORDER BY seq').all(chainId) as Record<string, any>[];
  let prevHash = seq === 1 ? GENESIS_HASH : rows[seq - 2].hash;
  const update = db.prepare('UPDATE audit_entries SET actor = @actor, detail = @detail, prev_hash = @prev_hash, hash = @hash WHERE chain_id = @chain_id AND seq = @seq');
  for (const row of rows.slice(seq - 1)) {
    if (row.seq === seq) edit(row);
    const entry = { chainId, seq: row.seq, at: row.at, actor: row.actor, action: row.action, from: row.from_state, to: row.to_state, detail: JSON.parse(row.detail) };
    row.prev_hash = prevHash;
    row.hash = hashEntry(prevHash, entry);
    update.run(row);
    prevHash = row.hash;
  }
  db.prepare('UPDATE audit_heads SET hash = ? WHERE chain_id = ?').run(prevHash, chainId);
}

function dropGuards(db: Database.Database): void {
  db.exec('DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete; DROP TRIGGER audit_heads_forward; DROP TRIGGER audit_heads_no_delete;');
}

const REWRITES: Tamper[] = [
  {
    name: 'an approval rewritten to a larger budget, proposal and ledger edited to match',
    expect: /ANCHOR|head of/,
    apply: (db) => {
      const approval = db
        .prepare("SELECT chain_id, seq, detail FROM audit_entries WHERE json_extract(detail, '$.event') = 'ProposalApproved' AND chain_id NOT LIKE '%:%' ORDER BY chain_id LIMIT 1")
        .get() as { chain_id: string; seq: number; detail: string };
      const raise = 100000;
      rewriteChain(db, approval.chain_id, approval.seq, (row) => {
        row.detail = JSON.stringify({ ...JSON.parse(row.detail), approvedBudgetFen: JSON.parse(row.detail).approvedBudgetFen + raise });
      });
      const move = db
        .prepare("SELECT chain_id, seq FROM audit_entries WHERE chain_id LIKE 'ledger:%' AND json_extract(detail, '$.proposalId') = ? AND json_extract(detail, '$.event') = 'ProposalApproved'")
        .get(approval.chain_id) as { chain_id: string; seq: number };
      rewriteChain(db, move.chain_id, move.seq, (row) => {
        row.detail = JSON.stringify({ ...JSON.parse(row.detail), approvedDeltaFen: JSON.parse(row.detail).approvedDeltaFen + raise });
      });
      db.prepare(
        `UPDATE proposals SET approved_budget_fen = approved_budget_fen + @raise,
           record = json_set(record, '$.approvedBudgetFen', json_extract(record, '$.approvedBudgetFen') + @raise) WHERE id = @id`,
      ).run({ raise, id: approval.chain_id });
      const [, communityId, year] = move.chain_id.split(':');
      db.prepare('UPDATE ledgers SET approved_fen = approved_fen + ? WHERE community_id = ? AND year = ?').run(raise, communityId, Number(year));
    },
  },
  {
    name: "the first entry's actor rewritten in every proposal chain",
    expect: /ANCHOR/,
    apply: (db) => {
      const chains = db.prepare("SELECT DISTINCT chain_id FROM audit_entries WHERE chain_id NOT LIKE '%:%'").pluck().all() as string[];
      for (const chainId of chains) rewriteChain(db, chainId, 1, (row) => void (row.actor = 'u-someone-else'));
    },
  },
  {
    name: 'a ledger allocation rewritten, the ledger row edited to match',
    expect: /ANCHOR/,
    apply: (db) => {
      const seed = db.prepare("SELECT chain_id FROM audit_entries WHERE action = 'ledger.seed' ORDER BY chain_id LIMIT 1").pluck().get() as string;
      rewriteChain(db, seed, 1, (row) => {
        row.detail = JSON.stringify({ ...JSON.parse(row.detail), toAllocatedFen: 200_000_000 });
      });
      const [, communityId, year] = seed.split(':');
      db.prepare('UPDATE ledgers SET allocated_fen = 200000000 WHERE community_id = ? AND year = ?').run(communityId, Number(year));
    },
  },
];

describe('Figure 9b — R-SUP-2, M4: tampering with the records or rewriting the trail is found by npm run audit:verify', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-tamper-'));
  let pristine: string;
  let anchorFile: string;
  let copies = 0;
  const results: { kind: 'row edit' | 'chain rewrite'; name: string; detected: boolean; withoutAnchor?: boolean; report: string }[] = [];

  beforeAll(async () => {
    const server = await startServerProcess();
    try {
      // The head kept by anyone: the public answer of audit.heads, saved as a file.
      const heads = await callApi(server.url, 'audit.heads', {});
      expect(heads.body.ok).toBe(true);
      anchorFile = path.join(folder, 'anchor.json');
      writeFileSync(anchorFile, JSON.stringify(heads.body.data));
    } finally {
      await server.stop();
    }
    pristine = server.dbFile;
  }, 60_000);

  afterAll(() => {
    const missed = results.filter((result) => !result.detected);
    const rewrites = results.filter((result) => result.kind === 'chain rewrite');
    recordFigure({
      number: 9,
      name: 'tamper: row edits and chain rewrites',
      goal: 'every direct edit of a proposal or ledger row is reported by the replay; every full chain rewrite (hashes recomputed, rows edited to match) passes the walk and the replay but is reported against a kept audit.heads anchor',
      values: {
        'row edits': results.filter((result) => result.kind === 'row edit').length,
        'chain rewrites': rewrites.length,
        'rewrites passing without the anchor': rewrites.filter((result) => result.withoutAnchor).length,
        'not detected': missed.length,
      },
      pass: results.length === ROW_EDITS.length + REWRITES.length && missed.length === 0,
      notes: missed.map((result) => `${result.kind}: ${result.name}: ${result.report}`),
    });
  });

  function tampered(tamper: Tamper, guards: boolean): string {
    copies += 1;
    const file = path.join(folder, `copy-${copies}.db`);
    copyFileSync(pristine, file);
    const db = new Database(file);
    // The proposals' search triggers call the function every connection of the store registers.
    registerSearchFunctions(db);
    if (!guards) dropGuards(db);
    tamper.apply(db);
    db.close();
    return file;
  }

  async function verify(file: string, anchored: boolean): Promise<AuditVerification> {
    const store = openSqliteStore({ file });
    try {
      return await verifyAuditTrail(store, anchored ? { anchor: keptHeadsOf(readFileSync(anchorFile, 'utf8')) } : {});
    } finally {
      await store.close();
    }
  }

  it('M4: the untouched demo store passes the walk, the replay and its own anchor', async () => {
    const result = await verify(pristine, true);
    expect(result.differences).toEqual([]);
    expect(result.anchor?.mismatches).toEqual([]);
    expect(result.anchor?.kept).toBeGreaterThan(0);
    expect(holds(result)).toBe(true);
  });

  it.each(ROW_EDITS.map((tamper) => [tamper.name, tamper] as const))('M4: a direct row edit is reported by the replay: %s', async (_name, tamper) => {
    const result = await verify(tampered(tamper, true), false);
    const report = result.differences.map((d) => `${d.row} ${d.field}`).join('; ');
    results.push({ kind: 'row edit', name: tamper.name, detected: !holds(result) && tamper.expect.test(report), report });
    expect(result.broken).toBeNull();
    expect(report).toMatch(tamper.expect);
  });

  it.each(REWRITES.map((tamper) => [tamper.name, tamper] as const))('M4: a full chain rewrite passes the walk and the replay, and is reported against the anchor: %s', async (_name, tamper) => {
    const file = tampered(tamper, false);
    const without = await verify(file, false);
    const withAnchor = await verify(file, true);
    const report = (withAnchor.anchor?.mismatches ?? []).map((m) => `ANCHOR ${m.day}#${m.count}`).join('; ');
    results.push({ kind: 'chain rewrite', name: tamper.name, detected: (withAnchor.anchor?.mismatches.length ?? 0) > 0, withoutAnchor: holds(without), report });
    expect(holds(without)).toBe(true);
    expect(withAnchor.anchor?.mismatches.length).toBeGreaterThan(0);
  });

  it('M4: npm run audit:verify -- --anchor FILE exits 1 naming the kept head after a rewrite, 0 on the untouched store', () => {
    const run = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/audit-verify.ts'), '--anchor', anchorFile], {
        cwd: root,
        env: { ...process.env, DB_FILE: file },
        encoding: 'utf8',
      });
    const clean = run(pristine);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/kept heads reproduced/);
    const rewritten = run(tampered(REWRITES[1], false));
    expect(rewritten.status).toBe(1);
    expect(rewritten.stderr).toMatch(/\[audit\] ANCHOR: the head of \d{4}-\d{2}-\d{2} after \d+ entries was [0-9a-f]{64}/);
  });
});
