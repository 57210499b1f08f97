import {
  DuplicateIdError,
  isRange,
  isUpdateOp,
  TRANSACTION_CONFLICT_CODE,
  TransactionConflictError,
  type Conjunction,
  type Filter,
  type Range,
  type UpdateSpec,
} from './doc-db';

/**
 * What both SDKs share: the command builder `db.command` (`_`) and the translation of our
 * filters and updates into its commands, plus the recognition of the engine's errors.
 * Types are structural and minimal: only what the shims call.
 */

export type SdkCommand = unknown;

export interface SdkCommandBuilder {
  eq(value: unknown): SdkCommand;
  neq(value: unknown): SdkCommand;
  lt(value: unknown): SdkCommand;
  lte(value: unknown): SdkCommand;
  gt(value: unknown): SdkCommand;
  gte(value: unknown): SdkCommand;
  in(values: unknown[]): SdkCommand;
  and(expressions: SdkCommand[]): SdkCommand;
  or(expressions: SdkCommand[]): SdkCommand;
  inc(by: number): SdkCommand;
  remove(): SdkCommand;
  set(value: unknown): SdkCommand;
  /** proposal search (issue 17): `db.RegExp(…)`, which the shims add beside `db.command`. */
  regexp?(pattern: { regexp: string; options: string }): SdkCommand;
}

/** A literal as a regular expression that matches exactly it. */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rangeCommand(range: Range, _: SdkCommandBuilder): SdkCommand {
  const parts: SdkCommand[] = [];
  if (range.eq !== undefined) parts.push(_.eq(range.eq));
  if (range.ne !== undefined) parts.push(_.neq(range.ne));
  if (range.lt !== undefined) parts.push(_.lt(range.lt));
  if (range.lte !== undefined) parts.push(_.lte(range.lte));
  if (range.gt !== undefined) parts.push(_.gt(range.gt));
  if (range.gte !== undefined) parts.push(_.gte(range.gte));
  if (range.in !== undefined) parts.push(_.in(range.in));
  if (range.contains !== undefined) {
    if (!_.regexp) throw new Error('this SDK shim cannot build a regular expression');
    parts.push(_.regexp({ regexp: literalPattern(range.contains), options: 'i' }));
  }
  if (parts.length === 0) throw new Error('an empty range');
  // Field level: `field: _.and([_.gt(a), _.lt(b)])` (both must hold).
  return parts.length === 1 ? parts[0] : _.and(parts);
}

function conjunctionCommand(conjunction: Conjunction, _: SdkCommandBuilder): Record<string, unknown> {
  const condition: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(conjunction)) condition[field] = isRange(value) ? rangeCommand(value, _) : value;
  return condition;
}

/** Our filter (an OR of conjunctions) as the argument of `where(…)`. */
export function sdkWhere(filter: Filter, _: SdkCommandBuilder): unknown {
  if (filter.length === 1) return conjunctionCommand(filter[0], _);
  return _.or(filter.map((conjunction) => conjunctionCommand(conjunction, _)));
}

/** Our update as the `data` of `update(…)`: a value replaces its field (`_.set` for objects). */
export function sdkUpdate(update: UpdateSpec, _: SdkCommandBuilder): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(update)) {
    if (change === undefined) continue;
    if (isUpdateOp(change)) data[field] = change.__docDbUpdateOp === 'inc' ? _.inc(change.by) : _.remove();
    else if (change !== null && typeof change === 'object') data[field] = _.set(change);
    else data[field] = change;
  }
  return data;
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const { errMsg, message, code, errCode } = error as Record<string, unknown>;
    return [code, errCode, errMsg, message].filter((part) => part !== undefined).join(' ');
  }
  return String(error);
}

/**
 * The engine's code of an SDK error: `code` as @cloudbase/database and the node SDK give it
 * (`DATABASE_TRANSACTION_CONFLICT`); through wx-server-sdk, which replaces it by a number
 * (`errCode` -501001 for every database code it does not know), the code the engine put in
 * brackets at the head of its message (`[ResourceUnavailable.TransactionConflict] …`). Null
 * when there is none: no guess is made from the words of a message.
 */
export function sdkCodeOf(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const { code, errMsg, message } = error as Record<string, unknown>;
  if (typeof code === 'string' && code !== '') return code;
  for (const text of [errMsg, message]) {
    const bracketed = typeof text === 'string' ? /^(?:[\w.]+:fail\s+)?\[([A-Za-z]+(?:\.[A-Za-z]+)+)\]/.exec(text) : null;
    if (bracketed) return bracketed[1];
  }
  return null;
}

const CONFLICT_CODES = new Set([TRANSACTION_CONFLICT_CODE, 'ResourceUnavailable.TransactionConflict', 'FailedOperation.TransactionConflict']);
const DUPLICATE_CODES = new Set(['DATABASE_DUPLICATE_WRITE', 'FailedOperation.DuplicateWrite', 'InvalidParameter.DuplicateKey']);

/** The engine's "two transactions wrote one document", by its code (sdkCodeOf). */
export function isConflict(error: unknown): boolean {
  if (error instanceof TransactionConflictError) return true;
  const code = sdkCodeOf(error);
  return code !== null && CONFLICT_CODES.has(code);
}

/** A taken `_id`, by the engine's code, or MongoDB's E11000 that the engine passes on. */
export function isDuplicateId(error: unknown): boolean {
  const code = sdkCodeOf(error);
  if (code !== null && DUPLICATE_CODES.has(code)) return true;
  return /\bE11000\b/.test(messageOf(error));
}

/** Answers the result, or throws what the engine answered as an error object, keeping its code, errCode and requestId. */
export function checked<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code;
  if (code) {
    const { message: _message, ...fields } = result as Record<string, unknown>;
    throw Object.assign(new Error(messageOf(result)), fields);
  }
  return result;
}

/**
 * Our error for an SDK's: a conflict becomes TransactionConflictError (which carries the engine's
 * code again, so the SDK's own retry fires when it is thrown inside a transaction, and the SDK's
 * error as `cause`); a taken id becomes DuplicateIdError; the rest is thrown as is, codes and all.
 */
export function translateError(error: unknown, context: { collection?: string; id?: string } = {}): unknown {
  if (error instanceof TransactionConflictError) return error;
  if (isConflict(error)) return new TransactionConflictError(messageOf(error), { cause: error });
  if (context.collection && context.id && isDuplicateId(error)) return new DuplicateIdError(context.collection, context.id);
  return error;
}
