/**
 * The lifecycle of a proposal (docs/rules.md): ONE transition table, in two halves
 * (lifecycle.rows.ts up to the street's decision, lifecycle.rows.after-approval.ts after it).
 *
 * `transition` is pure: it answers the next record and the events it produced, or a typed
 * refusal. The next record keeps the `version` it was given: the store writes it only if the
 * stored version still equals it, and bumps it in the same write (optimistic concurrency), so
 * one place owns the counter.
 */
import type { ProposalRecord } from '../../types/domain';
import { STATE_LABELS } from '../../common/glossary';
import { compact } from './lifecycle.checks';
import {
  TRANSITION_LABELS,
  type Command,
  type CommandOf,
  type TransitionAction,
  type TransitionContext,
  type TransitionResult,
} from './lifecycle.commands';
import { BEFORE_APPROVAL, type TransitionRow, type TransitionRows } from './lifecycle.rows';
import { AFTER_APPROVAL } from './lifecycle.rows.after-approval';
import { refusal, type Refusal } from './result';

export {
  ADJUSTABLE_STATES,
  CHANGE_DECISION_STATES,
  TRANSITION_LABELS,
  WITHDRAWABLE_STATES,
  policyYearOf,
  type Command,
  type CommandOf,
  type TransitionAction,
  type TransitionContext,
  type TransitionResult,
} from './lifecycle.commands';

/** Every action that moves a proposal has its row: the compiler checks the two halves cover them all. */
export const TRANSITIONS: TransitionRows<TransitionAction> = { ...BEFORE_APPROVAL, ...AFTER_APPROVAL };

function rowOf<A extends TransitionAction>(action: A): TransitionRow<CommandOf<A>> {
  return TRANSITIONS[action] as TransitionRow<CommandOf<A>>;
}

function stateRefusal(record: ProposalRecord, action: TransitionAction): Refusal {
  return refusal('invalid_state', `项目当前为「${STATE_LABELS[record.state]}」，不能${TRANSITION_LABELS[action]}`);
}

/**
 * Whether the action may run on the record today, before looking at what a command would hold:
 * the state allows it and the record and the day are ready (a meeting day reached, a window
 * ended). `allowedActions` offers an action only when this answers null.
 */
export function readiness(record: ProposalRecord, action: TransitionAction, context: TransitionContext): Refusal | null {
  const row = rowOf(action);
  return row.from.includes(record.state) ? row.ready(record, context) : stateRefusal(record, action);
}

/** Runs one command through the table: the next record and its events, or a typed refusal. */
export function transition(record: ProposalRecord, command: Command, context: TransitionContext): TransitionResult {
  const row = rowOf(command.action) as TransitionRow<Command>;
  const refused = readiness(record, command.action, context) ?? row.guard(record, command, context);
  if (refused) return { ok: false, error: refused };
  const to = typeof row.to === 'function' ? row.to(record, command) : row.to;
  const { patch, event } = row.effect(record, command, context);
  const next = compact({ ...record, ...patch, state: to });
  const base = { proposalId: record.id, communityId: record.communityId, from: record.state, to, on: context.today };
  return { ok: true, record: next, events: [{ ...base, ...event }] };
}
