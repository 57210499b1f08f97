import { createHash } from 'node:crypto';
import type { AuditDraft, AuditEntry } from '../app/ports/store.port';

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** R-SUP-2: hash = sha256(prevHash + canonical entry). */
export function hashEntry(prevHash: string, entry: AuditDraft & { seq: number }): string {
  const canonical = canonicalJson({
    chainId: entry.chainId,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    from: entry.from,
    to: entry.to,
    detail: entry.detail,
  });
  return createHash('sha256').update(prevHash + canonical).digest('hex');
}

export interface ChainBreak {
  chainId: string;
  seq: number;
  reason: string;
}

/**
 * Walks one chain, oldest first, and names the first entry that does not follow from the one
 * before it: an edited entry has another hash; a deleted one leaves a gap in `seq` and a
 * `prevHash` that no longer matches.
 */
export function verifyChain(entries: AuditEntry[]): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { chainId: entry.chainId, seq: entry.seq, reason: `expected entry ${expectedSeq}, found ${entry.seq}` };
    if (entry.prevHash !== prevHash) return { chainId: entry.chainId, seq: entry.seq, reason: 'prevHash does not match the entry before' };
    if (hashEntry(prevHash, entry) !== entry.hash) return { chainId: entry.chainId, seq: entry.seq, reason: 'hash does not match the entry' };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
