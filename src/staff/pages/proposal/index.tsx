import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { getProposal } from '../../../api';
import { EmptyState } from '../../../components/PageStates';
import { PageShell } from '../../../components/PageShell';
import { useAnswer } from '../../../lib/use-answer';
import { Gate } from '../../workbench/gate';
import { STAFF_PAGES, allows } from '../../workbench/proposal-info';
import { SuccessNotice } from '../../workbench/feedback';
import { Header } from './components/Header';
import { Steps } from './components/Steps';
import { ChangeStep } from './components/ChangeStep';
import { Comments } from './components/Comments';
import { RecordSoFar } from './components/RecordSoFar';
import { ProcessRecord } from '../../../components/ProcessRecord';
import { ArchiveCard } from '../../../components/archive/ArchiveCard';
import '../../workbench/staff.css';

/**
 * 项目办理: one proposal for a community worker — every step the server allows now, as a form or
 * a button (a button exists only when its action is in `allowedActions`), the comments to answer,
 * and the record so far.
 */
export default function StaffProposalPage() {
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

  return (
    <PageShell>
      <View className='staff'>
        {!id ? (
          <EmptyState message='没有找到这个项目' actionLabel='回到工作台' onAction={() => void Taro.navigateTo({ url: STAFF_PAGES.inbox })} />
        ) : (
          <Gate state={state} onRetry={() => void reload()} rows={5}>
            {(proposal) => (
              <View>
                <Header proposal={proposal} />
                <SuccessNotice message={notice} />
                <Steps proposal={proposal} onChanged={changed} />
                {allows(proposal, 'comment.reply') || allows(proposal, 'comment.moderate') || proposal.commentCount > 0 ? (
                  <Comments proposal={proposal} />
                ) : null}
                {/* Rarely needed: below the work of the day. */}
                {allows(proposal, 'change.request') ? <ChangeStep proposal={proposal} onChanged={changed} /> : null}
                {/* Issue 18: the papers of each stage, attached from the phone. */}
                <ArchiveCard proposal={proposal} />
                <RecordSoFar proposal={proposal} />
                <ProcessRecord proposal={proposal} />
              </View>
            )}
          </Gate>
        )}
      </View>
    </PageShell>
  );
}
