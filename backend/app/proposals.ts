import type { Answer, ProposalView } from '../../types/api';
import type { Actor, ChangeRecord, DeadlineName, Policy, ProposalRecord } from '../../types/domain';
import { deadlinesOf, overdueOf } from '../domain/deadlines';
import type { DomainEvent } from '../domain/events';
import { policyYearOf, transition, type Command, type TransitionContext } from '../domain/lifecycle';
import { missingDocuments } from '../domain/checklist';
import { allowedActions, sideActions, targetOf } from '../domain/permissions';
import { defaultPolicy } from '../domain/policy';
import type { Failure } from '../domain/result';
import { proposerNameFor } from '../domain/privacy';
import { averageStars } from '../domain/ratings';
import { stallIndexOn } from '../domain/stall';
import type {
  AuditDraft,
  CommitRefusal,
  LedgerMove,
  OutboxDraft,
  ProposalIndexing,
  Store,
  StoredProposal,
  TransitionBatch,
} from './ports/store.port';
import type { UseCaseContext } from './action';
import { fail, ok } from './answers';

/** The district's policy of a year: as set with policy.set, else the defaults of spec/api.md. */
export async function policyFor(store: Store, districtId: string, year: number): Promise<Policy> {
  return (await store.findPolicy(districtId, year)) ?? defaultPolicy(districtId, year);
}

/** What the domain needs to judge a record today. */
export async function transitionContextFor(context: UseCaseContext, record: ProposalRecord): Promise<TransitionContext> {
  const policy = await policyFor(context.services.store, record.districtId, policyYearOf(record, context.today));
  return { today: context.today, calendar: context.services.calendar, policy };
}

/** The columns the store indexes a record by: its running deadline and its missing documents. */
export function indexingOf(record: ProposalRecord, policy: Policy, context: UseCaseContext): ProposalIndexing {
  const { publicityEndsOn: _window, ...duties } = deadlinesOf(record, context.services.calendar);
  const dates = Object.values(duties).map((deadline) => deadline.on);
  // Issue 18: a waiting project is indexed from the shortest wait any policy allows, so the overdue
  // lists find it whatever the district sets later; they judge it by the policy in force.
  const stall = stallIndexOn(record, context.services.calendar);
  if (stall) dates.push(stall);
  dates.sort();
  return { openDeadlineOn: dates[0] ?? null, missingDocuments: missingDocuments(record, policy) };
}

/** The proposal as the API shows it to this caller. */
export function proposalView(
  stored: StoredProposal,
  actor: Actor,
  transitionContext: TransitionContext,
  pendingChange?: ChangeRecord | null,
): ProposalView {
  const { record, counters } = stored;
  const {
    proposerOpenid: _proposerOpenid,
    proposerName: _proposerName,
    // Issue 18: the archive is read through document.list; an offline originator only masked.
    documents: _documents,
    onBehalfOf,
    ...shown
  } = record;
  const { calendar, today } = transitionContext;
  const deadlines = deadlinesOf(record, calendar);
  const daysLeft = Object.fromEntries(
    Object.entries(deadlines).map(([name, deadline]) => [name, calendar.workingDaysLeft(today, deadline.on)]),
  );
  return {
    ...shown,
    ...(pendingChange ? { pendingChange } : {}),
    proposer: proposerNameFor(record, actor),
    ...(onBehalfOf ? { onBehalfOf: { name: proposerNameFor(record, actor), channel: onBehalfOf.channel } } : {}),
    mine: actor.openid !== null && actor.openid === record.proposerOpenid,
    commentCount: counters.commentCount,
    ratingCount: counters.ratingCount,
    ratingAverage: averageStars(counters.ratingSum, counters.ratingCount),
    deadlines,
    daysLeft,
    overdue: overdueOf(record, today, calendar).map((flag) => flag.name as DeadlineName),
    allowedActions: allowedActions(actor, record, transitionContext),
    // Issue 18: the archive's attach and the complaint entry, at any stage
    sideActions: sideActions(actor, record, transitionContext.policy),
    updatedAt: stored.updatedAt,
  };
}

/** The view of a stored proposal for the caller, with its pending change read when it has one. */
export async function viewFor(context: UseCaseContext, stored: StoredProposal): Promise<ProposalView> {
  const { pendingChangeId } = stored.record;
  const pendingChange = pendingChangeId ? await context.services.store.findChange(pendingChangeId) : null;
  return proposalView(stored, context.actor, await transitionContextFor(context, stored.record), pendingChange);
}

/** The proposal chain's id in the audit trail. */
export const proposalChain = (id: string) => id;
export const ledgerChain = (communityId: string, year: number) => `ledger:${communityId}:${year}`;
/** Comments and answers on a proposal, and their moderation, have their own chain. */
export const commentChain = (proposalId: string) => `comments:${proposalId}`;
export const ratingChain = (proposalId: string) => `ratings:${proposalId}`;
export const userChain = (openid: string) => `user:${openid}`;
export const policyChain = (districtId: string, year: number) => `policy:${districtId}:${year}`;
export const libraryChain = (entryId: string) => `library:${entryId}`;

