import { createDispatch } from '../../../backend/app/dispatch';
import { sweepOverdue } from '../../../backend/app/jobs/sweep-overdue';
import { defaultCalendar } from '../../../backend/domain/calendar';
import { seedDemoData } from '../../../backend/store/sqlite/sqlite.seed';
import { openSqliteStore, type SqliteStore } from '../../../backend/store/sqlite/sqlite.store';
import { LocalContentCheck } from '../../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../../backend/wechat/local/stored-photos';

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const on = (day: string) => ({ now: () => at(day) });

describe('the deadline sweep', () => {
  let store: SqliteStore;
  let proposalId: string;

  beforeEach(async () => {
    store = openSqliteStore({ file: ':memory:' });
    seedDemoData(store, { at: at('2026-08-03').toISOString(), year: 2026 });
    const dispatch = createDispatch({ store, calendar: defaultCalendar, contentCheck: new LocalContentCheck(), photos: new StoredPhotos(store) });
    const call = async (openid: string, day: string, action: string, payload: object) => {
      const { answer } = await dispatch(action, payload, { openid }, at(day));
      if (!answer.ok) throw new Error(`${action}: ${answer.error.message}`);
      return answer.data as any;
    };
    const { id } = await call('u-res-3', '2026-08-03', 'proposal.submit', {
      communityId: 'c-tianxin', title: '路灯维修', category: 'works', location: '田心', description: '路灯坏了。', source: 'resident', requestId: 'sweep-test-0001',
    });
    await call('u-com-tianxin', '2026-08-03', 'proposal.screen', { id, adopt: true });
    await call('u-com-tianxin', '2026-08-03', 'proposal.draftReport', { id, reason: '理由', overview: '概述', plan: '方案', budgetLines: [{ item: '维修', amountFen: 100_000 }] });
    const meeting = await call('u-com-tianxin', '2026-08-03', 'council.publishAgenda', { communityId: 'c-tianxin', meetingOn: '2026-08-07', proposalIds: [id] });
    await call('u-com-tianxin', '2026-08-07', 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 9, for: 5, against: 4, abstain: 0 });
    await call('u-com-tianxin', '2026-08-07', 'proposal.submitToStreet', { id });
    proposalId = id;
    // What the steps so far told the proposer is not what this test is about.
    await store.settleOutbox({ ids: (await store.takeUndelivered(100)).map((message) => message.id), at: at('2026-08-07').toISOString(), outcome: 'sent' });
  });

  afterEach(() => store.close());

  it('R-REV-1: tells nobody while the review is within its 15 working days (due Fri 28 Aug)', async () => {
    expect(await sweepOverdue({ store, calendar: defaultCalendar, clock: on('2026-08-28') })).toBe(0);
    expect(await store.takeUndelivered(10)).toEqual([]);
  });

  it('R-REV-1: tells the street once when the review is overdue, however often the sweep runs', async () => {
    expect(await sweepOverdue({ store, calendar: defaultCalendar, clock: on('2026-08-31') })).toBe(1);
    expect(await sweepOverdue({ store, calendar: defaultCalendar, clock: on('2026-09-01') })).toBe(0);
    const messages = await store.takeUndelivered(10);
    expect(messages).toEqual([
      expect.objectContaining({
        recipientOpenid: 'u-street-haishan',
        kind: 'deadline_overdue',
        payload: expect.objectContaining({ proposalId, deadline: 'reviewDueOn', dueOn: '2026-08-28' }),
      }),
    ]);
    // A flag, never a block: the proposal is untouched.
    expect((await store.findProposal(proposalId))?.record.state).toBe('street_review');
  });
});
