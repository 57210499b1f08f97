import { Text, View } from '@tarojs/components';
import { COMPLAINT_OUTCOME_LABELS, COMPLAINT_STATUS_LABELS } from '../../../../common/glossary';
import type { ComplaintView } from '../../../../types/api';
import { formatInstant } from '../../../lib/dates';

/** One complaint as its author sees it: the text, when it was made, and the street's answer. */
export function ComplaintItem({ complaint, place }: { complaint: ComplaintView; place?: string }) {
  return (
    <View className='card complaint' data-testid='complaint'>
      <View className='complaint__head'>
        <Text className={`complaint__status complaint__status--${complaint.status}`}>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
        <Text className='complaint__when'>{formatInstant(complaint.createdAt)}</Text>
      </View>
      {place ? <Text className='complaint__place'>{place}</Text> : null}
      <Text className='complaint__text'>{complaint.text}</Text>
      {complaint.answer ? (
        <View className='complaint__answer' data-testid='complaint-answer'>
          <Text className='complaint__outcome'>答复：{COMPLAINT_OUTCOME_LABELS[complaint.answer.outcome]}</Text>
          <Text className='complaint__text'>{complaint.answer.text}</Text>
          <Text className='complaint__when'>{formatInstant(complaint.answer.answeredAt)}</Text>
        </View>
      ) : null}
    </View>
  );
}
