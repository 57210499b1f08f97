import { useCallback, useState } from 'react';
import type { Answer, ApiError } from '../../../types/api';
import { messageOf } from '../../lib/labels';

export interface ActionRunner<T> {
  busy: boolean;
  error: ApiError | null;
  /** What the last success answered, until the next run. */
  done: T | null;
  /** Sends one action; on success calls `onDone` with its data. Never throws. */
  run: (call: () => Promise<Answer<T>>, onDone?: (data: T) => void) => Promise<boolean>;
  /** A refusal found before sending (a missing entry), shown like the server's. */
  refuse: (field: string, message: string) => void;
  /**
   * The message for a field: the error whose `field` is `name` or lies under it
   * (`budgetLines.0.amountFen` lies under `budgetLines`).
   */
  fieldError: (name: string) => string | null;
  /** The message of an error no field of `known` shows: for the foot of the form. */
  formError: (known: readonly string[]) => string | null;
  reset: () => void;
}

function under(field: string | undefined, name: string): boolean {
  return field !== undefined && (field === name || field.startsWith(`${name}.`));
}

/**
 * One staff action on a page: busy while it runs, then the server's answer — the refusal with
 * its `field` shown next to that field, or what it answered. The page decides nothing itself.
 */
export function useAction<T>(): ActionRunner<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<T | null>(null);

  const run = useCallback(async (call: () => Promise<Answer<T>>, onDone?: (data: T) => void) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const answer = await call();
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return false;
    }
    setDone(answer.data);
    onDone?.(answer.data);
    return true;
  }, []);

  const refuse = useCallback((field: string, message: string) => {
    setDone(null);
    setError({ code: 'invalid_input', message, field });
  }, []);

  const fieldError = useCallback((name: string) => (error && under(error.field, name) ? messageOf(error) : null), [error]);
  const formError = useCallback(
    (known: readonly string[]) => (error && !known.some((name) => under(error.field, name)) ? messageOf(error) : null),
    [error],
  );
  const reset = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);

  return { busy, error, done, run, refuse, fieldError, formError, reset };
}
