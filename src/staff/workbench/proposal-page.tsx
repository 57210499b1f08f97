import { useCallback, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ProposalView } from '../../../types/api';
import { getProposal } from '../../api';
import { Action } from '../../components/Action';
import { EmptyState } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { useAnswer, type Loadable } from '../../lib/use-answer';
import { Gate } from './gate';
import { STAFF_PAGES, pageWithId } from './proposal-info';

export interface ProposalPage {
  id: string;
  state: Loadable<ProposalView>;
  reload: () => Promise<void>;
  /** What the last action did, shown at the top of the page until the next one. */
  notice: string | null;
  /** After an action: its notice, the page scrolled to the top, the proposal reloaded behind it. */
  changed: (message: string) => void;
}

/**
 * The state of a staff page about one proposal (项目办理, 街道审核, 审计结果): the id from the
 * route, the proposal as the server answers it, and the notice of the last action.
 */
export function useProposalPage(): ProposalPage {
  const router = useRouter();
  const id = router?.params?.id ?? '';
  const load = useCallback(() => getProposal(id), [id]);
  const { state, reload, refresh } = useAnswer(load);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    // A notice on the page rather than a toast: a toast would cover the next button for a while.
    setNotice(message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    void refresh();
  };
  return { id, state, reload, notice, changed };
}

/** The frame around it: no id → where to go back to; loading, error, then the proposal. */
export function ProposalPageFrame({
  page,
  back,
  children,
}: {
  page: ProposalPage;
  back: { label: string; url: string };
  children: (proposal: ProposalView) => ReactNode;
}) {
  return (
    <PageShell>
      <View className='staff'>
        {!page.id ? (
          <EmptyState message='没有找到这个项目' actionLabel={back.label} onAction={() => void Taro.navigateTo({ url: back.url })} />
        ) : (
          <Gate state={page.state} onRetry={() => void page.reload()} rows={5}>
            {children}
          </Gate>
        )}
      </View>
    </PageShell>
  );
}

/** 查看居民看到的页面: the proposal's public page, so that staff can check what residents read. */
export function PublicPageLink({ id }: { id: string }) {
  return (
    <Action variant='link' onClick={() => void Taro.navigateTo({ url: pageWithId(STAFF_PAGES.publicDetail, id) })}>
      查看居民看到的页面 ›
    </Action>
  );
}
