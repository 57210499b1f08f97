import type { Answer } from '../../types/api';
import type { ActionName, AnswerOf, RequestOf } from '../../backend/app/catalog';

export type { ActionName, AnswerOf, RequestOf } from '../../backend/app/catalog';

/**
 * Sends one action to the backend and resolves with its envelope; never rejects. The action
 * names, payloads and answers are the backend's declarations (backend/app/catalog.ts), read by
 * type only: the mini-program bundles none of the backend's code.
 */
export type Transport = <A extends ActionName>(action: A, payload: RequestOf<A>) => Promise<Answer<AnswerOf<A>>>;

/** The answer a transport gives when the backend could not be reached at all. */
export function unreachable<T>(): Answer<T> {
  return { ok: false, error: { code: 'internal', message: '网络异常，请检查网络后重试' } };
}
