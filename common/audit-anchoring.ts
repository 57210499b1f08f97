/**
 * Audit anchoring (spec "Audit anchoring"): what the public ledger page and the server share
 * about the daily heads of the audit trail. The hashing itself lives in backend/app/audit-days.ts.
 */

/** The running hash before the first entry. */
export const GENESIS_DAY_HASH = '0'.repeat(64);

/** A kept head, shortened for a screen: the first 16 hex digits (the full hash is in the answer and the file). */
export function shortHead(hash: string): string {
  return hash.slice(0, 16);
}
