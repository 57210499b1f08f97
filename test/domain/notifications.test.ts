import { COMMUNITY_NOTICE_DAYS, communityNoticesOf, communityNoticesSince, monthDay, notificationWords } from '../../backend/domain/notifications';
import type { DomainEvent } from '../../backend/domain/events';

const project = { proposalId: 'p-1', title: '更换路灯' };

describe('the words of an inbox item (domain/notifications)', () => {
  it.each([
    ['proposal_state_changed', { ...project, to: 'adopted' }, '项目进展', '您的提议「更换路灯」：已采纳'],
    ['proposal_state_changed', { ...project, to: 'nonsense' }, '项目进展', '您的提议「更换路灯」有新进展'],
    ['comment_answered', { ...project, reply: '已安排。' }, '意见已回复', '社区回复了您对「更换路灯」的意见：已安排。'],
    ['comment_answered', project, '意见已回复', '社区回复了您对「更换路灯」的意见'],
    ['rating_opened', project, '欢迎评价', '「更换路灯」已完工，欢迎为项目打分'],
    ['proposal_submitted', project, '新提议待筛选', '社区收到新提议「更换路灯」，请及时筛选'],
    ['comment_received', { ...project, status: 'pending' }, '新意见待处理', '「更换路灯」有一条待审核的意见，请审核后回复'],
    ['comment_received', { ...project, status: 'published' }, '新意见待处理', '「更换路灯」有新的居民意见，请及时回复'],
    ['change_requested', { ...project, changeKind: 'adjust' }, '变更申请待审批', '「更换路灯」申请调整预算，请审批'],
    ['change_requested', project, '变更申请待审批', '「更换路灯」申请变更，请审批'],
    ['deadline_near', { ...project, label: '街道审核即将到期', dueOn: '2026-12-05', workingDaysLeft: 3 }, '办理期限将至', '「更换路灯」街道审核即将到期：12月5日截止，还剩 3 个工作日'],
    ['deadline_near', { ...project, dueOn: '2026-12-05', workingDaysLeft: 0 }, '办理期限将至', '「更换路灯」办理期限将至：今天截止'],
    ['deadline_near', { ...project, dueOn: '2026-12-05' }, '办理期限将至', '「更换路灯」办理期限将至：12月5日截止'],
    ['deadline_overdue', { ...project, label: '项目完工期限', dueOn: '2026-01-09' }, '办理已逾期', '「更换路灯」项目完工期限：1月9日已到期，请尽快处理'],
    ['deadline_overdue', { proposalId: 'p-1', dueOn: 20260109 }, '办理已逾期', '项目办理已逾期：已到期，请尽快处理'],
    ['complaint_answered', { text: '您的投诉已处理。' }, '消息', '您的投诉已处理。'],
    ['complaint_answered', project, '消息', '「更换路灯」'],
  ])('words %s from its payload', (kind, payload, title, text) => {
    expect(notificationWords(kind, payload)).toEqual({ title, text });
  });

  it('writes a date as 12月5日, and nothing for what is not a date', () => {
    expect(monthDay('2026-12-05')).toBe('12月5日');
    expect(monthDay('12/05')).toBe('');
  });
});

describe('notices to a whole community', () => {
  it('R-EVA-1: a completion posts one rating notice to its community; other events post none', () => {
    const base = { proposalId: 'p-1', communityId: 'c-tianxin', on: '2026-09-01' } as const;
    const events = [
      { ...base, from: 'implementing', to: 'completed', type: 'ProjectCompleted', completedOn: '2026-09-01', maintenanceUnit: '物业' },
      { ...base, from: 'completed', to: 'evaluated', type: 'EvaluationPublished' },
    ] as DomainEvent[];
    expect(communityNoticesOf(events, '更换路灯')).toEqual([
      { communityId: 'c-tianxin', kind: 'rating_opened', proposalId: 'p-1', payload: { proposalId: 'p-1', title: '更换路灯' } },
    ]);
  });

  it('shows a community notice for 60 days after it was posted', () => {
    expect(COMMUNITY_NOTICE_DAYS).toBe(60);
    expect(communityNoticesSince('2026-08-31T02:00:00.000Z')).toBe('2026-07-02T02:00:00.000Z');
  });
});
