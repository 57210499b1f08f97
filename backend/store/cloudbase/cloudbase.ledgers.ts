import type { Ledger } from '../../../types/domain';
import { isSoundLedger, moveLedger } from '../../domain/ledger';
import type { LedgerMove } from '../../app/ports/store.port';
import { GENESIS_HASH } from '../audit-chain';
import { Rollback, type Unit } from './cloudbase.core';
import { ledgerOf } from './cloudbase.documents';
import { COLLECTIONS, ledgerDocId } from './collections';

/**
 * A community-year's ledger is one document: an approval's budget check is a read and a write of
 * it, so racing approvals conflict on it (R-FUN-1). Whether a move fits is the domain's
 * `moveLedger`; `isSoundLedger` only guards against a bug writing a broken ledger.
 */
export async function readLedger(unit: Unit, communityId: string, year: number): Promise<Ledger | null> {
  const doc = await unit.get(COLLECTIONS.ledgers, ledgerDocId(communityId, year));
  return doc ? ledgerOf(doc) : null;
}

export async function writeLedger(unit: Unit, communityId: string, year: number, ledger: Ledger): Promise<void> {
  const id = ledgerDocId(communityId, year);
  if (!isSoundLedger(ledger)) throw new Error(`ledger ${id} would break its invariants: ${JSON.stringify(ledger)}`);
  const current = await unit.get(COLLECTIONS.ledgers, id);
  unit.put(COLLECTIONS.ledgers, id, { communityId, year, auditSeq: 0, auditHash: GENESIS_HASH, ...current, ...ledger });
}

export async function applyLedgerMove(unit: Unit, move: LedgerMove): Promise<void> {
  const next = moveLedger(await readLedger(unit, move.communityId, move.year), move);
  if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
  await writeLedger(unit, move.communityId, move.year, next.value);
}
