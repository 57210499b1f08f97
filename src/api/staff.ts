import type {
  AuditPublishRequest,
  ChangeDecideRequest,
  ChangeRequestRequest,
  CommentModerateRequest,
  CommentReplyRequest,
  CouncilPublishAgendaRequest,
  CouncilRecordVoteRequest,
  EvaluationPublishRequest,
  ImplementationAssignRequest,
  ImplementationCompleteRequest,
  ImplementationStartRequest,
  LedgerAllocateRequest,
  LibraryAddRequest,
  OversightRequest,
  PolicyGetRequest,
  PolicySetRequest,
  ProposalDraftReportRequest,
  ProposalScreenRequest,
  ReviewDecideRequest,
  RoleGrantRequest,
  SubsidyApplicationRequest,
} from '../../types/api';
import { send } from './transport';

// The staff actions of spec/api.md, one typed function each; like ./index.ts, each resolves with
// the answer envelope. Imported only by the `staff` and `review` subpackages.

// Community workers
export const screenProposal = (request: ProposalScreenRequest) => send('proposal.screen', request);
export const draftReport = (request: ProposalDraftReportRequest) => send('proposal.draftReport', request);
export const publishAgenda = (request: CouncilPublishAgendaRequest) => send('council.publishAgenda', request);
export const recordVote = (request: CouncilRecordVoteRequest) => send('council.recordVote', request);
export const getCouncilStatus = (communityId: string) => send('council.status', { communityId });
export const submitToStreet = (id: string) => send('proposal.submitToStreet', { id });
export const publishPublicity = (id: string) => send('publicity.publish', { id });
export const replyComment = (request: CommentReplyRequest) => send('comment.reply', request);
export const moderateComment = (request: CommentModerateRequest) => send('comment.moderate', request);
export const assignImplementation = (request: ImplementationAssignRequest) => send('implementation.assign', request);
export const startImplementation = (request: ImplementationStartRequest) => send('implementation.start', request);
export const completeImplementation = (request: ImplementationCompleteRequest) => send('implementation.complete', request);
export const publishEvaluation = (request: EvaluationPublishRequest) => send('evaluation.publish', request);
export const requestChange = (request: ChangeRequestRequest) => send('change.request', request);

// Street reviewers
export const decideReview = (request: ReviewDecideRequest) => send('review.decide', request);
export const decideChange = (request: ChangeDecideRequest) => send('change.decide', request);
export const publishAudit = (request: AuditPublishRequest) => send('audit.publish', request);
export const allocateLedger = (request: LedgerAllocateRequest) => send('ledger.allocate', request);

// District and city
export const getPolicy = (request: PolicyGetRequest) => send('policy.get', request);
export const setPolicy = (request: PolicySetRequest) => send('policy.set', request);
export const getSubsidyApplication = (request: SubsidyApplicationRequest) => send('subsidy.application', request);
export const grantRole = (request: RoleGrantRequest) => send('role.grant', request);
export const addLibraryEntry = (request: LibraryAddRequest) => send('library.add', request);

// Oversight (street, district, city)
export const listOverdue = (request: OversightRequest) => send('oversight.overdue', request);
export const listChecklist = (request: OversightRequest) => send('oversight.checklist', request);
export const readAuditTrail = (id: string) => send('audit.trail', { id });
