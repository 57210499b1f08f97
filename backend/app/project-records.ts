import type { Answer } from '../../types/api';
import type { ProposalRecord } from '../../types/domain';
import { targetOf } from '../domain/permissions';
import { spentDeltaFen } from '../domain/payments';
import type { Result } from '../domain/result';
import type { UseCaseContext } from './action';
import { fail, ok } from './answers';
import type { LedgerMove, StoredProposal } from './ports/store.port';
import { commitRefused, indexingOf, ledgerChain, proposalChain, transitionContextFor } from './proposals';

/**
 * Issue 18 (payments, acceptance): the script of an action that adds to a project's record without
 * moving its state — a payment, an acceptance: load → authorize → ask the domain → commit the
 * next record (only if nobody wrote it meanwhile) with its audit entry and, when what counts as
 * spent changed (R-PAY-2), the ledger's move in the same transaction → answer.
 */
export async function runRecordWrite<T>(
  context: UseCaseContext,
  id: string,
  steps: {
    /** A repeat of a request already answered: its answer, without writing. */
    repeat?: (record: ProposalRecord) => T | null;
    decide: (record: ProposalRecord) => Result<ProposalRecord>;
    detail: (next: ProposalRecord) => Record<string, unknown>;
    answer: (stored: StoredProposal) => T;
  },
): Promise<Answer<T>> {
  const { store } = context.services;
  const stored = await store.findProposal(id);
  if (!stored) return fail('not_found', '没有这个项目', 'id');
  const transitionContext = await transitionContextFor(context, stored.record);
  const refused = context.authorize(targetOf(stored.record, transitionContext.policy));
  if (refused) return refused;
  const repeated = steps.repeat?.(stored.record);
  if (repeated) return ok(repeated);
  const decided = steps.decide(stored.record);
  if (!decided.ok) return decided;
  const next = decided.value;
  const actor = context.caller.openid ?? 'system';
  const spent = spentDeltaFen(stored.record, next);
  const ledgerMoves: LedgerMove[] =
    spent !== 0 && next.budgetYear !== undefined ? [{ communityId: next.communityId, year: next.budgetYear, approvedDeltaFen: 0, spentDeltaFen: spent }] : [];
  const detail = steps.detail(next);
  const committed = await store.commitTransitions({
    at: context.at,
    proposals: [{ record: next, indexing: indexingOf(next, transitionContext.policy, context), expectedVersion: stored.record.version, expectedState: stored.record.state }],
    ledgerMoves,
    changes: [],
    audit: [
      { chainId: proposalChain(id), at: context.at, actor, action: context.action, from: next.state, to: next.state, detail },
      ...ledgerMoves.map((move) => ({
        chainId: ledgerChain(move.communityId, move.year),
        at: context.at,
        actor,
        action: context.action,
        from: null,
        to: null,
        detail: { proposalId: id, approvedDeltaFen: 0, spentDeltaFen: move.spentDeltaFen },
      })),
    ],
    outbox: [],
  });
  if (!committed.ok) {
    // A racing repeat of the same request wrote first: answer what it wrote.
    if (committed.code === 'conflict' && steps.repeat) {
      const again = await store.findProposal(id);
      const first = again ? steps.repeat(again.record) : null;
      if (first) return ok(first);
    }
    return commitRefused(committed);
  }
  return ok(steps.answer(committed.value[0]));
}
