import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServerProcess } from '../support/local-server-process';

const root = path.resolve(__dirname, '../..');

function verify(dbFile: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/audit-verify.ts')], {
    cwd: root,
    env: { ...process.env, DB_FILE: dbFile },
    encoding: 'utf8',
  });
}

describe('R-SUP-2: npm run audit:verify', () => {
  let dbFile: string;

  beforeAll(async () => {
    // A demo store, as `npm start` seeds it: its sample proposals went through every step.
    const server = await startServerProcess();
    dbFile = server.dbFile;
    await server.stop();
  }, 60_000);

  it('passes on the demo store', () => {
    const run = verify(dbFile);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ok: \d+ chains, \d+ entries/);
  });

  it('refuses to edit or delete an audit entry through SQL', () => {
    const db = new Database(dbFile);
    try {
      expect(() => db.prepare("UPDATE audit_entries SET actor = 'someone-else' WHERE seq = 1").run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM audit_entries WHERE seq = 2').run()).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });

  it('fails, naming the entry, after one audit row is edited by hand', () => {
    const db = new Database(dbFile);
    let target: { chain_id: string; seq: number };
    try {
      target = db.prepare("SELECT chain_id, seq FROM audit_entries WHERE to_state = 'approved' ORDER BY chain_id LIMIT 1").get() as typeof target;
      // A hand edit: whoever does it must first remove the guard that the schema puts there.
      db.exec('DROP TRIGGER audit_entries_no_update');
      db.prepare("UPDATE audit_entries SET detail = json_set(detail, '$.approvedBudgetFen', 1) WHERE chain_id = ? AND seq = ?").run(target.chain_id, target.seq);
    } finally {
      db.close();
    }
    const run = verify(dbFile);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN: chain ${target!.chain_id}, entry ${target!.seq}`);
  });
});
