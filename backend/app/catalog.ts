import type { z } from 'zod';
import type { Action as Permission } from '../domain/permissions';
import type { ActionDeclaration, AnyAction } from './action';
import { addComment } from './actions/add-comment';
// Issue 18 (payments, acceptance, inspections, plans, reports)
import { acceptImplementation } from './actions/accept-implementation';
import { listInspections } from './actions/list-inspections';
import { recordInspection } from './actions/record-inspection';
import { recordPaymentAction } from './actions/record-payment';
import { resolveInspection } from './actions/resolve-inspection';
import { setPlan } from './actions/set-plan';
import { summarizeReport } from './actions/summarize-report';
import { addLibraryEntry } from './actions/add-library-entry';
// Archive, supervision, complaints and residents' agendas (issue 18)
import { answerComplaint } from './actions/answer-complaint';
import { attachDocument } from './actions/attach-document';
import { listComplaints } from './actions/list-complaints';
import { listCouncilMeetings } from './actions/list-council-meetings';
import { listDocuments } from './actions/list-documents';
import { submitComplaint } from './actions/submit-complaint';
import { allocateLedger } from './actions/allocate-ledger';
import { applySubsidy } from './actions/apply-subsidy';
import { assignImplementation } from './actions/assign-implementation';
import { completeImplementation } from './actions/complete-implementation';
import { decideChange } from './actions/decide-change';
import { decideReview } from './actions/decide-review';
import { draftReport } from './actions/draft-report';
import { getCouncilStatus } from './actions/get-council-status';
import { getDirectory } from './actions/get-directory';
import { getLedger } from './actions/get-ledger';
import { getMe } from './actions/get-me';
import { getPolicy } from './actions/get-policy';
import { getProposal } from './actions/get-proposal';
import { grantRole } from './actions/grant-role';
import { joinCommunity } from './actions/join-community';
import { listChecklist } from './actions/list-checklist';
import { listComments } from './actions/list-comments';
import { listLibrary } from './actions/list-library';
import { listOverdue } from './actions/list-overdue';
import { listProposals } from './actions/list-proposals';
import { listRoles } from './actions/list-roles';
import { moderateComment } from './actions/moderate-comment';
import { publishAgenda } from './actions/publish-agenda';
import { publishAudit } from './actions/publish-audit';
import { publishEvaluation } from './actions/publish-evaluation';
import { publishPublicity } from './actions/publish-publicity';
import { readAuditTrail } from './actions/read-audit-trail';
import { recordVote } from './actions/record-vote';
import { replyComment } from './actions/reply-comment';
import { requestChange } from './actions/request-change';
import { screenProposal } from './actions/screen-proposal';
import { setPolicy } from './actions/set-policy';
import { setRating } from './actions/set-rating';
import { startImplementation } from './actions/start-implementation';
import { submitProposal } from './actions/submit-proposal';
import { submitToStreet } from './actions/submit-to-street';
import { summarizeRatings } from './actions/summarize-ratings';
// Issue 14 (audit anchoring) and issue 17 (personal data)
import { deleteMyAccount } from './actions/delete-my-account';
import { exportMyData } from './actions/export-my-data';
import { listAuditHeads } from './actions/list-audit-heads';
import { recordConsent } from './actions/record-consent';
// Issue 16: calendar, library editing, exports
import { getCalendar } from './actions/get-calendar';
import { setCalendar } from './actions/set-calendar';
import { updateLibraryEntry } from './actions/update-library-entry';
import { createExport } from './actions/create-export';
// Notifications
import { listNotifications } from './actions/list-notifications';
import { readNotifications } from './actions/read-notifications';
// comment.mine, rating.mine (issue 17)
import { listMyComments } from './actions/list-my-comments';
import { listMyRatings } from './actions/list-my-ratings';
// issue 17 (first paint)
import { getHome } from './actions/get-home';
// Directory upkeep and staff onboarding (issue 16)
import { acceptInvitation } from './actions/accept-invitation';
import { cancelInvitation } from './actions/cancel-invitation';
import { createInvitation } from './actions/create-invitation';
import { importDirectory } from './actions/import-directory';
import { invitationWxacode } from './actions/invitation-wxacode';
import { listInvitations } from './actions/list-invitations';
import { listUnits } from './actions/list-units';
import { revokeRole } from './actions/revoke-role';
import { upsertUnit } from './actions/upsert-unit';

