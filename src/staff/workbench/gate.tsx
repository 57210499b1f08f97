import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { getDirectory } from '../../api';
import { useAnswer, type Loadable } from '../../lib/use-answer';
import { loadStaffContext, placeNames, type PlaceNames, type StaffContext } from './scope';

/** loading → the skeleton; error → the message with 重试; ready → the content. */
export function Gate<T>({ state, onRetry, rows = 4, children }: { state: Loadable<T>; onRetry: () => void; rows?: number; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <Skeleton rows={rows} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={onRetry} />;
  return <View>{children(state.data)}</View>;
}

/** A staff page that starts from who the caller is and the directory (its roles, its places). */
export function StaffContextPage({ children }: { children: (context: StaffContext) => ReactNode }) {
  const { state, reload } = useAnswer(loadStaffContext);
  return (
    <PageShell>
      <View className='staff'>
        <Gate state={state} onRetry={() => void reload()}>
          {children}
        </Gate>
      </View>
    </PageShell>
  );
}

/** For a user without the role a page is for. */
export function NoRole({ message }: { message: string }) {
  return <EmptyState message={message} />;
}

/** The directory's place names once loaded (null meanwhile): for a page that shows one record. */
export function usePlaceNames(): PlaceNames | null {
  const { state } = useAnswer(getDirectory);
  return state.status === 'ready' ? placeNames(state.data) : null;
}
