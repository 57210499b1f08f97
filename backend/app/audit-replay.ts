import type { AuditEntry } from './ports/store.port';

/**
 * The replay of `npm run audit:verify` (spec "Audit anchoring"): what the audit trail says every
 * proposal's state and budget and every ledger must be, compared with the rows of the store. A
 * row edited by hand (a state, an approved budget, a ledger's sums) differs from its replay; a
 * row without a trail, or a trail without its row, is reported too.
 *
 * - A proposal's chain (its id): the state is the `to` of its last state change; the approved
 *   budget is the last `ProposalApproved.approvedBudgetFen` or `BudgetAdjusted.toFen`.
 * - A ledger's chain (`ledger:<communityId>:<year>`): allocated is the last `toAllocatedFen`
 *   (ledger.allocate, the seed's ledger.seed); approved and spent are the sums of the moves'
 *   `approvedDeltaFen` and `spentDeltaFen`; the quota is the last one given, by the seed or by
 *   the district's `policy:<districtId>:<year>` chain. What the trail never gave is not compared.
 */

export interface ProposalRow {
  id: string;
  /** The state column and the state inside the stored record: both must match. */
  state: string;
  recordState: string;
  approvedBudgetFen: number | null;
  recordApprovedBudgetFen: number | null;
}

export interface LedgerRow {
  communityId: string;
  districtId: string;
  year: number;
  quotaFen: number;
  allocatedFen: number;
  approvedFen: number;
  spentFen: number;
}

export interface ReplayDifference {
  /** `proposal <id>` or `ledger <communityId> <year>`. */
  row: string;
  field: string;
  stored: string | number | null;
  replayed: string | number | null;
}

const LEDGER_CHAIN = /^ledger:([A-Za-z0-9_-]+):(\d{4})$/;
const POLICY_CHAIN = /^policy:([A-Za-z0-9_-]+):(\d{4})$/;
const isProposalChain = (chainId: string) => /^[A-Za-z0-9_-]+$/.test(chainId);

const numberIn = (detail: Record<string, unknown>, key: string): number | undefined =>
  typeof detail[key] === 'number' ? (detail[key] as number) : undefined;

function replayProposal(entries: AuditEntry[]): { state: string | null; approvedBudgetFen: number | null } {
  let state: string | null = null;
  let approvedBudgetFen: number | null = null;
  for (const entry of entries) {
    if (entry.to !== null) state = entry.to;
    const event = entry.detail.event;
    if (event === 'ProposalApproved') approvedBudgetFen = numberIn(entry.detail, 'approvedBudgetFen') ?? approvedBudgetFen;
    if (event === 'BudgetAdjusted') approvedBudgetFen = numberIn(entry.detail, 'toFen') ?? approvedBudgetFen;
  }
  return { state, approvedBudgetFen };
}

interface LedgerReplay {
  allocatedFen?: number;
  approvedFen: number;
  spentFen: number;
  quota?: { at: string; fen: number };
}

function replayLedger(entries: AuditEntry[]): LedgerReplay {
  const replay: LedgerReplay = { approvedFen: 0, spentFen: 0 };
  for (const entry of entries) {
    const allocated = numberIn(entry.detail, 'toAllocatedFen');
    if (allocated !== undefined) replay.allocatedFen = allocated;
    const quota = numberIn(entry.detail, 'quotaFen');
    if (quota !== undefined) replay.quota = { at: entry.at, fen: quota };
    replay.approvedFen += numberIn(entry.detail, 'approvedDeltaFen') ?? 0;
    replay.spentFen += numberIn(entry.detail, 'spentDeltaFen') ?? 0;
  }
  return replay;
}

/** The last quota a district's policy chain of that year gave. */
function policyQuotas(chains: ReadonlyMap<string, AuditEntry[]>): Map<string, { at: string; fen: number }> {
  const quotas = new Map<string, { at: string; fen: number }>();
  for (const [chainId, entries] of chains) {
    const policy = POLICY_CHAIN.exec(chainId);
    if (!policy) continue;
    for (const entry of entries) {
      const fen = numberIn(entry.detail, 'quotaFen');
      if (fen !== undefined) quotas.set(`${policy[1]}:${policy[2]}`, { at: entry.at, fen });
    }
  }
  return quotas;
}

/** Every difference between the rows and what the trail replays to, proposals first. */
export function replayDifferences(chains: ReadonlyMap<string, AuditEntry[]>, proposals: ProposalRow[], ledgers: LedgerRow[]): ReplayDifference[] {
  const differences: ReplayDifference[] = [];
  const differ = (row: string, field: string, stored: string | number | null, replayed: string | number | null) => {
    if (stored !== replayed) differences.push({ row, field, stored, replayed });
  };

  const proposalIds = new Set(proposals.map((proposal) => proposal.id));
  for (const proposal of proposals) {
    const row = `proposal ${proposal.id}`;
    const entries = chains.get(proposal.id);
    if (!entries || entries.length === 0) {
      differences.push({ row, field: 'trail', stored: 'a row', replayed: 'no audit entry' });
      continue;
    }
    const replayed = replayProposal(entries);
    differ(row, 'state', proposal.state, replayed.state);
    differ(row, 'record.state', proposal.recordState, replayed.state);
    differ(row, 'approvedBudgetFen', proposal.approvedBudgetFen, replayed.approvedBudgetFen);
    differ(row, 'record.approvedBudgetFen', proposal.recordApprovedBudgetFen, replayed.approvedBudgetFen);
  }
  for (const [chainId, entries] of chains) {
    if (isProposalChain(chainId) && !proposalIds.has(chainId) && entries.some((entry) => entry.to !== null)) {
      differences.push({ row: `proposal ${chainId}`, field: 'row', stored: null, replayed: 'a proposal' });
    }
  }

  const quotas = policyQuotas(chains);
  const ledgerKeys = new Set(ledgers.map((ledger) => `ledger:${ledger.communityId}:${ledger.year}`));
  for (const ledger of ledgers) {
    const row = `ledger ${ledger.communityId} ${ledger.year}`;
    const replayed = replayLedger(chains.get(`ledger:${ledger.communityId}:${ledger.year}`) ?? []);
    if (replayed.allocatedFen !== undefined) differ(row, 'allocatedFen', ledger.allocatedFen, replayed.allocatedFen);
    else if (ledger.allocatedFen !== 0) differences.push({ row, field: 'allocatedFen', stored: ledger.allocatedFen, replayed: 'no allocation on the trail' });
    differ(row, 'approvedFen', ledger.approvedFen, replayed.approvedFen);
    differ(row, 'spentFen', ledger.spentFen, replayed.spentFen);
    const policy = quotas.get(`${ledger.districtId}:${ledger.year}`);
    const quota = [replayed.quota, policy].filter((given) => given !== undefined).sort((a, b) => (a!.at < b!.at ? -1 : 1)).pop();
    if (quota) differ(row, 'quotaFen', ledger.quotaFen, quota.fen);
  }
  for (const chainId of chains.keys()) {
    const ledger = LEDGER_CHAIN.exec(chainId);
    if (ledger && !ledgerKeys.has(chainId)) differences.push({ row: `ledger ${ledger[1]} ${ledger[2]}`, field: 'row', stored: null, replayed: 'a ledger' });
  }
  return differences;
}
