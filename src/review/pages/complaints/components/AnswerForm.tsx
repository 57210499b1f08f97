import { useState } from 'react';
import { View } from '@tarojs/components';
import { COMPLAINT_OUTCOME_LABELS } from '../../../../../common/glossary';
import type { ComplaintView } from '../../../../../types/api';
import type { ComplaintOutcome } from '../../../../../types/domain';
import { call } from '../../../../api';
import { Action } from '../../../../components/Action';
import { Field } from '../../../../components/Field';
import { FormError } from '../../../../staff/workbench/feedback';
import { Chips, TextBox } from '../../../../staff/workbench/fields';
import { useAction } from '../../../../staff/workbench/use-action';

/** The server's bound on an answer (backend/domain/complaints.ts). */
const ANSWER_MAX = 1000;
const OUTCOMES = Object.keys(COMPLAINT_OUTCOME_LABELS) as ComplaintOutcome[];

/** The street's (or district's) one answer to a complaint, with its outcome; the author is told in the inbox. */
export function AnswerForm({ complaint, onAnswered }: { complaint: ComplaintView; onAnswered: (answered: ComplaintView) => void }) {
  const [outcome, setOutcome] = useState<ComplaintOutcome | null>(null);
  const [answer, setAnswer] = useState('');
  const action = useAction<ComplaintView>();
  const submit = () => {
    if (!outcome) return action.refuse('outcome', '请选择处理结果');
    if (!answer.trim()) return action.refuse('answer', '请填写答复内容');
    void action.run(() => call('complaint.answer', { id: complaint.id, answer: answer.trim(), outcome }), onAnswered);
  };
  return (
    <View className='complaint-answer' data-testid='complaint-answer-form'>
      <Field label='处理结果' name='outcome' required error={action.fieldError('outcome')}>
        <Chips label='处理结果' options={OUTCOMES.map((value) => ({ value, label: COMPLAINT_OUTCOME_LABELS[value] }))} value={outcome} onChange={setOutcome} />
      </Field>
      <TextBox label='答复内容' name='answer' value={answer} onChange={setAnswer} maxlength={ANSWER_MAX} required short error={action.fieldError('answer')} placeholder='答复会通知提出人' />
      <FormError message={action.formError(['outcome', 'answer'])} />
      <Action block busy={action.busy} busyLabel='正在提交…' onClick={submit} testId='complaint-answer-submit'>
        提交答复
      </Action>
    </View>
  );
}
