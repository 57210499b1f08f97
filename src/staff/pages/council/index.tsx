import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STATE_LABELS } from '../../../../common/glossary';
import type { Answer, Meeting, ProposalView } from '../../../../types/api';
import { listProposals } from '../../../api';
import { getCouncilStatus, publishAgenda, recordVote } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateWithWeekday } from '../../../lib/dates';
import { useAnswer } from '../../../lib/use-answer';
import { daysFrom, todayOf } from '../../workbench/days';
import { StaffContextPage, Gate, NoRole } from '../../workbench/gate';
import { parseCount } from '../../workbench/money-input';
import { STAFF_PAGES, allows, pageWithId } from '../../workbench/proposal-info';
import { grantsOf, placeNames, type StaffContext } from '../../workbench/scope';
import { Done, FormError, SuccessNotice } from '../../workbench/feedback';
import { DateChoice, TextInput, Tick } from '../../workbench/fields';
import { useAction } from '../../workbench/use-action';
import { CommunityChips } from '../../workbench/grant-scope';
import '../../workbench/staff.css';

/**
 * 居民议事会 (R-COU-1..3): publish the agenda notice for the drafted proposals, then, from the
 * meeting day, record attendance and the vote of each proposal.
 */
export default function CouncilPage() {
  return <StaffContextPage>{(context) => <Council context={context} />}</StaffContextPage>;
}

function Council({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, ['community']);
  const names = placeNames(context.directory);
  const [communityId, setCommunityId] = useState(grants[0]?.scopeId ?? '');
  if (grants.length === 0) return <NoRole message='您还不是社区工作人员，不能办理议事会事项' />;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.community(communityId)} · 居民议事会</Text>
        <Text className='staff__sub'>议事公示须在会议召开前至少 3 个工作日发布；议事会原则上每两个月至少召开一次。</Text>
        <CommunityChips grants={grants} names={names} value={communityId} onChange={setCommunityId} />
      </View>
      <CouncilStatusBanner key={`status-${communityId}`} communityId={communityId} />
      <CouncilWork key={communityId} communityId={communityId} />
    </View>
  );
}

/**
 * R-COU-1, R-COU-2 as the server states them: when the council last met, the warning when that is
 * more than two months ago, and the earliest meeting day of an agenda published today. Nothing
 * when the status cannot be read: the page's work does not depend on it.
 */
function CouncilStatusBanner({ communityId }: { communityId: string }) {
  const load = useCallback(() => getCouncilStatus(communityId), [communityId]);
  const { state } = useAnswer(load);
  if (state.status !== 'ready') return null;
  const { lastMeetingOn, nextDueOn, overdue, earliestMeetingOn } = state.data;
  const last = lastMeetingOn && nextDueOn ? { met: formatDateWithWeekday(lastMeetingOn), due: formatDateWithWeekday(nextDueOn.on) } : null;
  const summary = !last
    ? '本社区在系统中尚无议事会记录。'
    : overdue
      ? `上次议事会于${last.met}召开，已超过两个月（应于${last.due}前召开），请尽快召开。`
      : `上次议事会于${last.met}召开，下次应于${last.due}前召开。`;
  return (
    <View className={`notice-bar${overdue ? ' notice-bar--warning' : ''}`} role={overdue ? 'alert' : 'status'} data-testid='council-status'>
      <View>
        <Text>{summary}</Text>
      </View>
      <View>
        <Text>{`今天发布议事公示，会议最早可定于${formatDateWithWeekday(earliestMeetingOn.on)}。`}</Text>
      </View>
    </View>
  );
}

interface CouncilData {
  drafted: ProposalView[];
  onAgenda: ProposalView[];
}

async function loadCouncil(communityId: string): Promise<Answer<CouncilData>> {
  const [drafted, onAgenda] = await Promise.all([
    listProposals({ communityId, state: 'drafted', limit: 50 }),
    listProposals({ communityId, state: 'agenda_published', limit: 50 }),
  ]);
  if (!drafted.ok) return drafted;
  if (!onAgenda.ok) return onAgenda;
  return { ok: true, data: { drafted: drafted.data.items, onAgenda: onAgenda.data.items } };
}

