/**
 * What a transition produced, in the past tense. The store writes the events with the record
 * in one transaction (audit entry, outbox for notifications, ledger moves).
 */
import type { DateString } from '../../types/api';
import type {
  ChangeRecord,
  Deadlines,
  Deadline,
  Exclusion,
  ImplementerSide,
  ProposalState,
  Vote,
} from '../../types/domain';

export interface EventBase {
  proposalId: string;
  communityId: string;
  /** Null for a new proposal. */
  from: ProposalState | null;
  to: ProposalState;
  /** The Asia/Shanghai date it happened on. */
  on: DateString;
}

export type DomainEventDetail =
  | { type: 'ProposalSubmitted' }
  | { type: 'ProposalAdopted' }
  | { type: 'ProposalNotAdopted'; explanation: string; exclusion?: Exclusion }
  | { type: 'ReportDrafted'; budgetFen: number; feeFen: number }
  | { type: 'AgendaPublished'; meetingId: string; meetingOn: DateString }
  | { type: 'CouncilPassed'; vote: Vote }
  | { type: 'CouncilRejected'; vote: Vote }
  | { type: 'SubmittedToStreet'; reviewDueOn: Deadline }
  /** The store reserves `approvedBudgetFen` on the ledger of `budgetYear` (R-FUN-1). */
  | { type: 'ProposalApproved'; approvedBudgetFen: number; budgetYear: number }
  | { type: 'ProposalRejected'; reason: string }
  | { type: 'ProposalTransferred'; department: string; reason: string }
  | { type: 'PublicityPublished'; endsOn: Deadline }
  | { type: 'ImplementerAssigned'; implementer: string; side: ImplementerSide; deadlines: Deadlines }
  | { type: 'ImplementationStarted'; startedOn: DateString }
  | { type: 'ProjectCompleted'; completedOn: DateString; maintenanceUnit: string }
  | { type: 'EvaluationPublished' }
  /** The store records `spentFen` as spent on the ledger of `budgetYear` (R-AUD-1, R-FUN-4). */
  | { type: 'AuditPublished'; spentFen: number; budgetYear: number }
  /** The store saves `change` (pending) with the record (R-CHG-1). */
  | { type: 'ChangeRequested'; change: ChangeRecord }
  | { type: 'ChangeRefused'; change: ChangeRecord }
  /** The store releases `releasedFen` on the ledger of `budgetYear`. */
  | { type: 'ProposalWithdrawn'; change: ChangeRecord; releasedFen: number; budgetYear: number }
  /** The store re-reserves `toFen` in place of `fromFen` on the ledger of `budgetYear`. */
  | { type: 'BudgetAdjusted'; change: ChangeRecord; fromFen: number; toFen: number; budgetYear: number }
  /** R-PUB-3 (issue 18): an approved revision that kept the total: the plan and lines change, the ledger does not. */
  | { type: 'PlanRevised'; change: ChangeRecord };

export type DomainEvent = EventBase & DomainEventDetail;
export type DomainEventType = DomainEventDetail['type'];
