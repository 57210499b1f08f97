import type { RequestOf } from './transport.types';
import { send } from './transport';

// The staff actions of spec/api.md, one typed function each; like ./index.ts, each resolves with
// the answer envelope. Imported only by the `staff` and `review` subpackages.

// Community workers
export const screenProposal = (request: RequestOf<'proposal.screen'>) => send('proposal.screen', request);
export const draftReport = (request: RequestOf<'proposal.draftReport'>) => send('proposal.draftReport', request);
export const publishAgenda = (request: RequestOf<'council.publishAgenda'>) => send('council.publishAgenda', request);
export const recordVote = (request: RequestOf<'council.recordVote'>) => send('council.recordVote', request);
export const getCouncilStatus = (communityId: string) => send('council.status', { communityId });
export const submitToStreet = (id: string) => send('proposal.submitToStreet', { id });
export const publishPublicity = (id: string) => send('publicity.publish', { id });
export const replyComment = (request: RequestOf<'comment.reply'>) => send('comment.reply', request);
export const moderateComment = (request: RequestOf<'comment.moderate'>) => send('comment.moderate', request);
export const assignImplementation = (request: RequestOf<'implementation.assign'>) => send('implementation.assign', request);
export const startImplementation = (request: RequestOf<'implementation.start'>) => send('implementation.start', request);
export const completeImplementation = (request: RequestOf<'implementation.complete'>) => send('implementation.complete', request);
export const publishEvaluation = (request: RequestOf<'evaluation.publish'>) => send('evaluation.publish', request);
export const requestChange = (request: RequestOf<'change.request'>) => send('change.request', request);

// Street reviewers
export const decideReview = (request: RequestOf<'review.decide'>) => send('review.decide', request);
export const decideChange = (request: RequestOf<'change.decide'>) => send('change.decide', request);
export const publishAudit = (request: RequestOf<'audit.publish'>) => send('audit.publish', request);
export const allocateLedger = (request: RequestOf<'ledger.allocate'>) => send('ledger.allocate', request);

// District and city
export const getPolicy = (request: RequestOf<'policy.get'>) => send('policy.get', request);
export const setPolicy = (request: RequestOf<'policy.set'>) => send('policy.set', request);
export const getSubsidyApplication = (request: RequestOf<'subsidy.application'>) => send('subsidy.application', request);
export const grantRole = (request: RequestOf<'role.grant'>) => send('role.grant', request);
export const addLibraryEntry = (request: RequestOf<'library.add'>) => send('library.add', request);

// Oversight (street, district, city)
export const listOverdue = (request: RequestOf<'oversight.overdue'>) => send('oversight.overdue', request);
export const listChecklist = (request: RequestOf<'oversight.checklist'>) => send('oversight.checklist', request);
export const readAuditTrail = (id: string) => send('audit.trail', { id });
