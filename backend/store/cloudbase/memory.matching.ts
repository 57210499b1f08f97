import {
  isRange,
  isUpdateOp,
  UnsupportedQueryError,
  type Conjunction,
  type Doc,
  type DocData,
  type Filter,
  type Range,
  type Scalar,
  type UpdateSpec,
} from './doc-db';

/** Matching, ordering and updating documents as the engine (MongoDB underneath) does, for the in-memory DocDb. */

export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The values a condition is tried against: an array's elements (and never the array itself here). */
function candidates(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function equals(value: unknown, expected: Scalar): boolean {
  if (expected === null) return value === null || value === undefined || (Array.isArray(value) && value.includes(null));
  return candidates(value).some((candidate) => candidate === expected);
}

function compares(value: unknown, op: 'lt' | 'lte' | 'gt' | 'gte', bound: string | number): boolean {
  return candidates(value).some((candidate) => {
    // Type bracketing: a string bound never matches a number, null or a missing field.
    if (typeof candidate !== typeof bound) return false;
    const a = candidate as string | number;
    switch (op) {
      case 'lt':
        return a < bound;
      case 'lte':
        return a <= bound;
      case 'gt':
        return a > bound;
      case 'gte':
        return a >= bound;
    }
  });
}

const RANGE_KEYS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains']);

function matchesRange(value: unknown, range: Range): boolean {
  for (const key of Object.keys(range)) {
    if (!RANGE_KEYS.has(key)) throw new UnsupportedQueryError(`unsupported query operator ${key}`);
  }
  if (range.eq !== undefined && !equals(value, range.eq)) return false;
  if (range.ne !== undefined && equals(value, range.ne)) return false;
  if (range.lt !== undefined && !compares(value, 'lt', range.lt)) return false;
  if (range.lte !== undefined && !compares(value, 'lte', range.lte)) return false;
  if (range.gt !== undefined && !compares(value, 'gt', range.gt)) return false;
  if (range.gte !== undefined && !compares(value, 'gte', range.gte)) return false;
  if (range.in !== undefined && !range.in.some((expected) => equals(value, expected))) return false;
  // The engine's regular expression with option i over a literal: a case-folded substring.
  if (range.contains !== undefined && !(typeof value === 'string' && value.toLowerCase().includes(range.contains.toLowerCase()))) return false;
  return true;
}

function matchesConjunction(doc: Doc, conjunction: Conjunction): boolean {
  return Object.entries(conjunction).every(([field, condition]) => {
    if (field.length === 0 || field.startsWith('$')) throw new UnsupportedQueryError(`bad field name "${field}"`);
    const value = valueAt(doc, field);
    if (isRange(condition)) return matchesRange(value, condition);
    return equals(value, condition as Scalar);
  });
}

export function matchesFilter(doc: Doc, filter: Filter): boolean {
  return filter.some((conjunction) => matchesConjunction(doc, conjunction));
}

/** MongoDB's order of types: missing and null, numbers, strings, objects, arrays, booleans. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  if (typeof value === 'boolean') return 5;
  return 6;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 1 || rankA === 2 || rankA === 5) return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
  const textA = JSON.stringify(a) ?? '';
  const textB = JSON.stringify(b) ?? '';
  return textA === textB ? 0 : textA < textB ? -1 : 1;
}

export function applyUpdate(doc: Doc, update: UpdateSpec): Doc {
  const next: Doc = clone(doc);
  for (const [field, change] of Object.entries(update)) {
    if (field === '_id') throw new UnsupportedQueryError('_id cannot be updated');
    if (field.includes('.') || field.startsWith('$')) throw new UnsupportedQueryError(`only top-level fields are updated here: "${field}"`);
    if (isUpdateOp(change)) {
      if (change.__docDbUpdateOp === 'remove') {
        delete next[field];
      } else {
        const current = next[field] ?? 0;
        if (typeof current !== 'number') throw new Error(`inc on a non-number field ${field}`);
        next[field] = current + change.by;
      }
    } else if (change !== undefined) {
      next[field] = clone(change);
    }
  }
  return next;
}

export function documentOf(id: string, data: DocData): Doc {
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw new UnsupportedQueryError('set: the data may not hold _id');
  for (const field of Object.keys(data)) {
    if (field.includes('.') || field.startsWith('$')) throw new UnsupportedQueryError(`bad field name "${field}"`);
  }
  return { ...clone(data), _id: id };
}
