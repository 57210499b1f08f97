import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { ComplaintView } from '../../../../types/api';
import { call } from '../../../api';
import { Action } from '../../../components/Action';
import { Field } from '../../../components/Field';
import { messageOf } from '../../../lib/labels';
import { newRequestId } from '../../../lib/request-id';

/** The server's bound on a complaint's text (backend/domain/complaints.ts). */
const TEXT_MAX = 1000;

/** 投诉建议 about a community or one of its projects, at any stage: only the author and the staff above read it. */
export function ComplaintForm({ communityId, proposalId, about, onSent }: { communityId: string; proposalId?: string; about: string; onSent: (complaint: ComplaintView) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);

  const submit = async () => {
    setSent(false);
    if (!text.trim()) return setError('请填写投诉建议的内容');
    setBusy(true);
    setError(null);
    const answer = await call('complaint.submit', { communityId, ...(proposalId ? { proposalId } : {}), text: text.trim(), requestId });
    setBusy(false);
    if (!answer.ok) return setError(messageOf(answer.error));
    setText('');
    setSent(true);
    setRequestId(newRequestId());
    onSent(answer.data);
  };

  return (
    <View className='card' data-testid='complaint-form'>
      <Text className='complaint__about'>关于：{about}</Text>
      <Text className='complaint__note'>投诉建议只有您本人和街道、区的工作人员能看到，不会公开；街道答复后会通知您。</Text>
      {sent ? (
        <View className='complaint__sent' role='status' data-testid='complaint-sent'>
          已提交，街道答复后会在消息中通知您。
        </View>
      ) : null}
      <Field label='内容' name='text' required hint={`${text.length}/${TEXT_MAX}`} error={error}>
        <Textarea
          className='field__textarea'
          value={text}
          maxlength={TEXT_MAX}
          placeholder='请写清楚问题或建议，例如时间、地点和经过'
          onInput={(event) => setText(event.detail.value)}
        />
      </Field>
      <Action block busy={busy} busyLabel='正在提交…' onClick={() => void submit()} testId='complaint-submit'>
        提交投诉建议
      </Action>
    </View>
  );
}
