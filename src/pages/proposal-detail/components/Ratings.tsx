import { useCallback, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { ProposalView, RatingView } from '../../../../types/api';
import { getRatingSummary, setRating } from '../../../api';
import { Action } from '../../../components/Action';
import { ErrorState, Skeleton } from '../../../components/PageStates';
import { RatingSummaryView } from '../../../components/RatingSummaryView';
import { Section } from '../../../components/Section';
import { StarsInput } from '../../../components/Stars';
import { formatDate } from '../../../lib/dates';
import { messageOf } from '../../../lib/labels';
import { allows } from '../../../lib/proposal';
import { useAnswer } from '../../../lib/use-answer';

/** 居民评价: the stars form when `rating.set` is allowed, the summary, the published evaluation. */
export function Ratings({ proposal, onChanged }: { proposal: ProposalView; onChanged: () => void }) {
  const load = useCallback(() => getRatingSummary(proposal.id), [proposal.id]);
  const summary = useAnswer(load);
  return (
    <Section title='居民评价' testId='ratings'>
      <View className='card'>
        {allows(proposal, 'rating.set') ? (
          <RatingForm
            proposalId={proposal.id}
            mine={proposal.myRating}
            onRated={() => {
              void summary.refresh();
              onChanged();
            }}
          />
        ) : proposal.myRating ? (
          // Rating closed (evaluated, audited…): my stars stay shown, not an invitation.
          <Text className='detail__label block' data-testid='my-rating'>
            我的评价：{proposal.myRating.stars} 星{proposal.myRating.text ? `（${proposal.myRating.text}）` : ''}
          </Text>
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

/** R-EVA-1: a resident who rated sees their own stars (and may change them), not an invitation. */
function RatingForm({ proposalId, mine, onRated }: { proposalId: string; mine?: RatingView; onRated: () => void }) {
  const [stars, setStars] = useState(mine?.stars ?? 0);
  const [text, setText] = useState(mine?.text ?? '');
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
      <Text className='detail__label' data-testid='my-rating'>
        {saved || mine ? `我的评价：${(saved ?? mine)!.stars} 星（可以修改）` : '您对这个项目满意吗？'}
      </Text>
      <StarsInput value={stars} onChange={setStars} disabled={saving} />
      <Textarea
        className='field__textarea detail__rating-text'
        value={text}
        maxlength={TEXT_LIMITS.ratingText}
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
        {saved || mine ? '更新评价' : '提交评价'}
      </Action>
    </View>
  );
}