function CouncilWork({ communityId }: { communityId: string }) {
  const load = useCallback(() => loadCouncil(communityId), [communityId]);
  const { state, reload, refresh } = useAnswer(load);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    void refresh();
  };
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(data) => (
        <View>
          <SuccessNotice message={notice} />
          {/* A vote to record today comes first; otherwise the agenda does. */}
          {data.onAgenda.some((proposal) => allows(proposal, 'council.recordVote')) ? (
            <View>
              <Votes onAgenda={data.onAgenda} onRecorded={changed} />
              <AgendaForm communityId={communityId} drafted={data.drafted.filter((proposal) => allows(proposal, 'council.publishAgenda'))} onPublished={changed} />
            </View>
          ) : (
            <View>
              <AgendaForm communityId={communityId} drafted={data.drafted.filter((proposal) => allows(proposal, 'council.publishAgenda'))} onPublished={changed} />
              <Votes onAgenda={data.onAgenda} onRecorded={changed} />
            </View>
          )}
        </View>
      )}
    </Gate>
  );
}

/** R-COU-2: the agenda notice: which proposals, which meeting day. Too early is the server's refusal. */
function AgendaForm({ communityId, drafted, onPublished }: { communityId: string; drafted: ProposalView[]; onPublished: (message: string) => void }) {
  const today = todayOf();
  // Every drafted proposal is on the agenda unless the worker takes it off.
  const [left, setLeft] = useState<string[]>([]);
  const [meetingOn, setMeetingOn] = useState('');
  const action = useAction<Meeting & { proposals: ProposalView[] }>();

  const ids = drafted.map((proposal) => proposal.id).filter((id) => !left.includes(id));

  const publish = () => {
    if (ids.length === 0) return action.refuse('proposalIds', '请至少选择一个项目');
    if (!meetingOn) return action.refuse('meetingOn', '请选择会议日期');
    void action.run(
      () => publishAgenda({ communityId, meetingOn, proposalIds: ids }),
      (meeting) => onPublished(`议事公示已发布：${formatDateWithWeekday(meeting.meetingOn)}召开议事会，审议 ${meeting.proposalIds.length} 个项目`),
    );
  };

  return (
    <Section title='发布议事公示' testId='agenda'>
      {drafted.length === 0 ? (
        <View className='card'>
          <Text className='block muted'>目前没有待列入议事公示的项目。申请报告拟定后，项目会出现在这里。</Text>
        </View>
      ) : (
        <View className='card'>
          <Text className='field__label block'>审议的项目</Text>
          {drafted.map((proposal) => (
            <Tick
              key={proposal.id}
              checked={!left.includes(proposal.id)}
              onChange={(on) => {
                setLeft((current) => (on ? current.filter((id) => id !== proposal.id) : [...current, proposal.id]));
                action.reset();
              }}
              testId={`agenda-pick-${proposal.id}`}
            >
              {proposal.title}
            </Tick>
          ))}
          {action.fieldError('proposalIds') ? (
            <View className='field__error' role='alert'>
              {action.fieldError('proposalIds')}
            </View>
          ) : null}
          <View style={{ marginTop: '24px' }}>
            <MeetingDay
              communityId={communityId}
              today={today}
              value={meetingOn}
              onChange={(value) => {
                setMeetingOn(value);
                action.reset();
              }}
              error={action.fieldError('meetingOn')}
            />
          </View>
          <FormError message={action.formError(['proposalIds', 'meetingOn'])} />
          <Action block busy={action.busy} busyLabel='正在发布…' onClick={publish} testId='publish-agenda'>
            发布议事公示
          </Action>
        </View>
      )}
    </Section>
  );
}

/**
 * R-COU-2: the meeting day. The first day allowed is the server's (council.status counts it on the
 * working-day calendar); days before it are greyed, and the page says why.
 */
