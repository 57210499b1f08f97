import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, CHANGE_KIND_LABELS, DEADLINE_LABELS, EXCLUSION_LABELS, SOURCE_LABELS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { CommentView, ProposalView } from '../../../../types/api';
import type { ChangeKind, Exclusion } from '../../../../types/domain';
import { getProposal, listComments } from '../../../api';
import {
  assignImplementation,
  completeImplementation,
  moderateComment,
  publishEvaluation,
  publishPublicity,
  replyComment,
  requestChange,
  screenProposal,
  startImplementation,
  submitToStreet,
} from '../../../api/staff';
import { Action } from '../../../components/Action';
import { DeadlineTags } from '../../../components/DeadlineTag';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyState } from '../../../components/PageStates';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDate, formatInstant, shanghaiDateOf } from '../../../lib/dates';
import { messageOf } from '../../../lib/labels';
import { formatFen } from '../../../lib/money';
import { useAnswer, usePaged } from '../../../lib/use-answer';
import { recentDays, todayOf } from '../../workbench/days';
import { Gate } from '../../workbench/gate';
import { parseYuan } from '../../workbench/money-input';
import { STAFF_PAGES, allows, pageWithId } from '../../workbench/proposal-info';
import { useAction } from '../../workbench/use-action';
import { BudgetTable, day, Row } from '../../workbench/display';
import { ConfirmAction, FormError, SuccessNotice } from '../../workbench/feedback';
import { Chips, DateChoice, TextBox, TextInput, YuanInput } from '../../workbench/fields';
import { ReportEditor } from './report-editor';
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
                <RecordSoFar proposal={proposal} />
              </View>
            )}
          </Gate>
        )}
      </View>
    </PageShell>
  );
}

function Header({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='staff__head'>
      <View className='staff__tags'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='tag tag--grey'>{SOURCE_LABELS[proposal.source]}</Text>
      </View>
      <Text className='staff__title'>{proposal.title}</Text>
      <Text className='staff__sub'>地点：{proposal.location}</Text>
      <Text className='staff__sub'>
        提议人 {proposal.proposer} · {formatDate(shanghaiDateOf(proposal.createdAt))}
      </Text>
      {proposal.overdue.length > 0 ? (
        <View className='form-error' role='alert'>
          已逾期：{proposal.overdue.map((name) => DEADLINE_LABELS[name]).join('、')}
        </View>
      ) : null}
      <DeadlineTags proposal={proposal} />
      {proposal.pendingChangeId ? <View className='warning-bar'>变更申请已提交，等待街道审核</View> : null}
      <Action variant='link' onClick={() => void Taro.navigateTo({ url: pageWithId(STAFF_PAGES.publicDetail, proposal.id) })}>
        查看居民看到的页面 ›
      </Action>
    </View>
  );
}

/** The steps allowed now, in lifecycle order; when there is none, what the record waits for. */
function Steps({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const can = (action: string) => allows(proposal, action);
  const any = [
    'proposal.screen',
    'proposal.draftReport',
    'council.publishAgenda',
    'council.recordVote',
    'proposal.submitToStreet',
    'publicity.publish',
    'implementation.assign',
    'implementation.start',
    'implementation.complete',
    'evaluation.publish',
  ].some(can);
  return (
    <View data-testid='steps'>
      {can('proposal.screen') ? <ScreenStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('proposal.draftReport') ? (
        <Section title={proposal.report ? '修改申请报告' : '拟定申请报告'} testId='step-report'>
          <View className='card'>
            <ReportEditor proposal={proposal} onSaved={() => onChanged('申请报告已保存')} />
          </View>
        </Section>
      ) : null}
      {can('council.publishAgenda') || can('council.recordVote') ? (
        <Section title='居民议事会' testId='step-council'>
          <View className='card'>
            <Text className='block'>
              {can('council.recordVote') ? '议事会已召开，请录入表决结果。' : '申请报告已拟定，可以列入议事公示，提交居民议事会审议。'}
            </Text>
            <View className='form-actions'>
              <Action block onClick={() => void Taro.navigateTo({ url: STAFF_PAGES.council })} testId='go-council'>
                {can('council.recordVote') ? '去录入表决结果' : '去发布议事公示'}
              </Action>
            </View>
          </View>
        </Section>
      ) : null}
      {can('proposal.submitToStreet') ? <SubmitStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('publicity.publish') ? <PublicityStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.assign') ? <AssignStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.start') ? <StartStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('implementation.complete') ? <CompleteStep proposal={proposal} onChanged={onChanged} /> : null}
      {can('evaluation.publish') ? <EvaluationStep proposal={proposal} onChanged={onChanged} /> : null}
      {!any ? <Waiting proposal={proposal} /> : null}
    </View>
  );
}

