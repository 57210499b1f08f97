/**
 * Expected failures are values, not exceptions: a domain function answers a `Result`, and a
 * refusal carries the `ErrorCode` of spec/api.md with a user-facing message in Simplified Chinese.
 */
import type { ApiError, ErrorCode } from '../../types/api';

export type Refusal = ApiError;

export type Failure = { ok: false; error: Refusal };
export type Result<T> = { ok: true; value: T } | Failure;

export function refusal(code: ErrorCode, message: string, field?: string): Refusal {
  return field === undefined ? { code, message } : { code, message, field };
}

export function fail(code: ErrorCode, message: string, field?: string): Failure {
  return { ok: false, error: refusal(code, message, field) };
}

export function succeed<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** True for text that holds something besides white space. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
