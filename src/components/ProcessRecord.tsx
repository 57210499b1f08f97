import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { checkChain, type ChainCheck } from '../../common/audit-hash';
import { ROLE_LABELS, STATE_LABELS } from '../../common/glossary';
import type { AuditTrailEntryFull, ProposalView } from '../../types/api';
import type { ProposalState, Role } from '../../types/domain';
import { call } from '../api';
import { formatDate, formatInstant, shanghaiDateOf } from '../lib/dates';
import { formatFen } from '../lib/money';
import { allows } from '../lib/proposal';
import { Action } from './Action';
import { Section } from './Section';
import './ProcessRecord.css';

interface PublicStep {
  key: string;
  role: string;
  on: string;
  what: string;
}

const COUNCIL = '居民议事会';
/** A library proposal may come from a resident or a worker: the record does not say which. */
const PROPOSER = '提议人';

/** Who acted at each step, when, and what changed — read from the proposal's own record (public, R-TRN-1). */
export function publicStepsOf(proposal: ProposalView): PublicStep[] {
  const steps: PublicStep[] = [];
  const add = (key: string, role: Role | typeof COUNCIL | typeof PROPOSER, on: string | undefined, what: string) =>
    steps.push({ key, role: role === COUNCIL || role === PROPOSER ? role : ROLE_LABELS[role], on: on ? formatDate(on) : '', what });
  const moved = (to: ProposalState) => `状态变为「${STATE_LABELS[to]}」`;
  const { screening, report, vote, review, publicity, implementation, evaluation, audit } = proposal;
  // A resident proposes as `resident` (or from the library); the other sources are keyed in by the community.
  add('submitted', proposal.source === 'resident' ? 'resident' : proposal.source === 'library' ? PROPOSER : 'community', shanghaiDateOf(proposal.createdAt), '提交提议');
  if (screening) add('screening', 'community', screening.decidedOn, moved(screening.adopt ? 'adopted' : 'not_adopted'));
  if (report) add('report', 'community', undefined, `起草申请报告，预算 ${formatFen(report.budgetFen)}`);
  if (proposal.meetingOn) add('agenda', 'community', undefined, `公布议事会议程，会议 ${formatDate(proposal.meetingOn)}`);
  if (vote) add('vote', COUNCIL, vote.recordedOn, `表决：赞成 ${vote.for}，反对 ${vote.against}，弃权 ${vote.abstain}`);
  if (proposal.submittedToStreetOn) add('street', 'community', proposal.submittedToStreetOn, moved('street_review'));
  if (review) {
    const budget = review.outcome === 'approved' && proposal.approvedBudgetFen !== undefined ? `，批复预算 ${formatFen(proposal.approvedBudgetFen)}` : '';
    add('review', 'street', review.decidedOn, `${moved(review.outcome)}${budget}${review.reason ? `；理由：${review.reason}` : ''}`);
  }
  if (publicity) add('publicity', 'community', publicity.publishedOn, `发布公示，至 ${formatDate(publicity.endsOn.on)}`);
  if (implementation) {
    const side = implementation.side;
    add('assigned', side, implementation.assignedOn, `确定实施主体：${implementation.implementer}`);
    if (implementation.startedOn) add('started', side, implementation.startedOn, '开工');
    if (implementation.completedOn) add('completed', side, implementation.completedOn, moved('completed'));
  }
  if (evaluation) add('evaluated', 'community', evaluation.publishedOn, moved('evaluated'));
  if (audit) add('audited', 'street', audit.publishedOn, `${moved('audited')}，实际支出 ${formatFen(audit.spentFen)}`);
  if (proposal.state === 'withdrawn') add('withdrawn', 'street', undefined, moved('withdrawn'));
  return steps;
}

const short = (hash: string) => `${hash.slice(0, 10)}…`;

function verdictOf(check: ChainCheck, total: number): { ok: boolean; text: string } {
  if (!check.broken) return { ok: true, text: `校验通过：${total} 条记录逐条重算哈希，链条完整，未被改动。` };
  const why = { seq: '序号不连续（有记录被删除）', prevHash: '与上一条记录的哈希对不上', hash: '内容与哈希不符（记录被改动）' }[check.broken.reason];
  return { ok: false, text: `校验失败：第 ${check.broken.seq} 条记录${why}。前 ${check.verified} 条完好。` };
}

/** The full audit trail with its hashes, and a check that recomputes the chain here (staff in scope, R-SUP-2). */
function AuditTrail({ proposalId }: { proposalId: string }) {
  const [entries, setEntries] = useState<AuditTrailEntryFull[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async () => {
    setBusy(true);
    const answer = await call('audit.trail', { id: proposalId, full: true });
    setBusy(false);
    if (answer.ok) setEntries(answer.data.entries as AuditTrailEntryFull[]);
    else setError(answer.error.message);
  };
  if (!entries) {
    return (
      <View className='record__staff'>
        {error ? <Text className='block record__bad'>{error}</Text> : null}
        <Action variant='secondary' block busy={busy} busyLabel='正在读取…' onClick={() => void load()} testId='load-audit-trail'>
          查看完整审计记录（工作人员）
        </Action>
      </View>
    );
  }
  return (
    <View className='record__staff' data-testid='audit-trail'>
      <Text className='block small muted'>每条记录的哈希由上一条的哈希和本条内容计算而来，任何改动或删除都会使链条断开。</Text>
      {entries.map((entry) => (
        <View key={entry.seq} className='record__entry'>
          <Text className='block'>
            {entry.seq}. {formatInstant(entry.at)} · {entry.action}
            {entry.to && entry.from !== entry.to ? ` · ${entry.from ? STATE_LABELS[entry.from] : '—'} → ${STATE_LABELS[entry.to]}` : ''}
          </Text>
          <Text className='block small muted'>操作人：{entry.actor}</Text>
          <Text className='block small record__hash'>
            哈希 {short(entry.hash)} ← 上一条 {short(entry.prevHash)}
          </Text>
        </View>
      ))}
      <Action block onClick={() => setVerdict(verdictOf(checkChain(entries), entries.length))} testId='verify-chain'>
        校验审计链
      </Action>
      {verdict ? (
        <Text className={`block notice-bar ${verdict.ok ? 'notice-bar--success' : 'notice-bar--error'}`} data-testid='chain-verdict'>
          {verdict.text}
        </Text>
      ) : null}
    </View>
  );
}

/** 办理记录: the public steps for everyone; the hash-chained audit trail for the staff in scope. */
export function ProcessRecord({ proposal }: { proposal: ProposalView }) {
  return (
    <Section title='办理记录' testId='process-record'>
      <View className='card'>
        {publicStepsOf(proposal).map((step) => (
          <View key={step.key} className='record__step'>
            <View className='record__who'>
              <Text className='tag tag--grey'>{step.role}</Text>
              <Text className='small muted'>{step.on}</Text>
            </View>
            <Text className='block'>{step.what}</Text>
          </View>
        ))}
        {allows(proposal, 'audit.trail') ? <AuditTrail proposalId={proposal.id} /> : null}
      </View>
    </Section>
  );
}
