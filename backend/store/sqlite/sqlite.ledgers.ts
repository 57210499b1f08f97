import type { Ledger } from '../../../types/domain';
import { moveLedger } from '../../domain/ledger';
import type { LedgerMove } from '../../app/ports/store.port';
import { Rollback, type Db } from './sqlite.core';

/**
 * The ledger rows of communities, read and written inside the caller's transaction. Whether a
 * move fits is the domain's `moveLedger`; the row's CHECKs (migration 1) stay as a backstop.
 */
export function ledgerRows(db: Db) {
  const statements = {
    ledger: db.prepare(
      `SELECT quota_fen AS quotaFen, allocated_fen AS allocatedFen, approved_fen AS approvedFen, spent_fen AS spentFen
       FROM ledgers WHERE community_id = ? AND year = ?`,
    ),
    write: db.prepare(
      `INSERT INTO ledgers (community_id, year, quota_fen, allocated_fen, approved_fen, spent_fen)
       VALUES (@communityId, @year, @quotaFen, @allocatedFen, @approvedFen, @spentFen)
       ON CONFLICT (community_id, year) DO UPDATE SET quota_fen = excluded.quota_fen, allocated_fen = excluded.allocated_fen,
         approved_fen = excluded.approved_fen, spent_fen = excluded.spent_fen`,
    ),
  };

  function read(communityId: string, year: number): Ledger | null {
    return (statements.ledger.get(communityId, year) as Ledger | undefined) ?? null;
  }

  function write(communityId: string, year: number, ledger: Ledger): void {
    statements.write.run({ communityId, year, ...ledger });
  }

  return {
    read,
    write,
    /** R-FUN-1: applies one move as the domain allows it, or rolls the transaction back. */
    move(move: LedgerMove): void {
      const next = moveLedger(read(move.communityId, move.year), move);
      if (!next.ok) throw Rollback.because(next, 'budget_exceeded');
      write(move.communityId, move.year, next.value);
    },
  };
}

export type LedgerRows = ReturnType<typeof ledgerRows>;
