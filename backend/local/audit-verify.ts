import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAnchor, type AnchorMismatch, type DayHead } from '../app/audit-days';
import { replayDifferences, type LedgerRow, type ProposalRow, type ReplayDifference } from '../app/audit-replay';
import type { AuditEntry } from '../app/ports/store.port';
import { verifyChain, type ChainBreak } from '../store/audit-chain';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite.store';

// `npm run audit:verify [--anchor FILE]` on the store at DB_FILE (default data/weishishi.db):
// 1. walks every hash chain of the audit trail (R-SUP-2) and names the first broken entry;
// 2. replays the trail to rebuild every proposal's state and budget and every ledger, and names
//    each row that differs from the store (app/audit-replay.ts);
// 3. with --anchor FILE (a saved audit.heads answer, `{ items }`, or its items array), names each
//    kept daily head that the trail no longer reproduces (app/audit-days.ts) — a trail rewritten
//    with every hash recomputed passes 1, but not 3.
// Exit 0 when all holds, 1 when anything is reported, 2 when there is no store or the anchor
// file cannot be read.

export interface AuditVerification {
  chains: number;
  entries: number;
  broken: ChainBreak | null;
  differences: ReplayDifference[];
  anchor: { kept: number; mismatches: AnchorMismatch[] } | null;
}

/** The chains of the trail, each walked and checked against its recorded head. */
async function walkChains(store: SqliteStore): Promise<{ chains: Map<string, AuditEntry[]>; entries: number; broken: ChainBreak | null }> {
  let entries = 0;
  const chains = new Map<string, AuditEntry[]>();
  const heads = new Map(store.auditHeads().map((head) => [head.chainId, head]));
  // A chain whose entries were all deleted still has its head: walk both lists.
  const chainIds = [...new Set([...store.auditChainIds(), ...heads.keys()])].sort();
  let broken: ChainBreak | null = null;
  for (const chainId of chainIds) {
    const chain = await store.auditTrail(chainId);
    chains.set(chainId, chain);
    entries += chain.length;
    if (broken) continue;
    broken = verifyChain(chain);
    if (broken) continue;
    const head = heads.get(chainId);
    const last = chain[chain.length - 1];
    if (!head) broken = { chainId, seq: last.seq, reason: 'the chain has no recorded head' };
    else if (!last || head.seq !== last.seq || head.hash !== last.hash) {
      const seq = (last?.seq ?? 0) + 1;
      broken = { chainId, seq, reason: `entry ${seq} is missing: the chain's head is entry ${head.seq}` };
    }
  }
  return { chains, entries, broken };
}

function storedRows(store: SqliteStore): { proposals: ProposalRow[]; ledgers: LedgerRow[] } {
  const proposals = store.db
    .prepare(
      `SELECT id, state, json_extract(record, '$.state') AS recordState, approved_budget_fen AS approvedBudgetFen,
         json_extract(record, '$.approvedBudgetFen') AS recordApprovedBudgetFen FROM proposals ORDER BY id`,
    )
    .all() as ProposalRow[];
  const ledgers = store.db
    .prepare(
      `SELECT l.community_id AS communityId, s.district_id AS districtId, l.year, l.quota_fen AS quotaFen,
         l.allocated_fen AS allocatedFen, l.approved_fen AS approvedFen, l.spent_fen AS spentFen
       FROM ledgers l JOIN communities c ON c.id = l.community_id JOIN streets s ON s.id = c.street_id
       ORDER BY l.community_id, l.year`,
    )
    .all() as LedgerRow[];
  return { proposals, ledgers };
}

/** The kept heads of an anchor file: an audit.heads answer (`{ items }`, or the envelope's `data`), or its items. */
export function keptHeadsOf(text: string): DayHead[] {
  const parsed = JSON.parse(text) as unknown;
  const body = (parsed as { data?: unknown })?.data ?? parsed;
  const items = Array.isArray(body) ? body : (body as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new Error('an anchor file holds an audit.heads answer { items } or its items array');
  return items.map((item: Partial<DayHead>, index) => {
    if (typeof item?.day !== 'string' || typeof item.hash !== 'string' || typeof item.count !== 'number') {
      throw new Error(`item ${index} of the anchor file is not { day, count, hash }`);
    }
    return { day: item.day, count: item.count, hash: item.hash };
  });
}

export async function verifyAuditTrail(store: SqliteStore, options: { anchor?: DayHead[] } = {}): Promise<AuditVerification> {
  const { chains, entries, broken } = await walkChains(store);
  const rows = storedRows(store);
  const differences = replayDifferences(chains, rows.proposals, rows.ledgers);
  const anchor = options.anchor ? { kept: options.anchor.length, mismatches: await checkAnchor(store, options.anchor) } : null;
  return { chains: chains.size, entries, broken, differences, anchor };
}

/** True when nothing was reported. */
export function holds(result: AuditVerification): boolean {
  return !result.broken && result.differences.length === 0 && (result.anchor?.mismatches.length ?? 0) === 0;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const dbFile = path.resolve(root, process.env.DB_FILE ?? 'data/weishishi.db');
  const anchorAt = process.argv.indexOf('--anchor');
  const anchorFile = anchorAt === -1 ? undefined : process.argv[anchorAt + 1];
  if (anchorAt !== -1 && !anchorFile) {
    console.error('[audit] --anchor needs a file: a saved audit.heads answer');
    process.exit(2);
  }
  if (!existsSync(dbFile)) {
    console.error(`[audit] no store at ${dbFile}`);
    process.exit(2);
  }
  let anchor: DayHead[] | undefined;
  if (anchorFile) {
    try {
      anchor = keptHeadsOf(readFileSync(path.resolve(process.cwd(), anchorFile), 'utf8'));
    } catch (error) {
      console.error(`[audit] cannot read the anchor ${anchorFile}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    }
  }
  const store = openSqliteStore({ file: dbFile });
  try {
    const result = await verifyAuditTrail(store, { anchor });
    if (result.broken) {
      const { chainId, seq, reason } = result.broken;
      console.error(`[audit] BROKEN: chain ${chainId}, entry ${seq}: ${reason}`);
    }
    for (const difference of result.differences) {
      console.error(`[audit] DIFFERS: ${difference.row} ${difference.field}: the store has ${difference.stored}, the trail replays to ${difference.replayed}`);
    }
    for (const mismatch of result.anchor?.mismatches ?? []) {
      console.error(
        `[audit] ANCHOR: the head of ${mismatch.day} after ${mismatch.count} entries was ${mismatch.kept}; the trail now gives ${mismatch.found ?? 'no such head'}`,
      );
    }
    if (holds(result)) {
      const anchored = result.anchor ? `; ${result.anchor.kept} kept heads reproduced` : '';
      console.log(`[audit] ok: ${result.chains} chains, ${result.entries} entries, every hash follows from the one before; every proposal and ledger matches its replay${anchored}`);
    } else {
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) void main();
