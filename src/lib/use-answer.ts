import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Answer, ApiError, Page } from '../../types/api';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/**
 * Loads one answer for a page: loading → ready | error, with `reload` for the retry button.
 * Pull-down refresh and coming back to the page reload quietly: what is shown stays until the new
 * answer arrives. A late answer of an earlier load never overwrites a newer one.
 */
export function useAnswer<T>(
  load: () => Promise<Answer<T>>,
  /** False: never loads by itself (the data comes from elsewhere, see `usePaged`'s `first`). */
  enabled = true,
): {
  state: Loadable<T>;
  /** Loads again from scratch, showing the skeleton (the retry button). */
  reload: () => Promise<void>;
  /** Loads again behind what is shown (after an action changed the data). */
  refresh: () => Promise<void>;
} {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(0);
  const run = useCallback(
    async (quiet: boolean) => {
      const ticket = ++latest.current;
      if (!quiet) setState({ status: 'loading' });
      const answer = await load();
      if (ticket !== latest.current) return;
      setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
    },
    [load],
  );
  const reload = useCallback(() => run(false), [run]);
  const refresh = useCallback(() => run(true), [run]);

  useEffect(() => {
    if (enabled) void run(false);
  }, [run, enabled]);

  usePullDownRefresh(() => {
    if (enabled) void run(true).finally(() => Taro.stopPullDownRefresh());
  });
  useRefreshOnReturn(() => {
    if (enabled) void run(true);
  });

  return { state, reload, refresh };
}

/**
 * Calls `refresh` each time the page comes back into view after being hidden (a tab revisited, a
 * page closed on top of it); the first showing is covered by the initial load.
 */
export function useRefreshOnReturn(refresh: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    refresh();
  });
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Paged<T> {
  state: Loadable<PagedList<T>>;
  reload: () => Promise<void>;
  /** Reloads the first page behind what is shown. */
  refresh: () => Promise<void>;
  /** Appends the next page; on failure keeps what is shown and sets `moreError`. */
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  moreError: ApiError | null;
  /** Puts an item in front (a comment just written) without reloading. */
  prepend: (item: T) => void;
}

/**
 * A cursor-paged list (spec: 20 at a time, `nextCursor` null on the last page): the first page
 * like `useAnswer`, then "load more" pages appended. Pull-down refresh starts again from the top.
 * Given `firstPage` (a page that came with a larger answer, like home.get's), the list shows it
 * and loads only the pages after it; the owner of `firstPage` reloads it.
 */
export function usePaged<T>(loadPage: (cursor?: string) => Promise<Answer<Page<T>>>, firstPage?: Page<T>): Paged<T> {
  const load = useCallback(() => loadPage(undefined), [loadPage]);
  const own = useAnswer(load, firstPage === undefined);
  const given = useMemo<Loadable<Page<T>> | null>(() => (firstPage ? { status: 'ready', data: firstPage } : null), [firstPage]);
  const first = given ?? own.state;
  const { reload, refresh } = own;
  const [extra, setExtra] = useState<{ items: T[]; nextCursor: string | null; front: T[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const generation = useRef(0);

  // A new first page forgets the pages appended to the old one.
  useEffect(() => {
    generation.current += 1;
    setExtra(null);
    setMoreError(null);
    setLoadingMore(false);
  }, [first]);

  let state: Loadable<PagedList<T>> = first;
  if (first.status === 'ready') {
    state = {
      status: 'ready',
      data: {
        items: [...(extra?.front ?? []), ...first.data.items, ...(extra?.items ?? [])],
        nextCursor: extra ? extra.nextCursor : first.data.nextCursor,
      },
    };
  }

  const cursor = state.status === 'ready' ? state.data.nextCursor : null;
  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const ticket = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    const answer = await loadPage(cursor);
    if (ticket !== generation.current) return;
    setLoadingMore(false);
    if (!answer.ok) {
      setMoreError(answer.error);
      return;
    }
    setExtra((previous) => ({
      front: previous?.front ?? [],
      items: [...(previous?.items ?? []), ...answer.data.items],
      nextCursor: answer.data.nextCursor,
    }));
  }, [cursor, loadingMore, loadPage]);

  const prepend = useCallback(
    (item: T) =>
      setExtra((previous) => ({
        front: [item, ...(previous?.front ?? [])],
        items: previous?.items ?? [],
        nextCursor: previous ? previous.nextCursor : first.status === 'ready' ? first.data.nextCursor : null,
      })),
    [first],
  );

  return { state, reload, refresh, loadMore, loadingMore, moreError, prepend };
}
