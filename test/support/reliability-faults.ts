import type Database from 'better-sqlite3';

// Fault injection for figure 4, without touching the product: the store prepares its statements
// through `db.prepare`, so a wrapper put in its place before the store is built sees every write
// statement. Each write's `run` is counted; the one numbered `failAt` throws, as a full disk or a
// failing fsync would (SQLITE_IOERR), from inside the store's transaction.

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

export class InjectedFault extends Error {
  readonly code = 'SQLITE_IOERR';
  constructor(readonly write: number, readonly sql: string) {
    super(`disk I/O error (injected at write ${write}: ${sql})`);
  }
}

export class WriteFaults {
  /** Writes attempted since the last `arm`. */
  writes = 0;
  /** The write (1-based) that fails; null: none. */
  failAt: number | null = null;
  /** Each write attempted since the last `arm`, as the first words of its SQL. */
  log: string[] = [];
  /** Whether the armed fault was reached. */
  fired = false;

  /** Fails the `failAt`-th write from now on (null: count only). */
  arm(failAt: number | null): void {
    this.writes = 0;
    this.failAt = failAt;
    this.log = [];
    this.fired = false;
  }

  /** Replaces `db.prepare` so that every write statement prepared from now on goes through `run` here. */
  instrument(db: Database.Database): void {
    const prepare = db.prepare.bind(db);
    const faults = this;
    (db as { prepare: unknown }).prepare = (sql: string) => {
      const statement = prepare(sql);
      if (!WRITE.test(sql)) return statement;
      const run = statement.run;
      const label = sql.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ');
      statement.run = function (this: unknown, ...args: unknown[]) {
        faults.writes += 1;
        faults.log.push(label);
        if (faults.failAt === faults.writes) {
          faults.fired = true;
          throw new InjectedFault(faults.writes, label);
        }
        return (run as (...a: unknown[]) => Database.RunResult).apply(statement, args);
      } as typeof statement.run;
      return statement;
    };
  }
}
