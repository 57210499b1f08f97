import { useCallback, useRef, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import type { CommentView, ProposalView, RatingView } from '../../../types/api';
import type { DeadlineName } from '../../../types/domain';
import { addComment, getProposal, getRatingSummary, listComments, setRating } from '../../api';
import { photoSrc } from '../../api/upload';
import { Action } from '../../components/Action';
import { DateRange } from '../../components/DateRange';
import { DeadlineTag } from '../../components/DeadlineTag';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { RatingSummaryView } from '../../components/RatingSummaryView';
import { Section } from '../../components/Section';
import { StarsInput } from '../../components/Stars';
import { StateBadge } from '../../components/StateBadge';
import { Timeline, type TimelineStep } from '../../components/Timeline';
import { formatDate, formatDateRange, formatInstant, shanghaiDateOf } from '../../lib/dates';
import { CATEGORY_LABELS, DEADLINE_LABELS, EXCLUSION_LABELS, SOURCE_LABELS, STATE_LABELS, messageOf } from '../../lib/labels';
import { LIMITS } from '../../lib/limits';
import { barPercent, formatFen } from '../../lib/money';
import { PAGES, openTab, proposalPath } from '../../lib/navigation';
import { daysLeftOf } from '../../lib/proposal';
import { newRequestId } from '../../lib/request-id';
import { askForNotices, canAskForNotices } from '../../lib/subscribe';
import { useAnswer, usePaged } from '../../lib/use-answer';
import './index.css';

/**
 * 项目详情: one proposal's story — its state, every step with its date and the running deadline,
 * the report and budget, the publicity notice, the residents' comments with the community's
 * answers, the ratings and the audit. A button is shown only when its action is in the proposal's
 * `allowedActions`.
 */
export default function ProposalDetailPage() {
  const router = useRouter();
  const id = router?.params?.id ?? '';
  const justSubmitted = router?.params?.submitted === '1';
  return (
    <PageShell>
      {id ? (
        <ProposalLoader id={id} justSubmitted={justSubmitted} />
      ) : (
        <EmptyState message='没有找到这个项目' actionLabel='回到首页' onAction={() => openTab(PAGES.home)} />
      )}
    </PageShell>
  );
}

function ProposalLoader({ id, justSubmitted }: { id: string; justSubmitted: boolean }) {
  const load = useCallback(() => getProposal(id), [id]);
  const { state, reload, refresh } = useAnswer(load);

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.data.title : '民生微实事',
    path: proposalPath(id),
  }));

  return (
    <View className='detail'>
      {state.status === 'loading' && <Skeleton rows={5} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' && <ProposalStory proposal={state.data} justSubmitted={justSubmitted} onChanged={() => void refresh()} />}
    </View>
  );
}

function allows(proposal: ProposalView, action: string): boolean {
  return proposal.allowedActions.includes(action);
}

function ProposalStory({ proposal, justSubmitted, onChanged }: { proposal: ProposalView; justSubmitted: boolean; onChanged: () => void }) {
  const canComment = allows(proposal, 'comment.add');
  const canRate = allows(proposal, 'rating.set');
  const showComments = canComment || proposal.commentCount > 0 || Boolean(proposal.publicity);
  const showRatings = canRate || proposal.ratingCount > 0 || Boolean(proposal.evaluation);
  return (
    <View>
      <Header proposal={proposal} />
      {justSubmitted ? <SubmittedBanner /> : null}
      <Explanations proposal={proposal} />
      {canComment ? (
        <>
          <PublicityCard proposal={proposal} />
          <Comments proposal={proposal} onChanged={onChanged} />
        </>
      ) : null}
      {canRate ? <Ratings proposal={proposal} onChanged={onChanged} /> : null}
      {/* A finished project leads with its results. */}
      <AuditCard proposal={proposal} />
      {!canRate && showRatings ? <Ratings proposal={proposal} onChanged={onChanged} /> : null}
      <Progress proposal={proposal} />
      <Content proposal={proposal} />
      {!canComment ? <PublicityCard proposal={proposal} /> : null}
      <ReportCard proposal={proposal} />
      <ImplementationCard proposal={proposal} />
      {!canComment && showComments ? <Comments proposal={proposal} onChanged={onChanged} /> : null}
      <ShareButton />
    </View>
  );
}

