import { Text } from '@tarojs/components';
import { STATE_LABELS } from '../../common/glossary';
import type { ProposalState } from '../../types/domain';
import { STATE_TONES } from '../lib/labels';

const TONE_CLASSES = { progress: 'tag--blue', notice: 'tag--orange', done: 'tag--green', stopped: 'tag--grey' } as const;

/** A proposal's state in the glossary's words. */
export function StateBadge({ state }: { state: ProposalState }) {
  return (
    <Text className={`tag ${TONE_CLASSES[STATE_TONES[state]]}`} data-testid='state-badge'>
      {STATE_LABELS[state]}
    </Text>
  );
}
