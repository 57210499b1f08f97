import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './Timeline.css';

export interface TimelineStep {
  key: string;
  title: string;
  /** A calendar date `YYYY-MM-DD` already formatted for the screen, or empty. */
  when: string;
  detail?: ReactNode;
  /** The step the proposal is at now. */
  current?: boolean;
}

/** A proposal's story: every step taken, oldest first, the current one marked. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <View className='timeline' data-testid='timeline'>
      {steps.map((step, index) => (
        <View key={step.key} className={`timeline__step${step.current ? ' timeline__step--current' : ''}`}>
          <View className='timeline__rail'>
            <View className='timeline__dot' />
            {index < steps.length - 1 ? <View className='timeline__line' /> : null}
          </View>
          <View className='timeline__body'>
            <Text className='timeline__title'>{step.title}</Text>
            {step.when ? <Text className='timeline__when'>{step.when}</Text> : null}
            {step.detail ? <View className='timeline__detail'>{step.detail}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
