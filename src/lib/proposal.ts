import type { ProposalView } from '../../types/api';

import type { DeadlineName } from '../../types/domain';

/**
 * The working days left to a running deadline, as the server counts them (`daysLeft`: 0 on its last
 * day). Undefined when the server sends no count; the page never counts working days itself.
 */
export function daysLeftOf(proposal: ProposalView, name: DeadlineName): number | undefined {
  const value = proposal.daysLeft?.[name];
  return typeof value === 'number' ? value : undefined;
}

/** The budget a notice shows: the approved one, else the application report's. */
export function budgetOf(proposal: ProposalView): number | undefined {
  return proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
}

/**
 * TODO(contract): the time limit a publicity notice must state (R-PUB-1: content, location, time
 * limit, budget), as text written by the community (`ProposalView.publicity.timeLimit`). Shown when
 * the server sends it; the page never derives it from the category's rules.
 */
export function timeLimitOf(proposal: ProposalView): string | undefined {
  const value = (proposal.publicity as (ProposalView['publicity'] & { timeLimit?: unknown }) | undefined)?.timeLimit;
  return typeof value === 'string' && value ? value : undefined;
}
