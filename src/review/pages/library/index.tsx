import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../../common/glossary';
import type { Answer, LibraryEntry, Page } from '../../../../types/api';
import { call } from '../../../api';
import { Action } from '../../../components/Action';
import { LoadMore } from '../../../components/LoadMore';
import { Section } from '../../../components/Section';
import { usePaged } from '../../../lib/use-answer';
import { BudgetTable } from '../../../staff/workbench/display';
import { SuccessNotice } from '../../../staff/workbench/feedback';
import { Chips } from '../../../staff/workbench/fields';
import { Gate, StaffContextPage } from '../../../staff/workbench/gate';
import { placeNames, type StaffContext } from '../../../staff/workbench/scope';
import { EntryForm } from './components/EntryForm';
import { StartProposal } from './components/StartProposal';
import '../../../staff/workbench/staff.css';
import './index.css';

/** What library.list answers per entry beyond `LibraryEntry`, where the server sends it (R-SUP-3). */
type ListedEntry = LibraryEntry & { scope?: { level: 'city' | 'district' | 'street'; id: string }; pastRating?: { count: number; average: number } };

const LEVELS = { city: '市级', district: '区级', street: '街道级' } as const;
type LevelFilter = 'all' | keyof typeof LEVELS;

/**
 * 项目库 (R-SUP-3): proven projects with their standard plan and budget, usable in the caller's
 * unit — the city's, its district's and its street's. Streets, districts and the city add and edit
 * their own; a community worker starts a proposal from one; everyone sees how residents rated the
 * projects already started from it.
 */
export default function LibraryPage() {
  return <StaffContextPage>{(context) => <Library context={context} />}</StaffContextPage>;
}

function Library({ context }: { context: StaffContext }) {
  const names = placeNames(context.directory);
  const { roles } = context.me;
  const curator = roles.find((grant) => grant.role === 'street' || grant.role === 'district' || grant.role === 'city');
  const worker = roles.find((grant) => grant.role === 'community');
  // The unit whose usable entries are listed: the worker's community, else the curator's own unit.
  const unit = worker?.scopeId ?? (curator && curator.role !== 'city' ? curator.scopeId : undefined);
  const [level, setLevel] = useState<LevelFilter>('all');
  const [editing, setEditing] = useState<LibraryEntry | 'new' | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const loadPage = useCallback(
    // `scopeId` narrows the list to the entries usable in that unit (spec/api.md, library.list).
    (cursor?: string) => call('library.list', { ...(unit ? { scopeId: unit } : {}), ...(cursor ? { cursor } : {}) } as { cursor?: string }) as Promise<Answer<Page<ListedEntry>>>,
    [unit],
  );
  const list = usePaged<ListedEntry>(loadPage);
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>项目库</Text>
        <Text className='staff__sub'>{unit ? `${names.scope(unit)}可用的项目：市级、区级和本街道的成熟项目` : '全市的成熟项目'}</Text>
        {list.state.status === 'ready' && list.state.data.items.some((entry) => entry.scope) ? (
          <Chips
            label='层级'
            options={[{ value: 'all' as LevelFilter, label: '全部' }, ...(Object.keys(LEVELS) as (keyof typeof LEVELS)[]).map((value) => ({ value: value as LevelFilter, label: LEVELS[value] }))]}
            value={level}
            onChange={setLevel}
          />
        ) : null}
      </View>
      <SuccessNotice message={notice} />
      {curator && editing === null ? (
        <View className='library__add'>
          <Action variant='secondary' block onClick={() => setEditing('new')} testId='add-library-entry'>
            ＋ 新增项目库条目（{names.scope(curator.scopeId)}）
          </Action>
        </View>
      ) : null}
      {editing === 'new' ? (
        <EntryForm
          onCancel={() => setEditing(null)}
          onDone={(_, message) => {
            setEditing(null);
            setNotice(message);
            void list.reload();
          }}
        />
      ) : null}
      <Section title='可用的项目' testId='library-list'>
        <Gate state={list.state} onRetry={() => void list.reload()} rows={3}>
          {(page) => {
            const shown = page.items.filter((entry) => level === 'all' || entry.scope?.level === level);
            return shown.length === 0 ? (
              <Text className='block muted card'>{level === 'all' ? '项目库里还没有项目' : '这一层级还没有项目'}</Text>
            ) : (
              <View>
                {shown.map((entry) =>
                  editing !== null && editing !== 'new' && editing.id === entry.id ? (
                    <EntryForm
                      key={entry.id}
                      entry={entry}
                      onCancel={() => setEditing(null)}
                      onDone={(_, message) => {
                        setEditing(null);
                        setNotice(message);
                        void list.reload();
                      }}
                    />
                  ) : (
                    <View key={entry.id} className='card library__entry' data-testid={`library-entry-${entry.id}`}>
                      <View className='staff__tags'>
                        <Text className='tag tag--grey'>{CATEGORY_LABELS[entry.category]}</Text>
                        {entry.scope ? <Text className='tag tag--blue'>{`${LEVELS[entry.scope.level]} · ${names.scope(entry.scope.id)}`}</Text> : null}
                      </View>
                      <Text className='card__title'>{entry.title}</Text>
                      <Text className='block small library__rating' data-testid='past-rating'>
                        {entry.pastRating && entry.pastRating.count > 0
                          ? `用此方案的项目：居民评价 ${entry.pastRating.count} 条，平均 ${entry.pastRating.average.toFixed(1)} 星`
                          : '用此方案的项目还没有居民评价'}
                      </Text>
                      <Text className='block pre-wrap library__plan'>{entry.plan}</Text>
                      <BudgetTable lines={entry.budgetLines} totalFen={entry.budgetLines.reduce((sum, line) => sum + line.amountFen, 0)} />
                      {starting === entry.id && worker ? (
                        <StartProposal entry={entry} communityId={worker.scopeId} communityName={names.scope(worker.scopeId)} onCancel={() => setStarting(null)} />
                      ) : (
                        <View className='form-actions'>
                          {curator ? (
                            <Action variant='plain' onClick={() => setEditing(entry)} testId={`edit-${entry.id}`}>
                              编辑
                            </Action>
                          ) : null}
                          {worker ? (
                            <Action variant='secondary' onClick={() => setStarting(entry.id)} testId={`start-${entry.id}`}>
                              用此方案发起提议
                            </Action>
                          ) : null}
                        </View>
                      )}
                    </View>
                  ),
                )}
                <LoadMore hasMore={Boolean(page.nextCursor)} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} endText='以上是全部项目' />
              </View>
            );
          }}
        </Gate>
      </Section>
    </View>
  );
}
