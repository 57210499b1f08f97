import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { Answer, ApiError } from '../../types/api';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/**
 * Loads one answer for a page: loading → ready | error, with `reload` for the retry button and
 * pull-down refresh. A late answer of an earlier load never overwrites a newer one.
 */
export function useAnswer<T>(load: () => Promise<Answer<T>>): { state: Loadable<T>; reload: () => Promise<void> } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    const answer = await load();
    if (ticket !== latest.current) return;
    setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { state, reload };
}
