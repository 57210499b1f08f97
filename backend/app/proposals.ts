import type { Answer, ProposalView } from '../../types/api';
import type { Actor, ChangeRecord, DeadlineName, Policy, ProposalRecord } from '../../types/domain';
import { deadlinesOf, isPublicityOpen, overdueOf } from '../domain/deadlines';
import type { DomainEvent } from '../domain/events';
import { policyYearOf, transition, type Command, type TransitionContext } from '../domain/lifecycle';
import { missingDocuments } from '../domain/checklist';
import { allowedActions, sideActions, targetOf } from '../domain/permissions';
import { defaultPolicy } from '../domain/policy';
import type { Failure } from '../domain/result';
import { freeTextFor, proposerNameFor } from '../domain/privacy';
import { averageStars } from '../domain/ratings';
import { communityNoticesOf } from '../domain/notifications';
import { moneyViewOf } from './payments';
import { spentDeltaFen } from '../domain/payments';
import { canComment } from '../domain/comments';
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
import { staffMessagesOf } from './notifications';

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
  // R-PUB-2: a publicity window past its last day is ended (never 今天截止 the day after): no days left.
  const ended: DeadlineName[] = deadlines.publicityEndsOn && !isPublicityOpen(record, today, calendar) ? ['publicityEndsOn'] : [];
  const daysLeft = Object.fromEntries(
    Object.entries(deadlines)
      .filter(([name]) => !ended.includes(name as DeadlineName))
      .map(([name, deadline]) => [name, calendar.workingDaysLeft(today, deadline.on)]),
  );
  // R-TRN-1: a phone number typed into the proposal's words is masked for all but the proposer and staff in scope.
  const textOf = (text: string) => freeTextFor(text, record.proposerOpenid, record, actor);
  return {
    ...shown,
    title: textOf(record.title),
    location: textOf(record.location),
    description: textOf(record.description),
    ...(pendingChange ? { pendingChange } : {}),
    proposer: proposerNameFor(record, actor),
    ...(onBehalfOf ? { onBehalfOf: { name: proposerNameFor(record, actor), channel: onBehalfOf.channel } } : {}),
    mine: actor.openid !== null && actor.openid === record.proposerOpenid,
    commentCount: counters.commentCount,
    ratingCount: counters.ratingCount,
    ratingAverage: averageStars(counters.ratingSum, counters.ratingCount),
    ...(record.publicity && deadlines.publicityEndsOn ? { publicity: { ...record.publicity, endsOn: deadlines.publicityEndsOn } } : {}),
    deadlines,
    daysLeft,
    ended,
    overdue: overdueOf(record, today, calendar).map((flag) => flag.name as DeadlineName),
    allowedActions: allowedActions(actor, record, transitionContext),
    // issue 17: the notices page shows 公示中 / 已结束 from this, never from its own clock.
    publicityOpen: canComment(record, today).ok,
    // Issue 18: the archive's attach and the complaint entry, at any stage
    sideActions: sideActions(actor, record, transitionContext.policy),
    updatedAt: stored.updatedAt,
    // Issue 18 (payments): R-PAY-1, what was paid and each budget line's plan against it.
    ...moneyViewOf(record),
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
): Pick<TransitionBatch, 'ledgerMoves' | 'changes' | 'audit' | 'outbox' | 'notices'> {
  const actor = context.caller.openid ?? 'system';
  const ledgerMoves: LedgerMove[] = [];
  const changes: TransitionBatch['changes'] = [];
  const audit: AuditDraft[] = [];
  const outbox: OutboxDraft[] = [];
  for (const event of events) {
    const { proposalId, communityId: _communityId, from, to, on: _on, type, ...detail } = event;
    audit.push({ chainId: proposalChain(proposalId), at: context.at, actor, action, from, to, detail: { event: type, ...detail } });
    const money = ledgerMoveOf(event, record);
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
  // Notifications: what a whole community is told (ratings open), one notice for all its residents.
  return { ledgerMoves, changes, audit, outbox, notices: communityNoticesOf(events, record.title) };
}

function ledgerMoveOf(event: DomainEvent, record: ProposalRecord): LedgerMove | null {
  switch (event.type) {
    case 'ProposalApproved':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: event.approvedBudgetFen, spentDeltaFen: 0 };
    case 'ProposalWithdrawn':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: -event.releasedFen, spentDeltaFen: 0 };
    case 'BudgetAdjusted':
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: event.toFen - event.fromFen, spentDeltaFen: 0 };
    case 'AuditPublished':
      // Issue 18 (payments): R-PAY-2, spent already counts the payments; the audit replaces them with its figure.
      return { communityId: event.communityId, year: event.budgetYear, approvedDeltaFen: 0, spentDeltaFen: spentDeltaFen({ ...record, audit: undefined }, record) };
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
  const effects = effectsOf(result.events, result.record, command.action, context);
  // Notifications: the staff who must act next are told in the same transaction.
  effects.outbox.push(...(await staffMessagesOf(store, result.events, result.record, context.caller.openid)));
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
    ...effects,
  });
  if (!committed.ok) return commitRefused(committed);
  return ok(await viewFor(context, committed.value[0]));
}