/**
 * What a transition's events mean for the store: an audit entry for each state change, the
 * ledger moves of money events (with their own audit entries), the change records to save, and
 * a message to the proposer whenever the state changed.
 */
export function effectsOf(
  events: DomainEvent[],
  record: ProposalRecord,
  action: string,
  context: UseCaseContext,
): Pick<TransitionBatch, 'ledgerMoves' | 'changes' | 'audit' | 'outbox'> {
  const actor = context.caller.openid ?? 'system';
  const ledgerMoves: LedgerMove[] = [];
  const changes: TransitionBatch['changes'] = [];
  const audit: AuditDraft[] = [];
  const outbox: OutboxDraft[] = [];
  for (const event of events) {
    const { proposalId, communityId: _communityId, from, to, on: _on, type, ...detail } = event;
    audit.push({ chainId: proposalChain(proposalId), at: context.at, actor, action, from, to, detail: { event: type, ...detail } });
    const money = ledgerMoveOf(event);
    if (money) {
      ledgerMoves.push(money);
      audit.push({
        chainId: ledgerChain(money.communityId, money.year),
        at: context.at,
        actor,
        action,
        from: null,
        to: null,
        detail: { event: type, proposalId, approvedDeltaFen: money.approvedDeltaFen, spentDeltaFen: money.spentDeltaFen },
      });
    }
    if ('change' in event) changes.push(event.change);
    if (from !== to) {
      outbox.push({
        recipientOpenid: record.proposerOpenid,
        kind: 'proposal_state_changed',
        payload: { proposalId, title: record.title, from, to, on: event.on },
      });
    }
  }
  return { ledgerMoves, changes, audit, outbox };
}

function ledgerMoveOf(event: DomainEvent): LedgerMove | null {
  switch (event.type) {
    case 'ProposalApproved':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: event.approvedBudgetFen, spentDeltaFen: 0 };
    case 'ProposalWithdrawn':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: -event.releasedFen, spentDeltaFen: 0 };
    case 'BudgetAdjusted':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: event.toFen - event.fromFen, spentDeltaFen: 0 };
    case 'AuditPublished':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: 0, spentDeltaFen: event.spentFen };
    default:
      return null;
  }
}

const COMMIT_MESSAGES = {
  conflict: '记录已被他人修改，请刷新后重试',
  invalid_state: '项目状态已变化，请刷新后重试',
  budget_exceeded: '超出社区本年度已下达的资金额度',
  rate_limited: '操作过于频繁，请稍后再试',
  window_closed: '当前不在可操作的时间内',
} as const;

/** A write the store did not make, as the answer: the domain's own refusal when it gave one. */
export function commitRefused(refused: CommitRefusal): Failure {
  return refused.refusal ? { ok: false, error: refused.refusal } : fail(refused.code, COMMIT_MESSAGES[refused.code]);
}

export interface TransitionOptions {
  /**
   * A look at other records before the commit, for a clear refusal (the ledger's room for an
   * approval); the store's conditional writes still decide under concurrency.
   */
  precheck?: (next: ProposalRecord, transitionContext: TransitionContext) => Promise<Failure | null>;
}

/**
 * The script of every lifecycle action on one proposal: load → authorize → ask the domain →
 * commit the next record with its audit, ledger moves and outbox → answer the view.
 */
export async function runTransition(
  context: UseCaseContext,
  id: string,
  commandOf: (record: ProposalRecord) => Command,
  options: TransitionOptions = {},
): Promise<Answer<ProposalView>> {
  const { store } = context.services;
  const stored = await store.findProposal(id);
  if (!stored) return fail('not_found', '没有这个项目', 'id');
  const transitionContext = await transitionContextFor(context, stored.record);
  // The permission is the declared action's (change.decide applies its decision as change.apply).
  const refused = context.authorize(targetOf(stored.record, transitionContext.policy));
  if (refused) return refused;
  const command = commandOf(stored.record);
  const result = transition(stored.record, command, transitionContext);
  if (!result.ok) return result;
  const prechecked = options.precheck ? await options.precheck(result.record, transitionContext) : null;
  if (prechecked) return prechecked;
  const committed = await store.commitTransitions({
    at: context.at,
    proposals: [
      {
        record: result.record,
        indexing: indexingOf(result.record, transitionContext.policy, context),
        expectedVersion: stored.record.version,
        expectedState: stored.record.state,
      },
    ],
    // The audit entries name the command the lifecycle ran (change.decide runs change.apply).
    ...effectsOf(result.events, result.record, command.action, context),
  });
  if (!committed.ok) return commitRefused(committed);
  return ok(await viewFor(context, committed.value[0]));
}
