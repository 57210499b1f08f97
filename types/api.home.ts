/** Issue 17 (first paint): the home page's first screen in one answer (home.get); re-exported by api.ts. */
import type { Directory, LedgerAnswer, Me, Page, ProposalView } from './api';

/** What the home page shows of one community: the first proposals of three states and the ledger. */
export interface HomeBoard {
  communityId: string;
  publicity: Page<ProposalView>;
  submitted: Page<ProposalView>;
  completed: Page<ProposalView>;
  ledger: LedgerAnswer;
}

export interface HomeAnswer {
  /** Null when the caller is not signed in (everything else is public). */
  me: Me | null;
  directory: Directory;
  /** The community shown — the caller's own, else the one asked for — with its board; null: none yet. */
  board: HomeBoard | null;
  /** True when the board is the caller's own community. */
  joined: boolean;
  year: number;
}
