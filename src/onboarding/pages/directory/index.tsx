import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { listUnits, upsertUnit } from '../../../api/onboarding';
import { Action } from '../../../components/Action';
import { EmptyState } from '../../../components/PageStates';
import { PageShell } from '../../../components/PageShell';
import { useAnswer } from '../../../lib/use-answer';
import { ConfirmAction, Done, FormError } from '../../../staff/workbench/feedback';
import { Chips, TextInput } from '../../../staff/workbench/fields';
import { Gate, NoRole } from '../../../staff/workbench/gate';
import { grantsOf, loadStaffContext } from '../../../staff/workbench/scope';
import { useAction } from '../../../staff/workbench/use-action';
import '../../../staff/workbench/staff.css';
import '../staff/index.css';

type Unit = { id: string; kind: 'district' | 'street' | 'community'; code: string | null; name: string; parentId: string; active: boolean };

const KIND_LABELS = { district: '区', street: '街道', community: '社区' } as const;
/** How many matches a search shows: a name narrows 876 units to a few. */
const SHOWN = 30;

/** 区划管理 (district and city staff): search a unit, rename it, move it, retire it — its records stay. */
export default function DirectoryPage() {
  const context = useAnswer(loadStaffContext);
  const units = useAnswer(listUnits);
  return (
    <PageShell>
      <View className='staff'>
        <Gate state={context.state} onRetry={() => void context.reload()}>
          {(staff) =>
            grantsOf(staff.me, ['district', 'city']).length === 0 ? (
              <NoRole message='只有区、市的管理员可以维护区划' />
            ) : (
              <Gate state={units.state} onRetry={() => void units.reload()}>
                {(data) => <Units units={data.items} onSaved={() => void units.refresh()} />}
              </Gate>
            )
          }
        </Gate>
      </View>
    </PageShell>
  );
}

function Units({ units, onSaved }: { units: Unit[]; onSaved: () => void }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const matches = query.trim() === '' ? [] : units.filter((unit) => unit.name.includes(query.trim()) || unit.code?.startsWith(query.trim())).slice(0, SHOWN);
  const unit = chosen ? byId.get(chosen) : undefined;
  const where = (candidate: Unit) => [byId.get(byId.get(candidate.parentId)?.parentId ?? '')?.name, byId.get(candidate.parentId)?.name].filter(Boolean).join(' · ');
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>区划管理</Text>
        <Text className='staff__sub'>搜索社区、街道或区（名称或区划代码），可改名、调整所属街道、撤销。撤销后不再出现在居民选择中，已有记录全部保留。</Text>
      </View>
      <View className='card'>
        <Input className='field__input' value={query} placeholder='输入名称或代码，如：中英街' onInput={(event) => setQuery(event.detail.value)} aria-label='搜索单位' />
      </View>
      {query.trim() !== '' && matches.length === 0 ? <EmptyState message='没有找到' /> : null}
      {matches.length > 0 ? (
        <View className='card' data-testid='unit-matches'>
          {matches.map((candidate) => (
            <View key={candidate.id} className='onboarding__row' onClick={() => setChosen(candidate.id)} role='button'>
              <Text className='onboarding__who'>
                {candidate.name}
                {candidate.active ? '' : '（已撤销）'}
              </Text>
              <Text className='onboarding__what'>
                {KIND_LABELS[candidate.kind]} · {where(candidate) || '深圳市'} · {candidate.code ?? '无代码'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {unit ? <EditUnit key={unit.id} unit={unit} units={units} onSaved={onSaved} /> : null}
    </View>
  );
}

function EditUnit({ unit, units, onSaved }: { unit: Unit; units: Unit[]; onSaved: () => void }) {
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId);
  const save = useAction<Unit>();
  // A unit moves among the parents of its parent's parent (a community to another street of its district).
  const grandparent = units.find((candidate) => candidate.id === unit.parentId)?.parentId;
  const parents = unit.kind === 'district' ? [] : units.filter((candidate) => candidate.active && candidate.parentId === grandparent && candidate.kind === (unit.kind === 'community' ? 'street' : 'district'));
  const write = (active: boolean) => void save.run(() => upsertUnit({ id: unit.id, kind: unit.kind, name: name.trim(), parentId, active }), onSaved);
  return (
    <View className='card' data-testid='unit-edit'>
      <TextInput label={`${KIND_LABELS[unit.kind]}名称`} name='name' value={name} onChange={setName} maxlength={40} error={save.fieldError('name')} required />
      {parents.length > 1 ? (
        <View>
          <Text className='field__label block onboarding__label'>{unit.kind === 'community' ? '所属街道' : '所属区'}</Text>
          <Chips label={unit.kind === 'community' ? '所属街道' : '所属区'} options={parents.map((parent) => ({ value: parent.id, label: parent.name }))} value={parentId} onChange={setParentId} />
        </View>
      ) : null}
      <FormError message={save.formError(['name'])} />
      {save.done ? <Done>已保存：{save.done.name}{save.done.active ? '' : '（已撤销）'}</Done> : null}
      <View className='onboarding__actions'>
        <Action block busy={save.busy} onClick={() => write(unit.active)} testId='save-unit'>
          保存
        </Action>
        {unit.active ? (
          <ConfirmAction
            label='撤销'
            variant='secondary'
            testId='retire-unit'
            question={`撤销“${unit.name}”后，居民不能再选择它，也不能在这里提交新的提议；它的项目、台账和人员记录全部保留。`}
            busy={save.busy}
            onConfirm={() => write(false)}
          />
        ) : (
          <Action variant='secondary' block busy={save.busy} onClick={() => write(true)} testId='restore-unit'>
            恢复
          </Action>
        )}
      </View>
    </View>
  );
}
