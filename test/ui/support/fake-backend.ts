import { Current } from '@tarojs/runtime';
import type { Answer, ApiError, ErrorCode } from '../../../types/api';
import type { ActionName } from '../../../backend/app/catalog';
import { send } from '../../../src/api/transport';
import { resetTaroFakes } from './taro-fakes';

// The fake transport stands where the HTTP or cloud call would go: the one backend boundary the
// page tests replace. Each test file mocks '../../src/api/transport' with `{ send: jest.fn() }`.
export const fakeSend = send as jest.MockedFunction<typeof send>;

export type Reply = Answer<unknown> | ((payload: any) => Answer<unknown> | Promise<Answer<unknown>>);

/** Answers each action with its reply; an action without one fails loudly as `internal`. */
export function answering(replies: Partial<Record<ActionName, Reply>>): void {
  fakeSend.mockImplementation(async (action, payload) => {
    const reply = replies[action];
    if (typeof reply === 'function') return (await reply(payload)) as never;
    return (reply ?? { ok: false, error: { code: 'internal', message: `unexpected action ${action}` } }) as never;
  });
}

export function ok<T>(data: T): Answer<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, message: string, field?: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message, ...(field ? { field } : {}) } };
}

/** What the H5 transport answers when the network is down (transport.types `unreachable`). */
export const networkDown = failure('internal', '网络异常，请检查网络后重试');

/** A reply that waits until the test releases it: to see what shows meanwhile. */
export function held(): { reply: () => Promise<Answer<unknown>>; release: (answer: Answer<unknown>) => void } {
  let release: (answer: Answer<unknown>) => void = () => undefined;
  const pending = new Promise<Answer<unknown>>((resolve) => (release = resolve));
  return { reply: () => pending, release: (answer) => release(answer) };
}

/** The payloads sent with one action, in order. */
export function payloadsOf(action: ActionName): any[] {
  return fakeSend.mock.calls.filter(([name]) => name === action).map(([, payload]) => payload);
}

/** The page is opened with these query parameters (what useRouter reads). */
export function openedWith(path: string, params: Record<string, string>): void {
  (Current as { router: unknown }).router = { path, params, onReady: '', onHide: '', onShow: '', shareTicket: undefined, scene: undefined };
}

/** Before each test: no replies, no recorded calls, empty storage, no navigation, no router. */
export function freshStart(): void {
  fakeSend.mockReset();
  localStorage.clear();
  resetTaroFakes();
  (Current as { router: unknown }).router = null;
}
