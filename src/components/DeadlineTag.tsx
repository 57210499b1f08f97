import { Text, View } from '@tarojs/components';
import { DEADLINE_LABELS } from '../../common/glossary';
import type { ProposalView } from '../../types/api';
import type { Deadline, DeadlineName } from '../../types/domain';
import { formatDateWithWeekday } from '../lib/dates';
import { daysLeftOf } from '../lib/proposal';
import './DeadlineTag.css';

/**
 * One running deadline as the server sent it: its date (the last day, inclusive), whether the
 * holiday calendar made it provisional, whether it has passed unmet, and the working days left as
 * the server counts them (0: the last day is today).
 */
export function DeadlineTag({
  name,
  deadline,
  overdue,
  daysLeft,
  ended,
}: {
  name: DeadlineName;
  deadline: Deadline;
  overdue?: boolean;
  daysLeft?: number;
  /** The window closed at 24:00 of its last day (the server says so): 已结束, never 今天截止. */
  ended?: boolean;
}) {
  return (
    <View className={`deadline${overdue ? ' deadline--overdue' : ''}`} data-testid={`deadline-${name}`}>
      <Text className='deadline__label'>{DEADLINE_LABELS[name]}</Text>
      <Text className='deadline__date'>{formatDateWithWeekday(deadline.on)}</Text>
      {ended ? <Text className='tag'>已结束</Text> : null}
      {typeof daysLeft === 'number' && daysLeft >= 0 && !overdue && !ended ? (
        <Text className='tag tag--orange'>{daysLeft > 0 ? `还剩 ${daysLeft} 个工作日` : '今天截止'}</Text>
      ) : null}
      {overdue ? <Text className='tag tag--red'>已逾期</Text> : null}
      {deadline.provisional ? <Text className='deadline__note'>（节假日安排未公布，日期暂定）</Text> : null}
    </View>
  );
}

/** Every running deadline of a proposal, each with its overdue flag and the days the server counts. */
export function DeadlineTags({ proposal }: { proposal: ProposalView }) {
  const names = Object.keys(proposal.deadlines) as DeadlineName[];
  return (
    <>
      {names.map((name) => {
        const deadline = proposal.deadlines[name];
        // issue 17 (R-PUB-2): the day after its last day a notice has ended, whatever the state says.
        if (name === 'publicityEndsOn' && proposal.publicityOpen === false) {
          return (
            <View key={name} className='deadline' data-testid={`deadline-${name}`}>
              <Text className='tag tag--grey'>公示期已结束</Text>
            </View>
          );
        }
        return deadline ? (
          <DeadlineTag key={name} name={name} deadline={deadline} overdue={proposal.overdue.includes(name)} daysLeft={daysLeftOf(proposal, name)} ended={proposal.ended?.includes(name)} />
        ) : null;
      })}
    </>
  );
}