function Header({ proposal }: { proposal: ProposalView }) {
  return (
    <View className='detail__header'>
      <View className='detail__tags'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        <Text className='tag tag--grey'>{SOURCE_LABELS[proposal.source]}</Text>
      </View>
      <Text className='detail__title'>{proposal.title}</Text>
      <Text className='detail__meta' data-testid='proposer'>
        提议人 {proposal.proposer}
        {proposal.mine ? '（我）' : ''} · <Text className='nowrap'>{formatDate(shanghaiDateOf(proposal.createdAt))}</Text>
      </Text>
      <Text className='detail__meta'>地点：{proposal.location}</Text>
      {proposal.overdue.length > 0 ? (
        <View className='detail__overdue' role='alert'>
          已逾期：{proposal.overdue.map((name) => DEADLINE_LABELS[name]).join('、')}
        </View>
      ) : null}
    </View>
  );
}

/** After submitting: confirmation, and on weapp the offer of progress notices (asked on a tap). */
function SubmittedBanner() {
  const [asked, setAsked] = useState(false);
  return (
    <View className='notice-bar notice-bar--success' data-testid='submitted-banner'>
      <Text className='block'>提议已提交，社区会尽快处理。您可以在“我的”里随时查看进度。</Text>
      <View className='detail__subscribe'>
        {canAskForNotices('proposal') && !asked ? (
          <Action
            variant='secondary'
            onClick={() => {
              setAsked(true);
              void askForNotices('proposal');
            }}
          >
            接收进度通知
          </Action>
        ) : null}
        <Action variant='plain' onClick={() => openTab(PAGES.mine)} testId='go-mine'>
          查看我的提议
        </Action>
      </View>
    </View>
  );
}

