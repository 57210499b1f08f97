import type { ZodError } from 'zod';
import type { ActionName, Answer } from '../../types/api';
import type { Store } from '../store/store.port';
import type { Caller, UseCase } from './action';
import { fail, statusOf } from './answers';
import { getDirectory } from './actions/get-directory';
import { getMe } from './actions/get-me';
import { joinCommunity } from './actions/join-community';

/** Every action of the API and its use case. An action missing here is `invalid_input`. */
const useCases: Record<ActionName, UseCase<any, unknown>> = {
  'me.get': getMe,
  'me.join': joinCommunity,
  'directory.get': getDirectory,
};

export interface Dispatched {
  status: number;
  answer: Answer<unknown>;
}

export interface AppDependencies {
  store: Store;
  /** Where unexpected errors go; they never reach the caller. */
  logError?: (error: unknown, action: string) => void;
}

function firstIssue(error: ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return { field, message: `参数不正确：${field}` };
}

function isActionName(action: unknown): action is ActionName {
  return typeof action === 'string' && Object.prototype.hasOwnProperty.call(useCases, action);
}

/**
 * The one entry of both doors (local HTTP and the cloud function): validate → use case → answer.
 * Never throws: an unexpected error is `internal` with a message that leaks nothing.
 */
export function createDispatch(dependencies: AppDependencies) {
  const { store } = dependencies;
  const logError = dependencies.logError ?? ((error: unknown, action: string) => console.error(`[api] ${action} failed`, error));

  return function dispatch(action: unknown, payload: unknown, caller: Caller, now: Date): Dispatched {
    const answer = answerFor(action, payload, caller, now);
    return { status: statusOf(answer), answer };
  };

  function answerFor(action: unknown, payload: unknown, caller: Caller, now: Date): Answer<unknown> {
    if (!isActionName(action)) return fail('invalid_input', '未知的操作', 'action');
    const useCase = useCases[action];
    if (useCase.requiresSignIn && !caller.openid) return fail('unauthenticated', '请先登录');
    const parsed = useCase.schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      return fail('invalid_input', message, field);
    }
    try {
      const user = caller.openid ? store.findUser(caller.openid) : null;
      return useCase.run(parsed.data, { store, caller, user, now });
    } catch (error) {
      logError(error, action);
      return fail('internal', '系统繁忙，请稍后再试');
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatch>;