/** Nothing for the worker to do now: say what the project waits for, from what the server sent. */
function Waiting({ proposal }: { proposal: ProposalView }) {
  let text = '目前没有需要您办理的事项。';
  if (proposal.state === 'street_review') text = '已提交街道审核，请等待街道的审核决定。';
  else if (proposal.state === 'publicity' && proposal.publicity) text = `公示中，公示期至 ${formatDate(proposal.publicity.endsOn.on)} 结束，结束后方可确定实施主体。`;
  else if (proposal.state === 'implementing' && proposal.implementation?.side === 'street') text = '本项目由街道实施，开工和完工由街道登记。';
  else if (proposal.state === 'evaluated') text = '评价结果已发布，等待街道发布审计结果。';
  return (
    <Section title='当前进展' testId='waiting'>
      <View className='card'>
        <Text className='block'>{text}</Text>
      </View>
    </Section>
  );
}

const EXCLUSIONS: { value: Exclusion; label: string }[] = (Object.keys(EXCLUSION_LABELS) as Exclusion[]).map((value) => ({ value, label: EXCLUSION_LABELS[value] }));

/** R-COL-2: adopt, or not with an explanation to the proposer and the reason for excluding it. */
function ScreenStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [choice, setChoice] = useState<'adopt' | 'reject' | null>(null);
  const [exclusion, setExclusion] = useState<Exclusion | null>(null);
  const [explanation, setExplanation] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (choice === 'adopt') {
      void action.run(() => screenProposal({ id: proposal.id, adopt: true }), () => onChanged('已采纳，请拟定申请报告'));
      return;
    }
    if (!explanation.trim()) return action.refuse('explanation', '请填写给提议人的解释说明');
    void action.run(
      () => screenProposal({ id: proposal.id, adopt: false, explanation: explanation.trim(), ...(exclusion ? { exclusion } : {}) }),
      () => onChanged('已记录为未采纳，提议人会看到您的解释说明'),
    );
  };
  return (
    <Section title='筛选提议' testId='step-screen'>
      <View className='card'>
        <Text className='field__label block'>提议内容</Text>
        <Text className='block pre-wrap'>{proposal.description}</Text>
        <Text className='field__label block' style={{ marginTop: '24px' }}>
          是否采纳
        </Text>
        <Chips
          label='是否采纳'
          options={[
            { value: 'adopt', label: '采纳' },
            { value: 'reject', label: '不采纳' },
          ]}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            action.reset();
          }}
        />
        {choice === 'reject' ? (
          <View style={{ marginTop: '24px' }}>
            <Text className='field__label block'>不采纳的原因</Text>
            <Chips label='不采纳的原因' options={EXCLUSIONS} value={exclusion} onChange={setExclusion} />
            <View style={{ marginTop: '24px' }}>
              <TextBox
                label='给提议人的解释说明'
                name='explanation'
                required
                short
                value={explanation}
                onChange={setExplanation}
                maxlength={TEXT_LIMITS.explanation}
                placeholder='请说明不采纳的原因和可以去哪里反映，提议人会看到'
                error={action.fieldError('explanation')}
              />
            </View>
          </View>
        ) : null}
        <FormError message={action.formError(['explanation'])} />
        {choice ? (
          <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-screen'>
            {choice === 'adopt' ? '确认采纳' : '确认不采纳'}
          </Action>
        ) : null}
      </View>
    </Section>
  );
}

function SubmitStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const action = useAction<ProposalView>();
  return (
    <Section title='提交街道审核' testId='step-submit'>
      <View className='card'>
        {proposal.vote ? (
          <Text className='info-line'>
            议事会表决：出席 {proposal.vote.attendance} 人，赞成 {proposal.vote.for}，反对 {proposal.vote.against}，弃权 {proposal.vote.abstain}
          </Text>
        ) : null}
        <FormError message={action.formError([])} />
        <View className='step-action'>
        <ConfirmAction
          label='提交街道审核'
          question='提交后由街道在 15 个工作日内审核。确认提交？'
          busy={action.busy}
          onConfirm={() => void action.run(() => submitToStreet(proposal.id), () => onChanged('已提交街道审核'))}
          testId='submit-street'
        />
        </View>
      </View>
    </Section>
  );
}

function PublicityStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const action = useAction<ProposalView>();
  const budget = proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
  return (
    <Section title='发布公示' testId='step-publicity'>
      <View className='card'>
        <Text className='block'>街道已审核通过。实施前须公示 3 个工作日，公示期内居民可以发表意见。</Text>
        <Row label='项目'>{proposal.title}</Row>
        <Row label='地点'>{proposal.location}</Row>
        {budget !== undefined ? <Row label='预算'>{formatFen(budget)}</Row> : null}
        <FormError message={action.formError([])} />
        <View className='step-action'>
          <ConfirmAction
            label='发布公示'
            question='公示发布后居民即可看到并发表意见。确认发布？'
            busy={action.busy}
            onConfirm={() => void action.run(() => publishPublicity(proposal.id), (view) => onChanged(`公示已发布，公示期至 ${formatDate(view.publicity?.endsOn.on ?? '')}`))}
            testId='publish-publicity'
          />
        </View>
      </View>
    </Section>
  );
}

const ASSIGN_FIELDS = ['implementer', 'assignedOn', 'tenderRef'] as const;

function AssignStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [implementer, setImplementer] = useState('');
  const [assignedOn, setAssignedOn] = useState(today);
  const [tenderRef, setTenderRef] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!implementer.trim()) return action.refuse('implementer', '请填写实施主体');
    void action.run(
      () => assignImplementation({ id: proposal.id, implementer: implementer.trim(), assignedOn, ...(tenderRef.trim() ? { tenderRef: tenderRef.trim() } : {}) }),
      () => onChanged('实施主体已确定'),
    );
  };
  return (
    <Section title='确定实施主体' testId='step-assign'>
      <View className='card'>
        {proposal.approvedBudgetFen !== undefined ? <Row label='批复预算'>{formatFen(proposal.approvedBudgetFen)}</Row> : null}
        <TextInput label='实施主体' name='implementer' required value={implementer} onChange={setImplementer} placeholder='如：田心社工服务社' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('implementer')} />
        <DateChoice label='确定日期' name='assignedOn' required value={assignedOn} onChange={setAssignedOn} days={recentDays(today)} today={today} error={action.fieldError('assignedOn')} />
        <TextInput
          label='招标记录编号'
          name='tenderRef'
          value={tenderRef}
          onChange={setTenderRef}
          placeholder='预算达到招标限额时必填'
          hint='按规定需要招标时填写'
          maxlength={TEXT_LIMITS.shortText}
          error={action.fieldError('tenderRef')}
        />
        <FormError message={action.formError(ASSIGN_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-assign'>
          确定实施主体
        </Action>
      </View>
    </Section>
  );
}

function StartStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [startedOn, setStartedOn] = useState(today);
  const action = useAction<ProposalView>();
  return (
    <Section title='登记开始实施' testId='step-start'>
      <View className='card'>
        {proposal.implementation ? <Row label='实施主体'>{proposal.implementation.implementer}</Row> : null}
        <DateChoice label='开始实施日期' name='startedOn' required value={startedOn} onChange={setStartedOn} days={recentDays(today)} today={today} error={action.fieldError('startedOn')} />
        <FormError message={action.formError(['startedOn'])} />
        <Action
          block
          busy={action.busy}
          busyLabel='正在提交…'
          onClick={() => void action.run(() => startImplementation({ id: proposal.id, startedOn }), () => onChanged('已登记开始实施'))}
          testId='send-start'
        >
          登记开始实施
        </Action>
      </View>
    </Section>
  );
}

const COMPLETE_FIELDS = ['completedOn', 'maintenanceUnit', 'maintenanceFunding'] as const;

function CompleteStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const today = todayOf();
  const [completedOn, setCompletedOn] = useState(today);
  const [maintenanceUnit, setMaintenanceUnit] = useState('');
  const [maintenanceFunding, setMaintenanceFunding] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!maintenanceUnit.trim()) return action.refuse('maintenanceUnit', '请填写后续管养单位');
    if (!maintenanceFunding.trim()) return action.refuse('maintenanceFunding', '请填写管养资金安排');
    void action.run(
      () => completeImplementation({ id: proposal.id, completedOn, maintenanceUnit: maintenanceUnit.trim(), maintenanceFunding: maintenanceFunding.trim() }),
      () => onChanged('已登记完工，居民现在可以评价'),
    );
  };
  return (
    <Section title='登记完工' testId='step-complete'>
      <View className='card'>
        <DateChoice label='完工日期' name='completedOn' required value={completedOn} onChange={setCompletedOn} days={recentDays(today)} today={today} error={action.fieldError('completedOn')} />
        <TextInput label='后续管养单位' name='maintenanceUnit' required value={maintenanceUnit} onChange={setMaintenanceUnit} placeholder='如：田心社区工作站' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('maintenanceUnit')} />
        <TextInput label='管养资金安排' name='maintenanceFunding' required value={maintenanceFunding} onChange={setMaintenanceFunding} placeholder='如：社区党群服务经费' maxlength={TEXT_LIMITS.maintenanceFunding} error={action.fieldError('maintenanceFunding')} />
        <FormError message={action.formError(COMPLETE_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-complete'>
          登记完工
        </Action>
      </View>
    </Section>
  );
}

function EvaluationStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [summary, setSummary] = useState('');
  const action = useAction<ProposalView>();
  const send = () => {
    if (!summary.trim()) return action.refuse('summary', '请填写评价结果');
    void action.run(() => publishEvaluation({ id: proposal.id, summary: summary.trim() }), () => onChanged('评价结果已发布'));
  };
  return (
    <Section title='发布评价结果' testId='step-evaluation'>
      <View className='card'>
        <Row label='居民评价'>
          {proposal.ratingCount > 0 ? `${proposal.ratingCount} 位居民评价，平均 ${proposal.ratingAverage.toFixed(1)} 星` : '还没有居民评价'}
        </Row>
        <Text className='info-line'>发布后居民不能再评价。</Text>
        <TextBox label='评价结果' name='summary' required short value={summary} onChange={setSummary} maxlength={TEXT_LIMITS.reason} placeholder='居民满意度、意见汇总和整改情况' error={action.fieldError('summary')} />
        <FormError message={action.formError(['summary'])} />
        <Action block busy={action.busy} busyLabel='正在发布…' onClick={send} testId='send-evaluation'>
          发布评价结果
        </Action>
      </View>
    </Section>
  );
}

const CHANGE_KINDS: { value: ChangeKind; label: string }[] = (['adjust', 'withdraw'] as const).map((value) => ({ value, label: CHANGE_KIND_LABELS[value] }));

