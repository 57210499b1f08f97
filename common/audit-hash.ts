/**
 * R-SUP-2: how an audit entry is hashed — sha256(prevHash + canonical JSON of the entry) — in one
 * place for the backend (which writes the chain) and the mini-program (which checks it on screen).
 */
import { sha256Hex } from './sha256';

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

/** What an entry's hash covers. */
export interface HashedFields {
  chainId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  detail: Record<string, unknown>;
}

/** The text whose SHA-256 is the entry's hash. */
export function hashInput(prevHash: string, entry: HashedFields): string {
  return (
    prevHash +
    canonicalJson({ chainId: entry.chainId, seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, from: entry.from, to: entry.to, detail: entry.detail })
  );
}

export interface ChainCheck {
  /** The entries that follow from the one before (all of them when the chain is whole). */
  verified: number;
  /** The seq of the first entry that does not, and why; null when the chain is whole. */
  broken: { seq: number; reason: 'seq' | 'prevHash' | 'hash' } | null;
}

/** R-SUP-2: recomputes a chain, oldest first, with the pure SHA-256 (the mini-program's check). */
export function checkChain(entries: readonly (HashedFields & { prevHash: string; hash: string })[]): ChainCheck {
  let prevHash = GENESIS_HASH;
  let verified = 0;
  for (const entry of entries) {
    if (entry.seq !== verified + 1) return { verified, broken: { seq: entry.seq, reason: 'seq' } };
    if (entry.prevHash !== prevHash) return { verified, broken: { seq: entry.seq, reason: 'prevHash' } };
    if (sha256Hex(hashInput(prevHash, entry)) !== entry.hash) return { verified, broken: { seq: entry.seq, reason: 'hash' } };
    prevHash = entry.hash;
    verified += 1;
  }
  return { verified, broken: null };
}
