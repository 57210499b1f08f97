import type { Answer, ApiError, ErrorCode } from '../../types/api';

/** HTTP status of each error code, exactly as spec/api.md lists them. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  window_closed: 409,
  too_early: 409,
  budget_exceeded: 409,
  fee_ratio_exceeded: 400,
  conflict: 409,
  rate_limited: 429,
  content_rejected: 422,
  internal: 500,
};

export function ok<T>(data: T): Answer<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, field?: string): { ok: false; error: ApiError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

export function statusOf(answer: Answer<unknown>): number {
  return answer.ok ? 200 : HTTP_STATUS[answer.error.code];
}
