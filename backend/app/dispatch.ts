import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import type { Answer } from '../../types/api';
import type { Actor } from '../../types/domain';
import { shanghaiDateOf } from '../domain/calendar';
import { authorize, type Target } from '../domain/permissions';
import type { UserRecord } from './ports/store.port';
import { DEFAULT_RATE_LIMITS, type AnyAction, type AppServices, type AuditFields, type Caller, type UseCaseContext } from './action';
import { fail, statusOf } from './answers';
import { declarationOf } from './catalog';
import { calendarFor } from './calendars';

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

function actorOf(openid: string | null, user: UserRecord | null): Actor {
  return { openid, communityId: user?.communityId ?? null, grants: user?.grants ?? [] };
}

/** What a use case runs with: who calls, when, and the declared action's permission and audit stamp. */
function contextOf(action: AnyAction, services: AppServices, caller: Caller, user: UserRecord | null, now: Date): UseCaseContext {
  const actor = actorOf(caller.openid, user);
  const at = now.toISOString();
  return {
    services,
    caller,
    user,
    actor,
    at,
    today: shanghaiDateOf(now.getTime()),
    action: action.name,
    authorize(target: Target) {
      const refused = authorize(actor, action.access.permission, target);
      return refused ? { ok: false, error: refused } : null;
    },
    auditEntry({ chainId, from = null, to = null, detail }: AuditFields) {
      return { chainId, at, actor: caller.openid ?? 'system', action: action.name, from, to, detail };
    },
  };
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

  async function answerFor(name: unknown, payload: unknown, caller: Caller, now: Date): Promise<Answer<unknown>> {
    const action = declarationOf(name);
    if (!action) return fail('invalid_input', '未知的操作', 'action');
    if (action.access.signIn && !caller.openid) return fail('unauthenticated', '请先登录');
    const parsed = action.schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      return fail('invalid_input', message, field);
    }
    try {
      const user = caller.openid ? await services.store.findUser(caller.openid) : null;
      // Issue 16: deadlines count on the years the city loaded (calendar.set) as well as the bundled data.
      const calendar = await calendarFor(services.store, services.calendar, now.getTime());
      return await action.run(parsed.data, contextOf(action, { ...services, calendar }, caller, user, now));
    } catch (error) {
      logError(error, action.name);
      return fail('internal', '系统繁忙，请稍后再试');
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatch>;