function MeetingDay({ communityId, today, value, onChange, error }: { communityId: string; today: string; value: string; onChange: (value: string) => void; error: string | null }) {
  const load = useCallback(() => getCouncilStatus(communityId), [communityId]);
  const { state } = useAnswer(load);
  const earliest = state.status === 'ready' ? state.data.earliestMeetingOn : null;
  return (
    <DateChoice
      label='会议日期'
      name='meetingOn'
      required
      value={value}
      onChange={onChange}
      days={daysFrom(today, 1, 14)}
      today={today}
      allowedFrom={earliest?.on}
      disabledReason={
        earliest
          ? `议程须在会前满 3 个工作日公布（发布日不计，节假日不算工作日），今天发布最早可定于${formatDateWithWeekday(earliest.on)}${earliest.provisional ? '（该年放假安排未公布，暂定）' : ''}，更早的日期不可选。`
          : undefined
      }
      hint='发布日不计，须隔满 3 个工作日'
      error={error}
    />
  );
}

/** R-COU-3: per proposal on an agenda, from the meeting day: attendance and the vote. */
function Votes({ onAgenda, onRecorded }: { onAgenda: ProposalView[]; onRecorded: (message: string) => void }) {
  const sorted = [...onAgenda].sort((a, b) => ((a.meetingOn ?? '') < (b.meetingOn ?? '') ? -1 : 1));
  return (
    <Section title='录入表决结果' testId='votes'>
      {sorted.length === 0 ? (
        <View className='card'>
          <Text className='block muted'>目前没有待表决的项目。</Text>
        </View>
      ) : (
        sorted.map((proposal) => <VoteCard key={proposal.id} proposal={proposal} onRecorded={onRecorded} />)
      )}
    </Section>
  );
}

const VOTE_FIELDS = ['attendance', 'for', 'against', 'abstain'] as const;
const VOTE_LABELS = { attendance: '出席人数', for: '赞成', against: '反对', abstain: '弃权' } as const;

function VoteCard({ proposal, onRecorded }: { proposal: ProposalView; onRecorded: (message: string) => void }) {
  const [counts, setCounts] = useState<Record<(typeof VOTE_FIELDS)[number], string>>({ attendance: '', for: '', against: '', abstain: '' });
  const action = useAction<ProposalView>();
  const send = () => {
    const numbers = {} as Record<(typeof VOTE_FIELDS)[number], number>;
    for (const field of VOTE_FIELDS) {
      const value = parseCount(counts[field] || (field === 'attendance' ? '' : '0'));
      if (value === null) return action.refuse(field, `请填写${VOTE_LABELS[field]}（整数）`);
      numbers[field] = value;
    }
    void action.run(
      () => recordVote({ meetingId: proposal.meetingId ?? '', proposalId: proposal.id, ...numbers }),
      (view) => onRecorded(`「${view.title}」表决结果已录入：${STATE_LABELS[view.state]}`),
    );
  };
  return (
    <View className='card' data-testid={`vote-${proposal.id}`}>
      <View className='staff__tags'>
        <StateBadge state={proposal.state} />
      </View>
      <Text className='card__title' onClick={() => void Taro.navigateTo({ url: pageWithId(STAFF_PAGES.proposal, proposal.id) })}>
        {proposal.title}
      </Text>
      {proposal.meetingOn ? <Text className='info-line'>议事会日期：{formatDateWithWeekday(proposal.meetingOn)}</Text> : null}
      {allows(proposal, 'council.recordVote') ? (
        <View>
          <View className='vote-grid'>
            {VOTE_FIELDS.map((field) => (
              <TextInput
                key={field}
                label={VOTE_LABELS[field]}
                name={field}
                type='number'
                required={field === 'attendance'}
                value={counts[field]}
                onChange={(value) => {
                  setCounts((current) => ({ ...current, [field]: value }));
                  action.reset();
                }}
                placeholder='0'
                maxlength={7}
                error={action.fieldError(field)}
              />
            ))}
          </View>
          <Text className='info-line'>赞成票超过出席人数一半即为通过。</Text>
          <FormError message={action.formError(VOTE_FIELDS)} />
          <Action block busy={action.busy} busyLabel='正在录入…' onClick={send} testId={`send-vote-${proposal.id}`}>
            录入表决结果
          </Action>
        </View>
      ) : (
        <Text className='block muted'>会议当天起可以录入表决结果。</Text>
      )}
      {action.done ? <Done>已录入</Done> : null}
    </View>
  );
}
