/**
 * The query plans behind each read: the benchmark runs one request of each scenario through the
 * real dispatch and store, records every SQL statement the store executed with its arguments,
 * and asks SQLite (the same build the store runs on) for its EXPLAIN QUERY PLAN.
 */
import { registerSearchFunctions } from '../backend/store/sqlite/sqlite.search';
import Database from 'better-sqlite3';
import { createDispatch } from '../backend/app/dispatch';
import { defaultCalendar } from '../backend/domain/calendar';
import { sqliteStoreOn } from '../backend/store/sqlite/sqlite.store';
import { LocalContentCheck } from '../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../backend/wechat/local/stored-photos';
import type { Scenario } from './workload';

export interface ExplainedQuery {
  sql: string;
  plan: string[];
}

export interface Explained {
  key: string;
  queries: ExplainedQuery[];
}

/** The tables that grow with the city (the directory, policies and ledgers do not). */
const GROWING = /\b(proposals|comments|ratings|audit_entries|idempotency|meetings|changes|users|role_grants|outbox)\b/;

/**
 * True for a plan on a growing table that reads more than the page it answers: a full scan, or
 * a sort of all the matches (a TEMP B-TREE) before the LIMIT applies. A sort of one user's few
 * grants is no such thing, so role_grants sorts are let through.
 */
export function suspicious(query: ExplainedQuery): boolean {
  const growing = query.plan.some((line) => GROWING.test(line) && !/role_grants/.test(line));
  return growing && query.plan.some((line) => /\bSCAN\b|TEMP B-TREE/.test(line));
}

export async function explainScenarios(file: string, scenarios: Scenario[], now: Date): Promise<Explained[]> {
  const db = new Database(file, { fileMustExist: true });
  // The search triggers (migration 20) name this function: statements on proposals need it.
  registerSearchFunctions(db);
  const executed: { sql: string; args: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  // Every statement the store prepares reports what it runs.
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const statement = prepare(sql) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['all', 'get', 'iterate']) {
      const original = statement[method].bind(statement);
      statement[method] = (...args: unknown[]) => {
        executed.push({ sql, args });
        return original(...args);
      };
    }
    return statement;
  };
  const store = sqliteStoreOn(db);
  const dispatch = createDispatch({ store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), photos: new StoredPhotos(store) });
  const explained: Explained[] = [];
  try {
    for (const scenario of scenarios) {
      executed.length = 0;
      const request = scenario.requests[0];
      await dispatch(scenario.action, request.payload, { openid: request.openid }, now);
      const seen = new Set<string>();
      const queries: ExplainedQuery[] = [];
      for (const { sql, args } of executed) {
        const text = sql.replace(/\s+/g, ' ').trim();
        if (seen.has(text) || !/^SELECT/i.test(text)) continue;
        seen.add(text);
        const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as { id: number; parent: number; detail: string }[];
        const depth = new Map<number, number>([[0, 0]]);
        const plan = rows.map((row) => {
          const level = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, level);
          return `${'  '.repeat(level - 1)}${row.detail}`;
        });
        queries.push({ sql: text, plan });
      }
      explained.push({ key: scenario.key, queries });
    }
  } finally {
    db.close();
  }
  return explained;
}
