import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CouncilPage from '../../src/staff/pages/council/index';
import { buildMe, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf, type Reply } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const worker = buildMe({ openid: 'u-com-tianxin', name: '田社工', communityId: null, roles: [{ role: 'community', scopeId: 'c-tianxin' }] });

async function typeInto(name: string, value: string, scope: HTMLElement = document.body) {
  const field = within(scope).getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

function lists(byState: Record<string, Reply>): Reply {
  return (payload: { state: string }) => {
    const reply = byState[payload.state] ?? ok(pageOf([]));
    return typeof reply === 'function' ? reply(payload) : reply;
  };
}

describe('the residents council page', () => {
  beforeEach(() => {
    freshStart();
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-09-14' }));
  });

  it('shows a skeleton, then says when there is nothing to put on an agenda or vote on', async () => {
    const me = held();
    answering({ 'me.get': me.reply, 'directory.get': ok(directory), 'proposal.list': lists({}) });
    render(<CouncilPage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    me.release(ok(worker));
    expect(await screen.findByText('目前没有待列入议事公示的项目。申请报告拟定后，项目会出现在这里。', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('目前没有待表决的项目。')).toBeInTheDocument();
    expect(payloadsOf('proposal.list')).toEqual([
      { communityId: 'c-tianxin', state: 'drafted', limit: 50 },
      { communityId: 'c-tianxin', state: 'agenda_published', limit: 50 },
    ]);
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': async () => (++calls === 1 ? networkDown : ok(pageOf([]))),
    });
    render(<CouncilPage />);
    fireEvent.click(await screen.findByText('重试', {}, slow));
    expect(await screen.findByText('目前没有待表决的项目。', {}, slow)).toBeInTheDocument();
  });

  it('R-COU-2: explains a too-early meeting day with the server refusal, then publishes the agenda', async () => {
    const drafted = buildProposal({ communityId: 'c-tianxin', state: 'drafted', title: '四点半课堂', allowedActions: ['proposal.draftReport', 'council.publishAgenda'] });
    let agenda: Reply = failure('too_early', '议事公示须在会议召开前至少 3 个工作日发布，会议最早可定于 2026-09-18', 'meetingOn');
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ drafted: ok(pageOf([drafted])) }),
      'council.publishAgenda': async () => agenda as never,
    });
    render(<CouncilPage />);
    expect(await screen.findByTestId(`agenda-pick-${drafted.id}`, {}, slow)).toHaveAttribute('aria-checked', 'true');
    // Meeting days offered from tomorrow on, as calendar days.
    fireEvent.click(screen.getByRole('radio', { name: '9月17日 周四' }));
    fireEvent.click(screen.getByTestId('publish-agenda'));
    const field = screen.getByTestId('field-meetingOn');
    // The server's message, its date as people read it (never ISO).
    expect(await within(field).findByText('议事公示须在会议召开前至少 3 个工作日发布，会议最早可定于 9月18日', {}, slow)).toBeInTheDocument();
    expect(payloadsOf('council.publishAgenda')).toEqual([{ communityId: 'c-tianxin', meetingOn: '2026-09-17', proposalIds: [drafted.id] }]);

    agenda = ok({ id: 'm-1', communityId: 'c-tianxin', meetingOn: '2026-09-18', proposalIds: [drafted.id], proposals: [] });
    fireEvent.click(screen.getByRole('radio', { name: '9月18日 周五' }));
    expect(within(field).queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('publish-agenda'));
    expect(await screen.findByText('议事公示已发布：2026年9月18日（周五）召开议事会，审议 1 个项目', {}, slow)).toBeInTheDocument();
  });

  it('R-COU-2: offers only the meeting days the rules allow, and says why the earlier ones are greyed', async () => {
    const drafted = buildProposal({ communityId: 'c-tianxin', state: 'drafted', title: '四点半课堂', allowedActions: ['council.publishAgenda'] });
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ drafted: ok(pageOf([drafted])) }),
      'council.status': ok({ communityId: 'c-tianxin', lastMeetingOn: null, nextDueOn: null, overdue: false, earliestMeetingOn: { on: '2026-09-18', provisional: false } }),
    });
    render(<CouncilPage />);
    const why = await screen.findByTestId('why-greyed-meetingOn', {}, slow);
    expect(why).toHaveTextContent('今天发布最早可定于2026年9月18日（周五），更早的日期不可选');
    const early = screen.getByRole('radio', { name: '9月17日 周四（不可选）' });
    expect(early).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(early);
    expect(early).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByRole('radio', { name: '9月18日 周五' }));
    expect(screen.getByRole('radio', { name: '9月18日 周五' })).toHaveAttribute('aria-checked', 'true');
  });

  it('needs a meeting day and at least one proposal before publishing', async () => {
    const drafted = buildProposal({ communityId: 'c-tianxin', state: 'drafted', allowedActions: ['council.publishAgenda'] });
    answering({ 'me.get': ok(worker), 'directory.get': ok(directory), 'proposal.list': lists({ drafted: ok(pageOf([drafted])) }) });
    render(<CouncilPage />);
    fireEvent.click(await screen.findByTestId('publish-agenda', {}, slow));
    expect(within(screen.getByTestId('field-meetingOn')).getByText('请选择会议日期')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(`agenda-pick-${drafted.id}`));
    fireEvent.click(screen.getByRole('radio', { name: '9月18日 周五' }));
    fireEvent.click(screen.getByTestId('publish-agenda'));
    expect(screen.getByText('请至少选择一个项目')).toBeInTheDocument();
    expect(payloadsOf('council.publishAgenda')).toEqual([]);
  });

  it('R-COU-3: records attendance and the vote from the meeting day, and shows the outcome the server decided', async () => {
    const due = buildProposal({ communityId: 'c-tianxin', state: 'agenda_published', title: '四点半课堂', meetingId: 'm-1', meetingOn: '2026-09-18', allowedActions: ['council.recordVote'] });
    const later = buildProposal({ communityId: 'c-tianxin', state: 'agenda_published', title: '健身器材', meetingId: 'm-2', meetingOn: '2026-09-25', allowedActions: [] });
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ agenda_published: ok(pageOf([later, due])) }),
      'council.recordVote': ok({ ...due, state: 'council_passed', allowedActions: ['proposal.submitToStreet'] }),
    });
    render(<CouncilPage />);
    const card = await screen.findByTestId(`vote-${due.id}`, {}, slow);
    expect(within(screen.getByTestId(`vote-${later.id}`)).getByText('会议当天起可以录入表决结果。')).toBeInTheDocument();
    await typeInto('attendance', '21', card);
    await typeInto('for', '11', card);
    await typeInto('against', '10', card);
    fireEvent.click(within(card).getByText('录入表决结果'));
    await waitFor(() =>
      expect(payloadsOf('council.recordVote')).toEqual([{ meetingId: 'm-1', proposalId: due.id, attendance: 21, for: 11, against: 10, abstain: 0 }]),
    );
    expect(await screen.findByText('「四点半课堂」表决结果已录入：议事会通过', {}, slow)).toBeInTheDocument();
  });

  it('shows the server refusing an impossible vote next to the attendance', async () => {
    const due = buildProposal({ communityId: 'c-tianxin', state: 'agenda_published', meetingId: 'm-1', meetingOn: '2026-09-14', allowedActions: ['council.recordVote'] });
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({ agenda_published: ok(pageOf([due])) }),
      'council.recordVote': failure('invalid_input', '赞成、反对、弃权票数之和不得超过出席人数', 'attendance'),
    });
    render(<CouncilPage />);
    const card = await screen.findByTestId(`vote-${due.id}`, {}, slow);
    await typeInto('attendance', '5', card);
    await typeInto('for', '6', card);
    fireEvent.click(within(card).getByText('录入表决结果'));
    expect(await within(screen.getByTestId('field-attendance')).findByText('赞成、反对、弃权票数之和不得超过出席人数', {}, slow)).toBeInTheDocument();
  });

  it('R-COU-1: warns when the last council met more than two months ago, and gives the earliest meeting day (R-COU-2)', async () => {
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({}),
      'council.status': ok({
        communityId: 'c-tianxin',
        lastMeetingOn: '2026-06-05',
        nextDueOn: { on: '2026-08-05', provisional: false },
        overdue: true,
        earliestMeetingOn: { on: '2026-09-18', provisional: false },
      }),
    });
    render(<CouncilPage />);
    const banner = await screen.findByTestId('council-status', {}, slow);
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('已超过两个月');
    expect(banner).toHaveTextContent('2026年9月18日');
    expect(payloadsOf('council.status')).toEqual([{ communityId: 'c-tianxin' }]);
  });

  it('R-COU-1: says when the council is next due, without a warning, while it is on time', async () => {
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'proposal.list': lists({}),
      'council.status': ok({
        communityId: 'c-tianxin',
        lastMeetingOn: '2026-08-07',
        nextDueOn: { on: '2026-10-09', provisional: false },
        overdue: false,
        earliestMeetingOn: { on: '2026-09-18', provisional: false },
      }),
    });
    render(<CouncilPage />);
    const banner = await screen.findByTestId('council-status', {}, slow);
    expect(banner).toHaveAttribute('role', 'status');
    expect(banner).toHaveTextContent('下次应于');
    expect(banner).not.toHaveTextContent('已超过两个月');
  });
});
