import { createHash } from 'node:crypto';
import type { AuditDraft, AuditEntry } from '../app/ports/store.port';
import { canonicalJson, GENESIS_HASH, hashInput } from '../../common/audit-hash';

// The canonical text and the genesis hash are shared with the mini-program (common/audit-hash.ts).
export { canonicalJson, GENESIS_HASH };

/** R-SUP-2: hash = sha256(prevHash + canonical entry). */
export function hashEntry(prevHash: string, entry: AuditDraft & { seq: number }): string {
  return createHash('sha256').update(hashInput(prevHash, entry)).digest('hex');
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
