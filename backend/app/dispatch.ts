import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import type { ActionName, Answer } from '../../types/api';
import type { Actor } from '../../types/domain';
import { shanghaiDateOf } from '../domain/calendar';
import type { UserRecord } from './ports/store.port';
import { DEFAULT_RATE_LIMITS, type AppServices, type Caller, type UseCase } from './action';
import { fail, statusOf } from './answers';
import { addComment } from './actions/add-comment';
import { addLibraryEntry } from './actions/add-library-entry';
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

/** Every action of the API and its use case. An action missing here is `invalid_input`. */
const useCases: Record<ActionName, UseCase<any, unknown>> = {
  'me.get': getMe,
  'me.join': joinCommunity,
  'directory.get': getDirectory,
  'role.grant': grantRole,
  'proposal.submit': submitProposal,
  'proposal.get': getProposal,
  'proposal.list': listProposals,
  'proposal.screen': screenProposal,
  'proposal.draftReport': draftReport,
  'council.publishAgenda': publishAgenda,
  'council.recordVote': recordVote,
  'council.status': getCouncilStatus,
  'proposal.submitToStreet': submitToStreet,
  'review.decide': decideReview,
  'publicity.publish': publishPublicity,
  'comment.add': addComment,
  'comment.list': listComments,
  'comment.reply': replyComment,
  'comment.moderate': moderateComment,
  'implementation.assign': assignImplementation,
  'implementation.start': startImplementation,
  'implementation.complete': completeImplementation,
  'rating.set': setRating,
  'rating.summary': summarizeRatings,
  'evaluation.publish': publishEvaluation,
  'audit.publish': publishAudit,
  'change.request': requestChange,
  'change.decide': decideChange,
  'ledger.get': getLedger,
  'ledger.allocate': allocateLedger,
  'policy.get': getPolicy,
  'policy.set': setPolicy,
  'subsidy.application': applySubsidy,
  'oversight.overdue': listOverdue,
  'oversight.checklist': listChecklist,
  'audit.trail': readAuditTrail,
  'library.list': listLibrary,
  'library.add': addLibraryEntry,
};

export interface Dispatched {
  status: number;
  answer: Answer<unknown>;
}

/** The adapters a composition root plugs in (photos: the store's uploads locally, cloud storage in WeChat). */
export type AppDependencies = Omit<AppServices, 'limits' | 'newId'> &
  Partial<Pick<AppServices, 'limits' | 'newId'>> & {
    /** Where unexpected errors go; they never reach the caller. */
    logError?: (error: unknown, action: string) => void;
  };

function firstIssue(error: ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return { field, message: `参数不正确：${field}` };
}

function isActionName(action: unknown): action is ActionName {
  return typeof action === 'string' && Object.prototype.hasOwnProperty.call(useCases, action);
}

function actorOf(openid: string | null, user: UserRecord | null): Actor {
  return { openid, communityId: user?.communityId ?? null, grants: user?.grants ?? [] };
}

/** Record ids: a readable prefix and 16 random hex digits. */
export function newRecordId(prefix: string): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/**
 * The one entry of both doors (local HTTP and the cloud function): validate → use case → answer.
 * Never throws: an unexpected error is `internal` with a message that leaks nothing.
 */
export function createDispatch(dependencies: AppDependencies) {
  const { logError: log, ...given } = dependencies;
  const services: AppServices = { limits: DEFAULT_RATE_LIMITS, newId: newRecordId, ...given };
  const logError = log ?? ((error: unknown, action: string) => console.error(`[api] ${action} failed`, error));

  return async function dispatch(action: unknown, payload: unknown, caller: Caller, now: Date): Promise<Dispatched> {
    const answer = await answerFor(action, payload, caller, now);
    return { status: statusOf(answer), answer };
  };

  async function answerFor(action: unknown, payload: unknown, caller: Caller, now: Date): Promise<Answer<unknown>> {
    if (!isActionName(action)) return fail('invalid_input', '未知的操作', 'action');
    const useCase = useCases[action];
    if (useCase.requiresSignIn && !caller.openid) return fail('unauthenticated', '请先登录');
    const parsed = useCase.schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      return fail('invalid_input', message, field);
    }
    try {
      const user = caller.openid ? await services.store.findUser(caller.openid) : null;
      const at = now.toISOString();
      return await useCase.run(parsed.data, {
        services,
        caller,
        user,
        actor: actorOf(caller.openid, user),
        at,
        today: shanghaiDateOf(now.getTime()),
      });
    } catch (error) {
      logError(error, action);
      return fail('internal', '系统繁忙，请稍后再试');
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatch>;
