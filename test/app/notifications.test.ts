import { remindNearDeadlines } from '../../backend/app/jobs/remind-near-deadlines';
import { defaultCalendar } from '../../backend/domain/calendar';
import { userChain } from '../../backend/app/proposals';
import type { NotificationPage } from '../../types/api';
import { bringTo, createApp, dataOf, expectRefused, newRequestId, noonOf, startJourney, type App } from '../support/app-harness';

async function inboxOf(app: App, openid: string, day: string, cursor?: string): Promise<NotificationPage> {
  return app.ok(openid, day, 'notification.list', cursor ? { cursor } : {});
}

const kindsOf = (page: NotificationPage) => page.items.map((item) => item.kind);

describe('notification.list and notification.read (the inbox)', () => {
  it('R-COL-1: a resident finds each state change of their proposal, worded, newest first, leading to the proposal', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const inbox = await inboxOf(app, journey.proposer, journey.day);
    expect(kindsOf(inbox)).toEqual(['proposal_state_changed', 'proposal_state_changed']);
    expect(inbox.items[0]).toMatchObject({ proposalId: journey.id, title: '项目进展', read: false, text: expect.stringContaining('申请报告已拟定') });
    expect(inbox.items[1].text).toContain('已采纳');
    expect(inbox.unread).toBe(2);
    expect(inbox.nextCursor).toBeNull();
  });

  it('marks one item read, then all; the counts follow and each mark is on the reader\'s own audit chain', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'drafted');
    const before = await inboxOf(app, journey.proposer, journey.day);
    expect(await app.ok(journey.proposer, journey.day, 'notification.read', { ids: [before.items[1].id] })).toEqual({ marked: 1, unread: 1 });
    const after = await inboxOf(app, journey.proposer, journey.day);
    expect(after.items.map((item) => item.read)).toEqual([false, true]);
    expect(await app.ok(journey.proposer, journey.day, 'notification.read', { all: true })).toEqual({ marked: 1, unread: 0 });
    // Nothing left unread: marking again changes nothing and writes no audit entry.
    expect(await app.ok(journey.proposer, journey.day, 'notification.read', { all: true })).toEqual({ marked: 0, unread: 0 });
    const trail = await app.store.auditTrail(userChain(journey.proposer));
    expect(trail.filter((entry) => entry.action === 'notification.read').map((entry) => entry.detail)).toEqual([{ read: [before.items[1].id] }, { read: 'all' }]);
  });

  it('leaves another person\'s items alone: marking them marks nothing', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    const theirs = (await inboxOf(app, journey.proposer, journey.day)).items[0];
    expect(await app.ok(journey.cast.neighbour as string, journey.day, 'notification.read', { ids: [theirs.id] })).toEqual({ marked: 0, unread: 0 });
    expect((await inboxOf(app, journey.proposer, journey.day)).items[0].read).toBe(false);
  });

  it('refuses a read without ids or all, ids that are not inbox ids and a stranger\'s cursor, changing nothing', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'adopted');
    expectRefused(await app.call(journey.proposer, journey.day, 'notification.read', {}), 'invalid_input', 'ids');
    expectRefused(await app.call(journey.proposer, journey.day, 'notification.read', { ids: ['p-1'] }), 'invalid_input');
    expectRefused(await app.call(journey.proposer, journey.day, 'notification.list', { cursor: 'nonsense' }), 'invalid_input', 'cursor');
    expectRefused(await app.call(null, journey.day, 'notification.list', {}), 'unauthenticated');
    expect((await inboxOf(app, journey.proposer, journey.day)).unread).toBe(1);
  });

  it('R-COL-2: the community\'s workers find a new proposal to screen; whoever submitted it is not told of their own', async () => {
    const app = createApp();
    const journey = await startJourney(app);
    const worker = await inboxOf(app, journey.cast.worker, journey.day);
    expect(worker.items).toEqual([
      expect.objectContaining({ kind: 'proposal_submitted', proposalId: journey.id, title: '新提议待筛选', text: expect.stringContaining('请及时筛选') }),
    ]);
    await app.ok(journey.cast.worker, journey.day, 'proposal.submit', {
      communityId: journey.cast.communityId, title: '社区自己的提议', category: 'goods', location: '社区', description: '工作人员代居民提交。', source: 'resident', requestId: newRequestId(),
    });
    expect((await inboxOf(app, journey.cast.worker, journey.day)).items).toHaveLength(1);
  });

  it('R-PUB-3: a comment is work for the community, and the answer reaches its author with its text', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const neighbour = journey.cast.neighbour as string;
    const comment = await app.ok(neighbour, journey.day, 'comment.add', { proposalId: journey.id, text: '建议晚上也亮灯。', requestId: newRequestId() });
    const work = await inboxOf(app, journey.cast.worker, journey.day);
    expect(work.items[0]).toMatchObject({ kind: 'comment_received', proposalId: journey.id, text: expect.stringContaining('请及时回复') });
    await app.ok(journey.cast.worker, journey.day, 'comment.reply', { commentId: comment.id, text: '已安排夜间照明。' });
    const answered = await inboxOf(app, neighbour, journey.day);
    expect(answered.items[0]).toMatchObject({ kind: 'comment_answered', title: '意见已回复', text: expect.stringContaining('已安排夜间照明。') });
  });

  it('R-CHG-1: a change request is work for the street\'s reviewers, who decide it', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    await app.ok(journey.cast.worker, journey.day, 'change.request', { id: journey.id, kind: 'withdraw', reason: '居民另有诉求。' });
    const street = await inboxOf(app, journey.cast.street, journey.day);
    expect(street.items[0]).toMatchObject({ kind: 'change_requested', proposalId: journey.id, title: '变更申请待审批', text: expect.stringContaining('撤销项目') });
    // The other street is not told.
    expect(kindsOf(await inboxOf(app, 'u-street-haishan', journey.day))).not.toContain('change_requested');
  });

  it('R-REV-1: a deadline within 3 working days reaches the street\'s inbox through the reminders job', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'street_review');
    await remindNearDeadlines({ store: app.store, calendar: defaultCalendar, clock: { now: () => noonOf('2026-03-24') } });
    const street = await inboxOf(app, journey.cast.street, '2026-03-24');
    expect(street.items[0]).toMatchObject({ kind: 'deadline_near', proposalId: journey.id, text: expect.stringContaining('3月27日截止，还剩 3 个工作日') });
  });

  it('R-EVA-1: ratings opening reach every resident of the community once, each with their own read mark, and nobody elsewhere', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    const neighbour = journey.cast.neighbour as string;
    const opened = (page: NotificationPage) => page.items.filter((item) => item.kind === 'rating_opened');
    const mine = opened(await inboxOf(app, neighbour, journey.day));
    expect(mine).toEqual([expect.objectContaining({ proposalId: journey.id, title: '欢迎评价', read: false, text: expect.stringContaining('欢迎为项目打分') })]);
    expect(opened(await inboxOf(app, journey.proposer, journey.day))).toHaveLength(1);
    expect(opened(await inboxOf(app, 'u-res-3', journey.day))).toEqual([]);
    // Staff without a community of residence are not residents: no notice.
    expect(opened(await inboxOf(app, journey.cast.street, journey.day))).toEqual([]);

    expect(dataOf(await app.call(neighbour, journey.day, 'notification.read', { ids: [mine[0].id] }))).toEqual({ marked: 1, unread: 0 });
    expect(opened(await inboxOf(app, neighbour, journey.day))[0].read).toBe(true);
    expect(opened(await inboxOf(app, journey.proposer, journey.day))[0].read).toBe(false);
    // Sixty days on, the notice has left the inbox.
    expect(opened(await inboxOf(app, journey.proposer, '2027-03-01'))).toEqual([]);
  });
});
