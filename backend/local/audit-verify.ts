import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyChain, type ChainBreak } from '../store/audit-chain';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite.store';

// `npm run audit:verify`: walks every hash chain of the audit trail (R-SUP-2) in the store at
// DB_FILE (default data/weishishi.db) and names the first broken entry. Exit 0 when every chain
// holds, 1 when one is broken, 2 when there is no store.

export async function verifyAuditTrail(store: SqliteStore): Promise<{ chains: number; entries: number; broken: ChainBreak | null }> {
  let entries = 0;
  const heads = new Map(store.auditHeads().map((head) => [head.chainId, head]));
  // A chain whose entries were all deleted still has its head: walk both lists.
  const chainIds = [...new Set([...store.auditChainIds(), ...heads.keys()])].sort();
  for (const chainId of chainIds) {
    const chain = await store.auditTrail(chainId);
    entries += chain.length;
    const broken = verifyChain(chain);
    if (broken) return { chains: chainIds.length, entries, broken };
    const head = heads.get(chainId);
    const last = chain[chain.length - 1];
    if (!head) return { chains: chainIds.length, entries, broken: { chainId, seq: last.seq, reason: 'the chain has no recorded head' } };
    if (!last || head.seq !== last.seq || head.hash !== last.hash) {
      const seq = (last?.seq ?? 0) + 1;
      return { chains: chainIds.length, entries, broken: { chainId, seq, reason: `entry ${seq} is missing: the chain's head is entry ${head.seq}` } };
    }
  }
  return { chains: chainIds.length, entries, broken: null };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const dbFile = path.resolve(root, process.env.DB_FILE ?? 'data/weishishi.db');
  if (!existsSync(dbFile)) {
    console.error(`[audit] no store at ${dbFile}`);
    process.exit(2);
  }
  const store = openSqliteStore({ file: dbFile });
  try {
    const result = await verifyAuditTrail(store);
    if (result.broken) {
      const { chainId, seq, reason } = result.broken;
      console.error(`[audit] BROKEN: chain ${chainId}, entry ${seq}: ${reason}`);
      process.exitCode = 1;
    } else {
      console.log(`[audit] ok: ${result.chains} chains, ${result.entries} entries, every hash follows from the one before`);
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) void main();
