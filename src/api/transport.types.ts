import type { ActionName, Answer, AnswerOf, RequestOf } from '../../types/api';

/** Sends one action to the backend and resolves with its envelope; never rejects. */
export type Transport = <A extends ActionName>(action: A, payload: RequestOf<A>) => Promise<Answer<AnswerOf<A>>>;

/** The answer a transport gives when the backend could not be reached at all. */
export function unreachable<T>(): Answer<T> {
  return { ok: false, error: { code: 'internal', message: '网络异常，请检查网络后重试' } };
}