/** R-CHG-1: a change of budget or a withdrawal, for the street to decide. */
function ChangeStep({ proposal, onChanged }: { proposal: ProposalView; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChangeKind | null>(null);
  const [reason, setReason] = useState('');
  const [budget, setBudget] = useState('');
  const action = useAction<unknown>();
  const send = () => {
    if (!kind) return action.refuse('kind', '请选择调整预算或撤销项目');
    if (!reason.trim()) return action.refuse('reason', '请填写变更理由');
    let newBudgetFen: number | undefined;
    if (kind === 'adjust') {
      const parsed = parseYuan(budget);
      if (!parsed.ok) return action.refuse('newBudgetFen', parsed.message);
      newBudgetFen = parsed.fen;
    }
    void action.run(
      () => requestChange({ id: proposal.id, kind, reason: reason.trim(), ...(newBudgetFen !== undefined ? { newBudgetFen } : {}) }),
      () => onChanged(kind === 'withdraw' ? '撤销申请已提交街道审核' : '预算调整申请已提交街道审核'),
    );
  };
  return (
    <Section title='变更或撤销' testId='step-change'>
      <View className='card'>
        {!open ? (
          <Action variant='plain' block onClick={() => setOpen(true)} testId='open-change'>
            申请变更或撤销
          </Action>
        ) : (
          <View>
            <Text className='info-line'>变更和撤销须经街道审核；撤销后项目预算退回社区额度。</Text>
            <Chips label='申请类型' options={CHANGE_KINDS} value={kind} onChange={setKind} />
            <View style={{ marginTop: '24px' }}>
              {kind === 'adjust' ? (
                <YuanInput
                  label='调整后的预算'
                  name='newBudgetFen'
                  required
                  value={budget}
                  onChange={setBudget}
                  hint={proposal.approvedBudgetFen !== undefined ? `现批复 ${formatFen(proposal.approvedBudgetFen)}` : undefined}
                  error={action.fieldError('newBudgetFen')}
                />
              ) : null}
              <TextBox label='变更理由' name='reason' required short value={reason} onChange={setReason} maxlength={TEXT_LIMITS.reason} placeholder='为什么需要变更或撤销' error={action.fieldError('reason')} />
            </View>
            <FormError message={action.formError(['reason', 'newBudgetFen'])} />
            <Action block busy={action.busy} busyLabel='正在提交…' onClick={send} testId='send-change'>
              提交街道审核
            </Action>
          </View>
        )}
      </View>
    </Section>
  );
}

/** 意见与回复: every comment (pending ones too, for staff in scope), each answered once. */
function Comments({ proposal }: { proposal: ProposalView }) {
  const loadPage = useCallback((cursor?: string) => listComments({ proposalId: proposal.id, cursor, limit: 20 }), [proposal.id]);
  const list = usePaged(loadPage);
  return (
    <Section title='居民意见' extra={<Text>{proposal.commentCount} 条已公开</Text>} testId='comments'>
      {list.state.status === 'loading' || list.state.status === 'error' ? (
        <Gate state={list.state} onRetry={() => void list.reload()} rows={2}>
          {() => null}
        </Gate>
      ) : list.state.data.items.length === 0 ? (
        <Text className='info-line' style={{ padding: '0 32px' }}>
          还没有居民发表意见
        </Text>
      ) : (
        <View>
          {list.state.data.items.map((comment) => (
            <StaffComment key={comment.id} comment={comment} proposal={proposal} onChanged={() => void list.refresh()} />
          ))}
          <LoadMore hasMore={Boolean(list.state.data.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} endText='没有更多意见了' />
        </View>
      )}
    </Section>
  );
}

function StaffComment({ comment, proposal, onChanged }: { comment: CommentView; proposal: ProposalView; onChanged: () => void }) {
  const [text, setText] = useState('');
  const reply = useAction<CommentView>();
  const moderate = useAction<CommentView>();
  const canReply = allows(proposal, 'comment.reply') && !comment.reply && comment.status === 'published';
  const canModerate = allows(proposal, 'comment.moderate') && comment.status === 'pending';
  const sendReply = () => {
    if (!text.trim()) return reply.refuse('text', '请填写回复内容');
    void reply.run(() => replyComment({ commentId: comment.id, text: text.trim() }), () => {
      setText('');
      onChanged();
    });
  };
  return (
    <View className={`comment-staff${comment.status === 'pending' ? ' comment-staff--pending' : ''}`} data-testid='staff-comment'>
      <View className='comment-staff__head'>
        <Text className='comment-staff__author'>{comment.author}</Text>
        <Text className='comment-staff__time'>{formatInstant(comment.createdAt)}</Text>
      </View>
      {comment.status === 'pending' ? <Text className='tag tag--orange'>待审核，居民暂看不到</Text> : null}
      {comment.status === 'hidden' ? <Text className='tag tag--grey'>未公开</Text> : null}
      <Text className='comment-staff__text'>{comment.text}</Text>
      {comment.reply ? (
        <View className='comment-staff__reply'>
          <Text className='comment-staff__reply-label'>社区回复 · {formatInstant(comment.reply.repliedAt)}</Text>
          <Text className='comment-staff__text'>{comment.reply.text}</Text>
        </View>
      ) : null}
      {canModerate ? (
        <View>
          <FormError message={moderate.error ? messageOf(moderate.error) : null} />
          <View className='comment-staff__buttons'>
            <Action busy={moderate.busy} onClick={() => void moderate.run(() => moderateComment({ commentId: comment.id, publish: true }), onChanged)}>
              公开
            </Action>
            <Action variant='plain' busy={moderate.busy} onClick={() => void moderate.run(() => moderateComment({ commentId: comment.id, publish: false }), onChanged)}>
              不公开
            </Action>
          </View>
        </View>
      ) : null}
      {canReply ? (
        <View style={{ marginTop: '16px' }}>
          <TextBox label='回复这条意见' name={`reply-${comment.id}`} short value={text} onChange={setText} maxlength={TEXT_LIMITS.reply} placeholder='回复这条意见，居民会看到' error={reply.fieldError('text')} />
          <FormError message={reply.formError(['text'])} />
          <Action block busy={reply.busy} busyLabel='正在回复…' onClick={sendReply} testId='send-reply'>
            发送回复
          </Action>
        </View>
      ) : null}
    </View>
  );
}

/** 项目档案: what has been recorded so far, for reference while working. */
function RecordSoFar({ proposal }: { proposal: ProposalView }) {
  const { screening, report, vote, review, publicity, implementation, evaluation, audit } = proposal;
  // While screening, the proposal's content is in the screening card and nothing else is recorded.
  if (allows(proposal, 'proposal.screen') && !screening && !report) return null;
  return (
    <Section title='项目档案' testId='record'>
      <View className='card'>
        {!allows(proposal, 'proposal.screen') ? (
          <View>
            <Text className='field__label block'>提议内容</Text>
            <Text className='block pre-wrap'>{proposal.description}</Text>
          </View>
        ) : null}
        {screening ? (
          <Row label='筛选'>
            {screening.adopt ? '已采纳' : `未采纳${screening.exclusion ? `（${EXCLUSION_LABELS[screening.exclusion]}）` : ''}`} · {day(screening.decidedOn)}
          </Row>
        ) : null}
        {screening?.explanation ? <Row label='解释说明'>{screening.explanation}</Row> : null}
        {report && !allows(proposal, 'proposal.draftReport') ? (
          <View>
            <Text className='field__label block' style={{ marginTop: '20px' }}>
              申请报告
            </Text>
            <Row label='申请理由'>{report.reason}</Row>
            <Row label='项目概述'>{report.overview}</Row>
            <Row label='实施方案'>{report.plan}</Row>
            <BudgetTable lines={report.budgetLines} totalFen={report.budgetFen} feeFen={report.feeFen} approvedFen={proposal.approvedBudgetFen} />
          </View>
        ) : null}
        {proposal.meetingOn ? <Row label='议事会'>{day(proposal.meetingOn)}</Row> : null}
        {vote ? (
          <Row label='表决'>
            出席 {vote.attendance}，赞成 {vote.for}，反对 {vote.against}，弃权 {vote.abstain}
          </Row>
        ) : null}
        {proposal.submittedToStreetOn ? <Row label='提交街道'>{day(proposal.submittedToStreetOn)}</Row> : null}
        {review ? (
          <Row label='街道审核'>
            {review.outcome === 'approved' ? '审核通过' : review.outcome === 'rejected' ? '未通过审核' : `已转交职能部门：${review.department ?? ''}`} · {day(review.decidedOn)}
          </Row>
        ) : null}
        {review?.reason ? <Row label='审核意见'>{review.reason}</Row> : null}
        {publicity ? (
          <Row label='公示期'>
            {day(publicity.publishedOn)} 至 {day(publicity.endsOn.on)}
          </Row>
        ) : null}
        {implementation ? (
          <View>
            <Row label='实施主体'>
              {implementation.implementer}（{implementation.side === 'street' ? '街道实施' : '社区实施'}）
            </Row>
            <Row label='确定日期'>{day(implementation.assignedOn)}</Row>
            {implementation.tenderRef ? <Row label='招标记录'>{implementation.tenderRef}</Row> : null}
            {implementation.startedOn ? <Row label='开始实施'>{day(implementation.startedOn)}</Row> : null}
            {implementation.completedOn ? <Row label='完工'>{day(implementation.completedOn)}</Row> : null}
            {implementation.maintenanceUnit ? <Row label='管养单位'>{implementation.maintenanceUnit}</Row> : null}
            {implementation.maintenanceFunding ? <Row label='管养资金'>{implementation.maintenanceFunding}</Row> : null}
          </View>
        ) : null}
        {evaluation ? <Row label='评价结果'>{evaluation.summary}</Row> : null}
        {audit ? (
          <Row label='审计'>
            {audit.auditor} · 实际支出 {formatFen(audit.spentFen)} · {day(audit.publishedOn)}
          </Row>
        ) : null}
      </View>
    </Section>
  );
}
