import type { ProposalView } from '../../types/api';

/**
 * TODO(contract): the working days left in a publicity window, counted by the server
 * (`ProposalView.publicityDaysLeft`). The page never counts working days itself; until the field
 * exists the notice shows its end date only.
 */
export function publicityDaysLeftOf(proposal: ProposalView): number | undefined {
  const value = (proposal as ProposalView & { publicityDaysLeft?: unknown }).publicityDaysLeft;
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