/**
 * Every action of the API, each declared once in its own file under actions/ (name, payload
 * schema, answer, who may call it, audit, next step). Everything that lists actions derives from
 * this array: the dispatch table, the action names, the typed client of the pages (src/api, by
 * type-only imports) and the API reference (docs/api.md, by scripts/api-reference.ts). The order
 * is the API reference's.
 */
export const CATALOG = [
  getMe,
  joinCommunity,
  // Issue 17 (personal data)
  exportMyData,
  deleteMyAccount,
  recordConsent,
  getDirectory,
  grantRole,
  listRoles,
  submitProposal,
  getProposal,
  listProposals,
  screenProposal,
  draftReport,
  publishAgenda,
  recordVote,
  getCouncilStatus,
  submitToStreet,
  decideReview,
  publishPublicity,
  addComment,
  listComments,
  replyComment,
  moderateComment,
  assignImplementation,
  startImplementation,
  completeImplementation,
  setRating,
  summarizeRatings,
  publishEvaluation,
  publishAudit,
  requestChange,
  decideChange,
  getLedger,
  allocateLedger,
  getPolicy,
  setPolicy,
  applySubsidy,
  listOverdue,
  listChecklist,
  readAuditTrail,
  // Issue 14 (audit anchoring)
  listAuditHeads,
  listLibrary,
  addLibraryEntry,
  // Issue 16: calendar, library editing, exports
  updateLibraryEntry,
  getCalendar,
  setCalendar,
  createExport,
  // Notifications
  listNotifications,
  readNotifications,
  // Issue 18 (payments, acceptance, inspections, plans, reports)
  recordPaymentAction,
  acceptImplementation,
  recordInspection,
  listInspections,
  resolveInspection,
  setPlan,
  summarizeReport,
  // comment.mine, rating.mine (issue 17)
  listMyComments,
  listMyRatings,
  // issue 17 (first paint)
  getHome,
  // Archive, supervision, complaints and residents' agendas (issue 18)
  attachDocument,
  listDocuments,
  submitComplaint,
  listComplaints,
  answerComplaint,
  listCouncilMeetings,
  // Directory upkeep and staff onboarding (issue 16)
  listUnits,
  importDirectory,
  upsertUnit,
  createInvitation,
  acceptInvitation,
  listInvitations,
  cancelInvitation,
  invitationWxacode,
  revokeRole,
] as const;

type Declared = (typeof CATALOG)[number];

export type ActionName = Declared['name'];

type DeclarationOf<A extends ActionName> = Extract<Declared, { name: A }>;

/** What the client sends: the payload schema's input. */
export type RequestOf<A extends ActionName> = z.input<DeclarationOf<A>['schema']>;

/** What the action answers when it succeeds. */
export type AnswerOf<A extends ActionName> = DeclarationOf<A> extends ActionDeclaration<A, z.ZodTypeAny, infer Data, string> ? Data : never;

export const ACTION_NAMES: readonly ActionName[] = CATALOG.map((declaration) => declaration.name);

// The compiler checks the catalog against the one permissions switch: no permission of
// domain/permissions.ts is left that no action asks for, and every `next` names an action here.
type UnaskedPermission = Exclude<Permission, Declared['access']['permission']>;
const everyPermissionIsAsked: [UnaskedPermission] extends [never] ? true : UnaskedPermission = true;
type UnknownNext = Exclude<Declared['next'][number], ActionName>;
const everyNextIsAnAction: [UnknownNext] extends [never] ? true : UnknownNext = true;
void everyPermissionIsAsked;
void everyNextIsAnAction;

const BY_NAME: ReadonlyMap<string, AnyAction> = new Map(CATALOG.map((declaration): [string, AnyAction] => [declaration.name, declaration]));

/** The declaration of an action name, or undefined for a name the API does not have. */
export function declarationOf(name: unknown): AnyAction | undefined {
  return typeof name === 'string' ? BY_NAME.get(name) : undefined;
}
