import { Text, View } from '@tarojs/components';
import type { ProposalView } from '../../../../types/api';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';

export function ImplementationCard({ proposal }: { proposal: ProposalView }) {
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
