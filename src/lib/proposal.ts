import type { ProposalView } from '../../types/api';
import type { DeadlineName } from '../../types/domain';

/** Whether the server lists `action` among what the caller may do now: a page shows only these. */
export function allows(proposal: ProposalView, action: string): boolean {
  // Issue 18: the archive's attach and the complaint entry come in sideActions.
  return proposal.allowedActions.includes(action) || (proposal.sideActions ?? []).includes(action);
}

/**
 * The working days left to a running deadline, as the server counts them (`daysLeft`: 0 on its last
 * day). Undefined when the server sends no count for it; the page never counts working days itself.
 */
export function daysLeftOf(proposal: ProposalView, name: DeadlineName): number | undefined {
  return proposal.daysLeft[name];
}

/** The budget a notice shows: the approved one, else the application report's. */
export function budgetOf(proposal: ProposalView): number | undefined {
  return proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
}

/**
 * R-PUB-1: the time limit a publicity notice announces, in the words the server wrote when the
 * notice was published (`publicity.timeLimit`); the page never derives it from the category.
 */
export function timeLimitOf(proposal: ProposalView): string | undefined {
  return proposal.publicity?.timeLimit || undefined;
}
