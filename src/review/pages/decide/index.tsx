import { useCallback, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, CHANGE_KIND_LABELS, DEADLINE_LABELS, SOURCE_LABELS, STATE_LABELS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { Answer, LedgerAnswer, ProposalView } from '../../../../types/api';
import type { ReviewOutcome } from '../../../../types/domain';
import { getLedger } from '../../../api';
import { decideChange, decideReview } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { DeadlineTags } from '../../../components/DeadlineTag';
import { LedgerBar } from '../../../components/LedgerBar';
import { ErrorState, Skeleton } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { currentYear } from '../../../lib/community';
import { formatDate } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';
import { useAnswer } from '../../../lib/use-answer';
import { usePlaceNames } from '../../../staff/workbench/gate';
import type { PlaceNames } from '../../../staff/workbench/scope';
import { fenToYuanText, parseYuan } from '../../../staff/workbench/money-input';
import { STAFF_PAGES, allows } from '../../../staff/workbench/proposal-info';
import { BudgetTable, day, Row } from '../../../staff/workbench/display';
import { FormError, SuccessNotice } from '../../../staff/workbench/feedback';
import { Chips, TextBox, TextInput, YuanInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { ProposalPageFrame, PublicPageLink, useProposalPage } from '../../../staff/workbench/proposal-page';
import { ChangeLines, changeQuestion, ConfirmPanel, reviewQuestion } from './components/confirm';
import '../../../staff/workbench/staff.css';
import { RevisionCompare } from './components/RevisionCompare';

/**
 * 街道审核 (R-REV-1..3): one proposal in street review — its report and council vote, the
 * community's ledger for the year, and the decision: approve with a budget (reserved against the
 * allocation by the server), reject with a reason, or transfer to a named department. Also the
 * street's decision on a pending change (R-CHG-1).
 */
export default function ReviewDecidePage() {
  const page = useProposalPage();
  const [ledgerTick, setLedgerTick] = useState(0);
  const places = usePlaceNames();
  const changed = (message: string) => {
    // The ledger is its own answer: read again, since a decision reserves or releases money.
    setLedgerTick((tick) => tick + 1);
    page.changed(message);
  };
  return (
    <ProposalPageFrame page={page} back={{ label: '回到审核列表', url: STAFF_PAGES.queue }}>
      {(proposal) => (
        <View>
          <Header proposal={proposal} places={places} />
          <SuccessNotice message={page.notice} />
          {allows(proposal, 'review.decide') ? <Application proposal={proposal} /> : null}
          <LedgerSection key={ledgerTick} proposal={proposal} places={places}>
            {(ledger) => (allows(proposal, 'review.decide') ? <DecisionForm proposal={proposal} ledger={ledger} onDecided={changed} /> : null)}
          </LedgerSection>
          {proposal.pendingChangeId && allows(proposal, 'change.decide') ? <ChangeDecision proposal={proposal} onDecided={changed} /> : null}
          {!allows(proposal, 'review.decide') && !allows(proposal, 'change.decide') ? <Outcome proposal={proposal} /> : null}
          {!allows(proposal, 'review.decide') ? <Application proposal={proposal} /> : null}
        </View>
      )}
    </ProposalPageFrame>
  );
}

function Header({ proposal, places }: { proposal: ProposalView; places: PlaceNames | null }) {
  return (
    <View className='staff__head'>
      <View className='staff__tags'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='tag tag--grey'>{SOURCE_LABELS[proposal.source]}</Text>
      </View>
      <Text className='staff__title'>{proposal.title}</Text>
      {places ? <Text className='staff__sub'>社区：{places.community(proposal.communityId)}</Text> : null}
      <Text className='staff__sub'>地点：{proposal.location}</Text>
      {proposal.submittedToStreetOn ? <Text className='staff__sub'>社区提交日期：{formatDate(proposal.submittedToStreetOn)}</Text> : null}
      {proposal.overdue.length > 0 ? (
        <View className='form-error' role='alert' data-testid='overdue'>
          已逾期：{proposal.overdue.map((name) => DEADLINE_LABELS[name]).join('、')}
        </View>
      ) : null}
      <DeadlineTags proposal={proposal} />
    </View>
  );
}

/** The year whose ledger an approval draws on: the budget year once approved, else the current one. */
function ledgerYearOf(proposal: ProposalView): number {
  return proposal.budgetYear ?? currentYear();
}

/** 资金台账 of the proposal's community for the year (R-FUN-4): what may still be approved. */
function LedgerSection({ proposal, places, children }: { proposal: ProposalView; places: PlaceNames | null; children: (ledger: LedgerAnswer) => ReactNode }) {
  const year = ledgerYearOf(proposal);
  const load = useCallback((): Promise<Answer<LedgerAnswer>> => getLedger(proposal.communityId, year), [proposal.communityId, year]);
  const { state, reload } = useAnswer(load);
  return (
    <Section title={`${places ? places.community(proposal.communityId) : '社区'} ${year} 年资金台账`} testId='ledger-section'>
      <View className='card'>
        {state.status === 'loading' && <Skeleton rows={2} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === 'ready' && (
          <View>
            <View className='budget-editor__sum-row' data-testid='remaining'>
              <Text>本年度剩余可批复</Text>
              <Text className='budget-editor__total'>{formatFen(state.data.remainingFen)}</Text>
            </View>
            <LedgerBar ledger={state.data} />
          </View>
        )}
      </View>
      {state.status === 'ready' ? children(state.data) : null}
    </Section>
  );
}

const OUTCOMES: { value: ReviewOutcome; label: string }[] = [
  { value: 'approved', label: '审核通过' },
  { value: 'rejected', label: '不通过' },
  { value: 'transferred', label: '转交职能部门' },
];

const DECISION_FIELDS = ['approvedBudgetFen', 'reason', 'department'] as const;

function DecisionForm({ proposal, ledger, onDecided }: { proposal: ProposalView; ledger: LedgerAnswer; onDecided: (message: string) => void }) {
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [budget, setBudget] = useState(proposal.report ? fenToYuanText(proposal.report.budgetFen) : '');
  const [reason, setReason] = useState('');
  const [department, setDepartment] = useState('');
  const action = useAction<ProposalView>();
  const parsed = parseYuan(budget);
  const after = parsed.ok ? ledger.remainingFen - parsed.fen : null;
  // Issue 16: a decision is said in words and confirmed before it is sent.
  const [asking, setAsking] = useState<string | null>(null);

  const ask = () => {
    if (!outcome) return action.refuse('outcome', '请选择审核结果');
    if (outcome === 'approved' && !parsed.ok) return action.refuse('approvedBudgetFen', parsed.message);
    if (outcome === 'transferred' && !department.trim()) return action.refuse('department', '请填写承接的职能部门');
    if (outcome !== 'approved' && !reason.trim()) return action.refuse('reason', outcome === 'rejected' ? '请填写不通过的原因，会向居民公开' : '请填写转交的原因');
    setAsking(reviewQuestion(outcome, { approvedFen: parsed.ok ? parsed.fen : undefined, ledger, department: department.trim() }));
  };

  const send = () => {
    setAsking(null);
    if (!outcome) return action.refuse('outcome', '请选择审核结果');
    if (outcome === 'approved') {
      if (!parsed.ok) return action.refuse('approvedBudgetFen', parsed.message);
      void action.run(
        () => decideReview({ id: proposal.id, outcome, approvedBudgetFen: parsed.fen, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
        () => onDecided(`已审核通过，批复预算 ${formatFen(parsed.fen)}`),
      );
      return;
    }
    if (outcome === 'transferred' && !department.trim()) return action.refuse('department', '请填写承接的职能部门');
    if (!reason.trim()) return action.refuse('reason', outcome === 'rejected' ? '请填写不通过的原因，会向居民公开' : '请填写转交的原因');
    void action.run(
      () => decideReview({ id: proposal.id, outcome, reason: reason.trim(), ...(outcome === 'transferred' ? { department: department.trim() } : {}) }),
      () => onDecided(outcome === 'rejected' ? '已作出不通过的决定，原因已公开' : `已转交${department.trim()}`),
    );
  };

  return (
    <View className='card' data-testid='decision'>
      <Text className='field__label block'>审核决定</Text>
      <Chips
        label='审核结果'
        options={OUTCOMES}
        value={outcome}
        onChange={(value) => {
          setOutcome(value);
          setAsking(null);
          action.reset();
        }}
      />
      <View style={{ marginTop: '24px' }}>
        {outcome === 'approved' ? (
          <View>
            {proposal.report ? (
              <View data-testid='approval-lines'>
                <Text className='block small muted'>批复预算应与申请报告的预算明细相符，且不超过合计 {formatFen(proposal.report.budgetFen)}：</Text>
                <BudgetTable lines={proposal.report.budgetLines} totalFen={proposal.report.budgetFen} feeFen={proposal.report.feeFen} />
              </View>
            ) : null}
            <YuanInput
              label='批复预算'
              name='approvedBudgetFen'
              required
              value={budget}
              onChange={(value) => {
                setBudget(value);
                action.reset();
              }}
              hint={proposal.report ? `申请 ${formatFen(proposal.report.budgetFen)}` : undefined}
              error={action.fieldError('approvedBudgetFen')}
            />
            {parsed.ok && after !== null && after >= 0 ? (
              <Text className='info-line' data-testid='after-approval'>
                批复后本年度剩余 {formatFen(after)}
              </Text>
            ) : null}
            <TextBox label='审核意见' name='reason' short value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} placeholder='可不填' error={action.fieldError('reason')} />
          </View>
        ) : null}
        {outcome === 'transferred' ? (
          <TextInput label='承接的职能部门' name='department' required value={department} onChange={setDepartment} placeholder='如：区城市管理和综合执法局' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('department')} />
        ) : null}
        {outcome === 'rejected' || outcome === 'transferred' ? (
          <TextBox
            label={outcome === 'rejected' ? '不通过的原因' : '转交的原因'}
            name='reason'
            required
            short
            value={reason}
            onChange={setReason}
            maxlength={TEXT_LIMITS.reason}
            placeholder='会向提议人和居民公开'
            error={action.fieldError('reason')}
          />
        ) : null}
      </View>
      {action.fieldError('outcome') ? (
        <View className='field__error' role='alert'>
          {action.fieldError('outcome')}
        </View>
      ) : null}
      <FormError message={action.formError([...DECISION_FIELDS, 'outcome'])} />
      {outcome && asking ? <ConfirmPanel question={asking} busy={action.busy} onConfirm={send} onCancel={() => setAsking(null)} testId='send-decision' /> : null}
      {outcome && !asking ? (
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={ask} testId='send-decision'>
          确认{OUTCOMES.find((option) => option.value === outcome)?.label}
        </Action>
      ) : null}
    </View>
  );
}

/** R-CHG-1: approve or refuse the community's pending change, with a reason. */
function ChangeDecision({ proposal, onDecided }: { proposal: ProposalView; onDecided: (message: string) => void }) {
  const [approve, setApprove] = useState<'yes' | 'no' | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction<unknown>();
  // The change itself, as the server sends it with the proposal: what the street decides on.
  const change = proposal.pendingChange?.state === 'pending' ? proposal.pendingChange : undefined;
  const [asking, setAsking] = useState<string | null>(null);
  const ask = () => {
    if (!approve) return action.refuse('approve', '请选择同意或不同意');
    if (!reason.trim()) return action.refuse('reason', '请填写审核意见');
    setAsking(changeQuestion(approve === 'yes', change, proposal));
  };
  const send = () => {
    setAsking(null);
    if (!approve) return action.refuse('approve', '请选择同意或不同意');
    if (!reason.trim()) return action.refuse('reason', '请填写审核意见');
    void action.run(
      () => decideChange({ changeId: change?.id ?? proposal.pendingChangeId ?? '', approve: approve === 'yes', reason: reason.trim() }),
      () => onDecided(approve === 'yes' ? '已同意变更申请' : '已不同意变更申请'),
    );
  };
  return (
    <Section title='变更与撤销申请' testId='change-decision'>
      <View className='card'>
        <Text className='block'>社区提交了变更申请，等待街道审核。</Text>
        {change ? <Row label='申请类型'>{CHANGE_KIND_LABELS[change.kind]}</Row> : null}
        {proposal.approvedBudgetFen !== undefined ? <Row label='现批复预算'>{formatFen(proposal.approvedBudgetFen)}</Row> : null}
        {change?.newBudgetFen !== undefined ? <Row label='调整后预算'>{formatFen(change.newBudgetFen)}</Row> : null}
        {change ? <Row label='变更理由'>{change.reason}</Row> : null}
        {/* Revised plans (issue 18): the old and the new side by side. */}
        {change?.revision ? <RevisionCompare revision={change.revision} /> : null}
        {change ? <Row label='提出日期'>{day(change.requestedOn)}</Row> : null}
        <ChangeLines proposal={proposal} change={change} />
        <Chips
          label='是否同意'
          options={[
            { value: 'yes', label: '同意' },
            { value: 'no', label: '不同意' },
          ]}
          value={approve}
          onChange={(value) => {
            setApprove(value);
            setAsking(null);
            action.reset();
          }}
        />
        <View style={{ marginTop: '24px' }}>
          <TextBox label='审核意见' name='changeReason' required short value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} placeholder='同意或不同意的理由' error={action.fieldError('reason')} />
        </View>
        {action.fieldError('approve') ? (
          <View className='field__error' role='alert'>
            {action.fieldError('approve')}
          </View>
        ) : null}
        <FormError message={action.formError(['reason', 'approve'])} />
        {asking ? (
          <ConfirmPanel question={asking} busy={action.busy} onConfirm={send} onCancel={() => setAsking(null)} testId='send-change-decision' />
        ) : (
          <Action block busy={action.busy} busyLabel='正在提交…' onClick={ask} testId='send-change-decision'>
            提交审核意见
          </Action>
        )}
      </View>
    </Section>
  );
}

/** After the decision: what the street decided. */
function Outcome({ proposal }: { proposal: ProposalView }) {
  const { review } = proposal;
  return (
    <Section title='审核结果' testId='outcome'>
      <View className='card'>
        {review ? (
          <View>
            <Row label='结果'>{STATE_LABELS[review.outcome]}</Row>
            <Row label='日期'>{day(review.decidedOn)}</Row>
            {proposal.approvedBudgetFen !== undefined ? <Row label='批复预算'>{formatFen(proposal.approvedBudgetFen)}</Row> : null}
            {review.department ? <Row label='职能部门'>{review.department}</Row> : null}
            {review.reason ? <Row label='审核意见'>{review.reason}</Row> : null}
          </View>
        ) : (
          <Text className='block muted'>这个项目目前不在街道审核中。</Text>
        )}
        <PublicPageLink id={proposal.id} />
      </View>
    </Section>
  );
}

/** What the community submitted: the report, the council's vote, the proposal. */
function Application({ proposal }: { proposal: ProposalView }) {
  const { report, vote } = proposal;
  return (
    <Section title='申请材料' testId='application'>
      <View className='card'>
        {report ? (
          <View>
            <Row label='申请理由'>{report.reason}</Row>
            <Row label='项目概述'>{report.overview}</Row>
            <Row label='实施方案'>{report.plan}</Row>
            <Text className='field__label block' style={{ marginTop: '20px' }}>
              经费预算
            </Text>
            <BudgetTable lines={report.budgetLines} totalFen={report.budgetFen} feeFen={report.feeFen} approvedFen={proposal.approvedBudgetFen} />
          </View>
        ) : (
          <Text className='block muted'>还没有申请报告</Text>
        )}
        {vote ? (
          <Row label='议事会表决'>
            {day(vote.recordedOn)}，出席 {vote.attendance}，赞成 {vote.for}，反对 {vote.against}，弃权 {vote.abstain}
          </Row>
        ) : null}
        <Row label='提议内容'>{proposal.description}</Row>
      </View>
    </Section>
  );
}