/** Why a proposal stopped: the not-adopted explanation, the rejection reason, the transfer. */
function Explanations({ proposal }: { proposal: ProposalView }) {
  const { screening, review, pendingChange } = proposal;
  return (
    <>
      {pendingChange && pendingChange.state === 'pending' ? (
        <Section title='变更申请' testId='pending-change'>
          <View className='card'>
            <Text className='block detail__reason-kind'>
              {pendingChange.kind === 'withdraw' ? '申请撤销项目' : '申请调整项目'}（街道审核中）
            </Text>
            {pendingChange.newBudgetFen !== undefined ? <Text className='block'>调整后预算：{formatFen(pendingChange.newBudgetFen)}</Text> : null}
            <Text className='block pre-wrap'>{pendingChange.reason}</Text>
            <Text className='block muted small'>{formatDate(pendingChange.requestedOn)} 提出</Text>
          </View>
        </Section>
      ) : null}
      {screening && !screening.adopt ? (
        <Section title='未采纳说明' testId='not-adopted'>
          <View className='card'>
            {screening.exclusion ? <Text className='block detail__reason-kind'>{EXCLUSION_LABELS[screening.exclusion]}</Text> : null}
            <Text className='block pre-wrap'>{screening.explanation}</Text>
            <Text className='block muted small'>{formatDate(screening.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
      {review && review.outcome === 'rejected' ? (
        <Section title='未通过审核的原因' testId='rejected'>
          <View className='card'>
            <Text className='block pre-wrap'>{review.reason}</Text>
            <Text className='block muted small'>街道 {formatDate(review.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
      {review && review.outcome === 'transferred' ? (
        <Section title='已转交职能部门' testId='transferred'>
          <View className='card'>
            {review.department ? <Text className='block detail__reason-kind'>转交至：{review.department}</Text> : null}
            {review.reason ? <Text className='block pre-wrap'>{review.reason}</Text> : null}
            <Text className='block muted small'>{formatDate(review.decidedOn)}</Text>
          </View>
        </Section>
      ) : null}
    </>
  );
}

function stepsOf(proposal: ProposalView): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'submitted', title: '提交提议', when: formatDate(shanghaiDateOf(proposal.createdAt)) }];
  const { screening, vote, review, publicity, implementation, evaluation, audit } = proposal;
  if (screening) {
    steps.push({ key: 'screening', title: STATE_LABELS[screening.adopt ? 'adopted' : 'not_adopted'], when: formatDate(screening.decidedOn) });
  }
  // TODO(contract): `report.draftedOn`, so that this step shows its date too.
  if (proposal.report) steps.push({ key: 'report', title: STATE_LABELS.drafted, when: '' });
  if (proposal.meetingOn) steps.push({ key: 'agenda', title: '居民议事会', when: `会议日期 ${formatDate(proposal.meetingOn)}` });
  if (vote) {
    steps.push({
      key: 'vote',
      // The outcome is the proposal's state (council_passed / council_rejected), never recounted here.
      title: '议事会表决',
      when: formatDate(vote.recordedOn),
      detail: (
        <Text>
          出席 {vote.attendance} 人：赞成 {vote.for}，反对 {vote.against}，弃权 {vote.abstain}
        </Text>
      ),
    });
  }
  if (proposal.submittedToStreetOn) steps.push({ key: 'street', title: '提交街道审核', when: formatDate(proposal.submittedToStreetOn) });
  if (review) {
    steps.push({
      key: 'review',
      title: STATE_LABELS[review.outcome],
      when: formatDate(review.decidedOn),
      detail:
        review.outcome === 'approved' && proposal.approvedBudgetFen !== undefined ? <Text>批复预算 {formatFen(proposal.approvedBudgetFen)}</Text> : undefined,
    });
  }
  if (publicity) {
    steps.push({ key: 'publicity', title: '公示', when: formatDateRange(publicity.publishedOn, publicity.endsOn.on) });
  }
  if (implementation) {
    steps.push({ key: 'assigned', title: '确定实施主体', when: formatDate(implementation.assignedOn), detail: <Text>{implementation.implementer}</Text> });
    if (implementation.startedOn) steps.push({ key: 'started', title: '开工', when: formatDate(implementation.startedOn) });
    if (implementation.completedOn) steps.push({ key: 'completed', title: STATE_LABELS.completed, when: formatDate(implementation.completedOn) });
  }
  if (evaluation) steps.push({ key: 'evaluated', title: '评价结果公布', when: formatDate(evaluation.publishedOn) });
  if (audit) steps.push({ key: 'audited', title: '审计结果公布', when: formatDate(audit.publishedOn) });
  if (proposal.state === 'withdrawn') steps.push({ key: 'withdrawn', title: STATE_LABELS.withdrawn, when: '' });
  steps[steps.length - 1].current = true;
  return steps;
}

/** 办理进度: where the proposal is now, its running deadlines, and every step so far. */
function Progress({ proposal }: { proposal: ProposalView }) {
  const names = Object.keys(proposal.deadlines) as DeadlineName[];
  return (
    <Section title='办理进度' testId='progress'>
      <View className='card'>
        <View className='detail__now'>
          <Text className='muted'>当前：</Text>
          <StateBadge state={proposal.state} />
        </View>
        {names.map((name) => {
          const deadline = proposal.deadlines[name];
          return deadline ? (
            <DeadlineTag
              key={name}
              name={name}
              deadline={deadline}
              overdue={proposal.overdue.includes(name)}
              daysLeft={daysLeftOf(proposal, name)}
            />
          ) : null;
        })}
        <View className='detail__timeline'>
          <Timeline steps={stepsOf(proposal)} />
        </View>
      </View>
    </Section>
  );
}

function Content({ proposal }: { proposal: ProposalView }) {
  const urls = proposal.photos.map(photoSrc);
  return (
    <Section title='提议内容'>
      <View className='card'>
        <Text className='block pre-wrap'>{proposal.description}</Text>
        {urls.length > 0 ? (
          <View className='detail__photos'>
            {urls.map((url, index) => (
              <Image
                key={url}
                className='detail__photo'
                src={url}
                mode='aspectFill'
                aria-label={`照片 ${index + 1}`}
                onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => Taro.showToast({ title: '暂时无法查看大图', icon: 'none' }))}
              />
            ))}
          </View>
        ) : null}
      </View>
    </Section>
  );
}

function PublicityCard({ proposal }: { proposal: ProposalView }) {
  const { publicity } = proposal;
  if (!publicity) return null;
  const running = proposal.deadlines.publicityEndsOn;
  const budget = proposal.approvedBudgetFen ?? proposal.report?.budgetFen;
  return (
    <Section title='公示' testId='publicity'>
      <View className='card detail__publicity'>
        {running ? (
          <View className='kv'>
            <Text className='kv__key'>公示开始</Text>
            <Text className='kv__value'>{formatDate(publicity.publishedOn)}</Text>
          </View>
        ) : (
          <View className='kv'>
            <Text className='kv__key'>公示期</Text>
            <View className='kv__value'>
              <DateRange from={publicity.publishedOn} to={publicity.endsOn.on} />
            </View>
          </View>
        )}
        {budget !== undefined ? (
          <View className='kv'>
            <Text className='kv__key'>预算</Text>
            <Text className='kv__value detail__money'>{formatFen(budget)}</Text>
          </View>
        ) : null}
        {running ? (
          <DeadlineTag
            name='publicityEndsOn'
            deadline={running}
            overdue={proposal.overdue.includes('publicityEndsOn')}
            daysLeft={daysLeftOf(proposal, 'publicityEndsOn')}
          />
        ) : (
          <Text className='block muted small'>公示期已结束，意见征集已关闭</Text>
        )}
      </View>
    </Section>
  );
}

function ReportCard({ proposal }: { proposal: ProposalView }) {
  const { report } = proposal;
  if (!report) return null;
  return (
    <Section title='申请报告' testId='report'>
      <View className='card'>
        <Text className='detail__label'>申请理由</Text>
        <Text className='block pre-wrap'>{report.reason}</Text>
        <Text className='detail__label'>项目概述</Text>
        <Text className='block pre-wrap'>{report.overview}</Text>
        <Text className='detail__label'>实施方案</Text>
        <Text className='block pre-wrap'>{report.plan}</Text>
        <Text className='detail__label'>经费预算</Text>
        <View className='budget'>
          {report.budgetLines.map((line, index) => (
            <View key={`${index}-${line.item}`} className='budget__line'>
              <Text className='budget__item'>
                {line.item}
                {line.fee ? <Text className='muted'>（服务管理费）</Text> : null}
              </Text>
              <Text className='budget__amount'>{formatFen(line.amountFen)}</Text>
            </View>
          ))}
          <View className='budget__line budget__line--total'>
            <Text className='budget__item'>合计</Text>
            <Text className='budget__amount'>{formatFen(report.budgetFen)}</Text>
          </View>
          {proposal.approvedBudgetFen !== undefined ? (
            <View className='budget__line budget__line--approved'>
              <Text className='budget__item'>街道批复预算</Text>
              <Text className='budget__amount'>{formatFen(proposal.approvedBudgetFen)}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </Section>
  );
}

function ImplementationCard({ proposal }: { proposal: ProposalView }) {
  const { implementation } = proposal;
  if (!implementation) return null;
  const rows: [string, string | undefined][] = [
    ['实施主体', `${implementation.implementer}（${implementation.side === 'street' ? '街道实施' : '社区实施'}）`],
    ['确定日期', formatDate(implementation.assignedOn)],
    ['招标编号', implementation.tenderRef],
    ['开工日期', implementation.startedOn && formatDate(implementation.startedOn)],
    ['完工日期', implementation.completedOn && formatDate(implementation.completedOn)],
    ['后续管养单位', implementation.maintenanceUnit],
    ['管养经费', implementation.maintenanceFunding],
  ];
  return (
    <Section title='实施情况' testId='implementation'>
      <View className='card'>
        {rows.map(([key, value]) =>
          value ? (
            <View key={key} className='kv'>
              <Text className='kv__key'>{key}</Text>
              <Text className='kv__value'>{value}</Text>
            </View>
          ) : null,
        )}
      </View>
    </Section>
  );
}

function AuditCard({ proposal }: { proposal: ProposalView }) {
  const { audit } = proposal;
  if (!audit) return null;
  const budget = proposal.approvedBudgetFen;
  return (
    <Section title='审计结果' testId='audit'>
      <View className='card'>
        <View className='kv'>
          <Text className='kv__key'>审计单位</Text>
          <Text className='kv__value'>{audit.auditor}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__key'>公布日期</Text>
          <Text className='kv__value'>{formatDate(audit.publishedOn)}</Text>
        </View>
        {budget !== undefined ? (
          <View className='spend' aria-label='支出与预算'>
            <View className='spend__row'>
              <Text className='spend__label'>批复预算</Text>
              <Text className='spend__amount'>{formatFen(budget)}</Text>
            </View>
            <View className='spend__track'>
              <View className='spend__fill spend__fill--budget' style={{ width: '100%' }} />
            </View>
            <View className='spend__row'>
              <Text className='spend__label'>实际支出</Text>
              <Text className='spend__amount'>{formatFen(audit.spentFen)}</Text>
            </View>
            <View className='spend__track'>
              <View
                className={`spend__fill${audit.spentFen > budget ? ' spend__fill--over' : ''}`}
                style={{ width: `${barPercent(audit.spentFen, budget)}%` }}
              />
            </View>
            <Text className='block small muted'>
              {audit.spentFen <= budget ? `节余 ${formatFen(budget - audit.spentFen)}` : `超出预算 ${formatFen(audit.spentFen - budget)}`}
            </Text>
          </View>
        ) : (
          <View className='kv'>
            <Text className='kv__key'>实际支出</Text>
            <Text className='kv__value'>{formatFen(audit.spentFen)}</Text>
          </View>
        )}
        <Text className='detail__label'>审计报告</Text>
        <Text className='block pre-wrap'>{audit.report}</Text>
      </View>
    </Section>
  );
}

/** 居民评价: the stars form when `rating.set` is allowed, the summary, the published evaluation. */
function Ratings({ proposal, onChanged }: { proposal: ProposalView; onChanged: () => void }) {
  const load = useCallback(() => getRatingSummary(proposal.id), [proposal.id]);
  const summary = useAnswer(load);
  return (
    <Section title='居民评价' testId='ratings'>
      <View className='card'>
        {allows(proposal, 'rating.set') ? (
          <RatingForm
            proposalId={proposal.id}
            onRated={() => {
              void summary.refresh();
              onChanged();
            }}
          />
        ) : null}
        {summary.state.status === 'loading' && <Skeleton rows={1} />}
        {summary.state.status === 'error' && <ErrorState error={summary.state.error} onRetry={() => void summary.reload()} />}
        {summary.state.status === 'ready' && <RatingSummaryView summary={summary.state.data} />}
        {proposal.evaluation ? (
          <View className='detail__evaluation'>
            <Text className='detail__label'>社区评价结果（{formatDate(proposal.evaluation.publishedOn)}）</Text>
            <Text className='block pre-wrap'>{proposal.evaluation.summary}</Text>
          </View>
        ) : null}
      </View>
    </Section>
  );
}

function RatingForm({ proposalId, onRated }: { proposalId: string; onRated: () => void }) {
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<RatingView | null>(null);

  const save = async () => {
    if (!stars) {
      setError('请先点击星星打分');
      return;
    }
    setSaving(true);
    setError(null);
    const answer = await setRating({ proposalId, stars, ...(text.trim() ? { text: text.trim() } : {}) });
    setSaving(false);
    if (!answer.ok) {
      setError(messageOf(answer.error));
      return;
    }
    setSaved(answer.data);
    onRated();
  };

  return (
    <View className='rating-form' data-testid='rating-form'>
      <Text className='detail__label'>{saved ? '修改我的评价' : '您对这个项目满意吗？'}</Text>
      <StarsInput value={stars} onChange={setStars} disabled={saving} />
      <Textarea
        className='field__textarea detail__rating-text'
        value={text}
        maxlength={LIMITS.ratingText}
        placeholder='还想说点什么？（可不填）'
        onInput={(event) => setText(event.detail.value)}
      />
      {error ? (
        <View className='detail__form-error' role='alert'>
          {error}
        </View>
      ) : null}
      {saved ? (
        <View className='detail__form-ok' role='status'>
          感谢您的评价！您打了 {saved.stars} 星，可以随时修改。
        </View>
      ) : null}
      <Action block busy={saving} busyLabel='正在提交…' onClick={() => void save()} testId='rate'>
        {saved ? '更新评价' : '提交评价'}
      </Action>
    </View>
  );
}

/** 意见: 20 at a time with the community's answers; the box only while `comment.add` is allowed. */
function Comments({ proposal, onChanged }: { proposal: ProposalView; onChanged: () => void }) {
  const loadPage = useCallback((cursor?: string) => listComments({ proposalId: proposal.id, cursor, limit: 20 }), [proposal.id]);
  const list = usePaged(loadPage);
  return (
    <Section title='居民意见' extra={<Text>{proposal.commentCount} 条</Text>} testId='comments'>
      {allows(proposal, 'comment.add') ? (
        <CommentBox
          proposalId={proposal.id}
          onAdded={(comment) => {
            list.prepend(comment);
            onChanged();
          }}
        />
      ) : null}
      {list.state.status === 'loading' && <Skeleton rows={2} />}
      {list.state.status === 'error' && <ErrorState error={list.state.error} onRetry={() => void list.reload()} />}
      {list.state.status === 'ready' &&
        (list.state.data.items.length === 0 ? (
          <Text className='detail__empty'>还没有居民发表意见</Text>
        ) : (
          <View>
            {list.state.data.items.map((comment) => (
              <CommentItem key={comment.id} comment={comment} />
            ))}
            <LoadMore
              hasMore={Boolean(list.state.data.nextCursor)}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={() => void list.loadMore()}
              endText='没有更多意见了'
            />
          </View>
        ))}
    </Section>
  );
}

function CommentItem({ comment }: { comment: CommentView }) {
  return (
    <View className='card comment' data-testid='comment'>
      <View className='comment__head'>
        <Text className='comment__author'>
          {comment.author}
          {comment.mine ? '（我）' : ''}
        </Text>
        <Text className='comment__time'>{formatInstant(comment.createdAt)}</Text>
      </View>
      {comment.status === 'pending' ? <Text className='tag tag--orange'>待社区审核后公开</Text> : null}
      <Text className='comment__text'>{comment.text}</Text>
      {comment.reply ? (
        <View className='comment__reply'>
          <Text className='comment__reply-label'>社区回复 · {formatInstant(comment.reply.repliedAt)}</Text>
          <Text className='comment__text'>{comment.reply.text}</Text>
        </View>
      ) : null}
    </View>
  );
}

function CommentBox({ proposalId, onAdded }: { proposalId: string; onAdded: (comment: CommentView) => void }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<CommentView | null>(null);
  const [asked, setAsked] = useState(false);
  // One idempotency key per comment: kept across retries, renewed after a success.
  const requestId = useRef(newRequestId());

  const send = async () => {
    if (!text.trim()) {
      setError('请先写下您的意见');
      return;
    }
    setSending(true);
    setError(null);
    const answer = await addComment({ proposalId, text: text.trim(), requestId: requestId.current });
    setSending(false);
    if (!answer.ok) {
      setError(messageOf(answer.error));
      return;
    }
    requestId.current = newRequestId();
    setText('');
    setSent(answer.data);
    onAdded(answer.data);
  };

  return (
    <View className='card comment-box' data-testid='comment-box'>
      <Text className='detail__label'>公示期内，欢迎发表您的意见</Text>
      <Textarea
        className='field__textarea'
        value={text}
        maxlength={LIMITS.comment}
        placeholder='对这个项目有什么意见或建议？'
        onInput={(event) => {
          setText(event.detail.value);
          setError(null);
        }}
      />
      <Text className='comment-box__count'>
        {Array.from(text).length}/{LIMITS.comment}
      </Text>
      {error ? (
        <View className='detail__form-error' role='alert'>
          {error}
        </View>
      ) : null}
      {sent ? (
        <View className='detail__form-ok' role='status'>
          <Text className='block'>{sent.status === 'pending' ? '意见已提交，社区审核后公开。' : '意见已发表，社区会在这里回复。'}</Text>
          {canAskForNotices('comment') && !asked ? (
            <Action
              variant='link'
              onClick={() => {
                setAsked(true);
                void askForNotices('comment');
              }}
            >
              接收回复通知
            </Action>
          ) : null}
        </View>
      ) : null}
      <Action block busy={sending} busyLabel='正在发表…' onClick={() => void send()} testId='send-comment'>
        发表意见
      </Action>
    </View>
  );
}

/** weapp: share this project to a chat (the page's share handler gives title and path). */
function ShareButton() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <View className='detail__share'>
      <Button className='btn btn--secondary btn--block detail__share-button' openType='share'>
        分享给邻居
      </Button>
    </View>
  );
}
