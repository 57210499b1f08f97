import { View } from '@tarojs/components';
import { ProposalPageFrame, useProposalPage } from '../../workbench/proposal-page';
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
  const page = useProposalPage();
  return (
    <ProposalPageFrame page={page} back={{ label: '回到工作台', url: STAFF_PAGES.inbox }}>
      {(proposal) => (
        <View>
          <Header proposal={proposal} />
          <SuccessNotice message={page.notice} />
          <Steps proposal={proposal} onChanged={page.changed} />
          {allows(proposal, 'comment.reply') || allows(proposal, 'comment.moderate') || proposal.commentCount > 0 ? (
            <Comments proposal={proposal} />
          ) : null}
          {/* Rarely needed: below the work of the day. */}
          {allows(proposal, 'change.request') ? <ChangeStep proposal={proposal} onChanged={page.changed} /> : null}
          {/* Issue 18: the papers of each stage, attached from the phone. */}
          <ArchiveCard proposal={proposal} />
          <RecordSoFar proposal={proposal} />
          <ProcessRecord proposal={proposal} />
        </View>
      )}
    </ProposalPageFrame>
  );
}
