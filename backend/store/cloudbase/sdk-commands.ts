import {
  DuplicateIdError,
  isRange,
  isUpdateOp,
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
 * The engine's "two transactions wrote one document": the node SDK's code
 * DATABASE_TRANSACTION_CONFLICT, or (through wx-server-sdk, which keeps only the message) the
 * engine's words for it. The live contract run's races check these against the real engine.
 */
export function isConflict(error: unknown): boolean {
  if (error instanceof TransactionConflictError) return true;
  return /TRANSACTION_?CONFLICT|Transaction\s*(is\s*)?conflict|WriteConflict|write\s*conflict|事务冲突/i.test(messageOf(error));
}

export function isDuplicateId(error: unknown): boolean {
  return /E11000|duplicate key|DUPLICATE/i.test(messageOf(error));
}

/** Answers the result, or throws what the engine answered as an error object (`{ code, message }`). */
export function checked<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code;
  if (code) throw Object.assign(new Error(messageOf(result)), { code });
  return result;
}

/** Our error for an SDK's: conflicts and taken ids become ours, the rest is thrown as is. */
export function translateError(error: unknown, context: { collection?: string; id?: string } = {}): unknown {
  if (isConflict(error)) return error instanceof TransactionConflictError ? error : new TransactionConflictError(messageOf(error));
  if (context.collection && context.id && isDuplicateId(error)) return new DuplicateIdError(context.collection, context.id);
  return error;
}
