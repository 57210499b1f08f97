import { Text, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, STATE_GROUPS, type StateGroup } from '../../../../common/glossary';
import type { Directory } from '../../../../types/api';
import { Action } from '../../../components/Action';
import { currentYear } from '../../../lib/community';
import type { ProjectFilter } from '../../../lib/project-filters';

const GROUPS = Object.keys(STATE_GROUPS) as StateGroup[];
/** The years offered: this one and the two before (older ones through 全部 and the search). */
const YEARS_SHOWN = 3;

interface Choice<T> {
  value: T | null;
  label: string;
}

/** One row of chips, 全部 first; the chosen one is marked for screen readers too. */
function ChoiceRow<T extends string | number>({
  name,
  choices,
  value,
  onPick,
}: {
  name: string;
  choices: Choice<T>[];
  value: T | null;
  onPick: (value: T | null) => void;
}) {
  return (
    <View className='projects__row'>
      <Text className='projects__row-name'>{name}</Text>
      <View className='choice-row' role='radiogroup' aria-label={name}>
        {[{ value: null, label: '全部' } as Choice<T>, ...choices].map((choice) => (
          <View
            key={String(choice.value)}
            className={`choice${choice.value === value ? ' choice--on' : ''}`}
            role='radio'
            aria-checked={choice.value === value}
            onClick={() => onPick(choice.value)}
          >
            {choice.label}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The filters of the 项目 tab: place (district → street → community), state group, category, year. */
export function FilterPanel({
  directory,
  filter,
  onChange,
  onDone,
  onClear,
}: {
  directory: Directory;
  filter: ProjectFilter;
  onChange: (filter: ProjectFilter) => void;
  onDone: () => void;
  onClear: () => void;
}) {
  const district = directory.districts.find((entry) => entry.id === filter.districtId);
  const street = district?.streets.find((entry) => entry.id === filter.streetId);
  const thisYear = currentYear();
  return (
    <View className='card projects__panel' data-testid='projects-filters'>
      <ChoiceRow
        name='区'
        choices={directory.districts.map((entry) => ({ value: entry.id, label: entry.name }))}
        value={filter.districtId}
        onPick={(districtId) => onChange({ ...filter, districtId, streetId: null, communityId: null })}
      />
      {district ? (
        <ChoiceRow
          name='街道'
          choices={district.streets.map((entry) => ({ value: entry.id, label: entry.name }))}
          value={filter.streetId}
          onPick={(streetId) => onChange({ ...filter, streetId, communityId: null })}
        />
      ) : null}
      {street ? (
        <ChoiceRow
          name='社区'
          choices={street.communities.map((entry) => ({ value: entry.id, label: entry.name }))}
          value={filter.communityId}
          onPick={(communityId) => onChange({ ...filter, communityId })}
        />
      ) : null}
      <ChoiceRow
        name='状态'
        choices={GROUPS.map((group) => ({ value: group, label: STATE_GROUPS[group].label }))}
        value={filter.group}
        onPick={(group) => onChange({ ...filter, group })}
      />
      <ChoiceRow
        name='类别'
        choices={CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }))}
        value={filter.category}
        onPick={(category) => onChange({ ...filter, category })}
      />
      <ChoiceRow
        name='年份'
        choices={Array.from({ length: YEARS_SHOWN }, (_, back) => ({ value: thisYear - back, label: `${thisYear - back} 年` }))}
        value={filter.year}
        onPick={(year) => onChange({ ...filter, year })}
      />
      <View className='projects__panel-foot'>
        <Action variant='plain' onClick={onClear} testId='projects-clear'>
          清除筛选
        </Action>
        <Action onClick={onDone} testId='projects-filter-done'>
          查看结果
        </Action>
      </View>
    </View>
  );
}
