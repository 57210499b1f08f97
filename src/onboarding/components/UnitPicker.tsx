import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Directory } from '../../../types/api';
import { Chips } from '../../staff/workbench/fields';

export interface PickableUnit {
  id: string;
  name: string;
}

/** Up to this many units are shown as chips at once; more are found by typing a name. */
export const CHIPS_AT_ONCE = 8;

/** The name of each unit's parent (a community's street, a street's district), to tell same-named units apart. */
export function parentNamesOf(directory: Directory): Map<string, string> {
  const names = new Map<string, string>();
  for (const district of directory.districts) {
    for (const street of district.streets) {
      names.set(street.id, district.name);
      for (const community of street.communities) names.set(community.id, `${district.name} ${street.name}`);
    }
  }
  return names;
}

/**
 * The unit an invitation is for. A street has a handful of communities (chips); the city has 79
 * streets and 783 communities, found by typing part of the name.
 */
export function UnitPicker({
  units,
  value,
  onChange,
  parents,
}: {
  units: readonly PickableUnit[];
  value: string | null;
  onChange: (id: string) => void;
  parents: ReadonlyMap<string, string>;
}) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const text = query.trim();
    return text === '' ? [] : units.filter((unit) => unit.name.includes(text) || (parents.get(unit.id) ?? '').includes(text)).slice(0, CHIPS_AT_ONCE);
  }, [query, units, parents]);
  if (units.length <= CHIPS_AT_ONCE) {
    return <Chips label='单位' options={units.map((unit) => ({ value: unit.id, label: unit.name }))} value={value} onChange={onChange} />;
  }
  const chosen = units.find((unit) => unit.id === value);
  return (
    <View data-testid='unit-picker'>
      <Input className='field__input' value={query} placeholder='输入单位名称，如：沙头角' onInput={(event) => setQuery(event.detail.value)} aria-label='搜索单位' />
      {chosen ? (
        <Text className='block onboarding__what'>
          已选：{chosen.name}
          {parents.get(chosen.id) ? `（${parents.get(chosen.id)}）` : ''}
        </Text>
      ) : (
        <Text className='block onboarding__what'>共 {units.length} 个单位，请输入名称查找</Text>
      )}
      {query.trim() !== '' && matches.length === 0 ? <Text className='block onboarding__what'>没有找到</Text> : null}
      {matches.length > 0 ? (
        <Chips
          label='单位'
          options={matches.map((unit) => ({ value: unit.id, label: parents.get(unit.id) ? `${unit.name} · ${parents.get(unit.id)}` : unit.name }))}
          value={value}
          onChange={onChange}
        />
      ) : null}
    </View>
  );
}
