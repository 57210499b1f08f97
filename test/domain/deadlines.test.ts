import type { ProposalRecord } from '../../types/domain';
import { defaultCalendar, WorkCalendar } from '../../backend/domain/calendar';
import {
  completeDueOn,
  implementationTimeLimit,
  councilDueOn,
  councilOverdue,
  deadlinesOf,
  earliestMeetingOn,
  implementationDeadlines,
  overdueOf,
  publicityEndsOn,
  reviewDueOn,
  startDueOn,
  subsidyDueOn,
} from '../../backend/domain/deadlines';
import { buildProposal } from './factories';
import chineseDays from 'chinese-days/dist/chinese-days.json';

describe('R-PUB-1: the publicity notice stands for 3 working days', () => {
  test.each([
    ['2026-09-18', '2026-09-22', 'when published on Friday 18 Sep 2026, then the window ends on Tue 22 Sep (Sun 20 Sep is a make-up workday)'],
    ['2026-03-30', '2026-04-02', 'when published on Monday 30 Mar 2026, then the window ends on Thu 2 Apr, before Qingming'],
    ['2026-09-30', '2026-10-10', 'when published the day before National Day 2026, then the window ends on the make-up Saturday 10 Oct'],
    ['2026-02-13', '2026-02-25', 'when published before Spring Festival 2026, then the window ends on Wed 25 Feb'],
  ])('R-PUB-1: %s → %s: %s', (publishedOn, on) => {
    expect(publicityEndsOn(publishedOn)).toEqual({ on, provisional: false });
  });

  it('R-PUB-1, R-TIME-3: a window reaching into 2027 is provisional', () => {
    expect(publicityEndsOn('2026-12-30', defaultCalendar)).toEqual({ on: '2027-01-04', provisional: true });
  });
});

describe('R-REV-1: the street decides within 15 working days of receipt', () => {
  test.each([
    ['2026-03-13', '2026-04-03', false, 'received Friday 13 Mar 2026, due Friday 3 Apr'],
    ['2026-09-21', '2026-10-19', false, 'received Monday 21 Sep 2026, due Mon 19 Oct across Mid-Autumn, National Day and the make-up Sat 10 Oct'],
    ['2026-12-28', '2027-01-18', true, 'received 28 Dec 2026, due in 2027: provisional (R-TIME-3)'],
  ])('R-REV-1: submitted on %s, the review is due on %s (provisional: %p): %s', (submittedOn, on, provisional) => {
    expect(reviewDueOn(submittedOn)).toEqual({ on, provisional });
  });
});

describe('R-COU-2: the agenda is published at least 3 working days before the council meets', () => {
  test.each([
    ['2026-09-14', '2026-09-18', 'published Monday, notice runs Tue–Thu, the council may meet from Friday'],
    ['2026-09-17', '2026-09-22', 'published Thursday, notice runs Fri, make-up Sun 20, Mon 21: the council may meet from Tuesday'],
    ['2026-09-29', '2026-10-10', 'published before National Day, notice runs 30 Sep, 8 and 9 Oct: the council may meet from 10 Oct'],
  ])('R-COU-2: published on %s, the earliest meeting day is %s (%s)', (today, on) => {
    expect(earliestMeetingOn(today)).toEqual({ on, provisional: false });
  });

  it('R-COU-2, R-TIME-3: a notice reaching into 2027 gives a provisional earliest day', () => {
    expect(earliestMeetingOn('2026-12-30', defaultCalendar)).toEqual({ on: '2027-01-05', provisional: true });
  });
});

describe('R-COU-1: the council meets at least every two months', () => {
  test.each([
    ['2026-03-12', '2026-05-12', false, 'on the last day the community is not yet overdue'],
    ['2026-03-12', '2026-05-13', true, 'the day after, it is flagged'],
    ['2026-07-31', '2026-09-30', false, 'the month’s last day where 31 Sep does not exist'],
    ['2026-07-31', '2026-10-01', true, 'flagged from 1 Oct'],
    ['2026-08-01', '2026-10-07', false, '1 Oct 2026 is National Day: the period runs to Thu 8 Oct'],
    ['2026-08-01', '2026-10-09', true, 'flagged from 9 Oct'],
  ])('R-COU-1: after a meeting on %s, on %s the community is overdue: %p (%s)', (lastMeetingOn, today, overdue) => {
    expect(councilOverdue(lastMeetingOn, today)).toBe(overdue);
  });

  it('R-COU-1: the next meeting of a community that met on 1 Aug 2026 is due Thu 8 Oct', () => {
    expect(councilDueOn('2026-08-01', defaultCalendar)).toEqual({ on: '2026-10-08', provisional: false });
    expect(councilOverdue('2026-08-01', '2026-10-09', defaultCalendar)).toBe(true);
  });
});

describe('R-IMP-3, R-IMP-4: from the day the implementer is set', () => {
  test.each([
    ['2026-04-07', '2026-05-07', 'a plain month'],
    ['2026-09-01', '2026-10-08', 'landing on National Day moves to Thu 8 Oct'],
    ['2026-04-09', '2026-05-09', 'landing on the make-up Saturday 9 May stays'],
  ])('R-IMP-3: a services project assigned on %s must start by %s (%s)', (assignedOn, on) => {
    expect(startDueOn(assignedOn)).toEqual({ on, provisional: false });
  });

  test.each([
    ['2026-04-07', '2026-10-08', false, '7 Oct 2026 is National Day: Thu 8 Oct'],
    ['2025-12-20', '2026-06-22', false, 'Sat 20 Jun 2026 is Dragon Boat: Mon 22 Jun'],
    ['2026-08-31', '2027-03-01', true, 'the month’s last day, 28 Feb 2027, a Sunday in an unknown year: provisional'],
  ])('R-IMP-4: a works or goods project assigned on %s must be finished by %s (provisional: %p; %s)', (assignedOn, on, provisional) => {
    expect(completeDueOn(assignedOn)).toEqual({ on, provisional });
  });

  test.each([
    ['services', { startDueOn: { on: '2026-05-07', provisional: false } }],
    ['works', { completeDueOn: { on: '2026-10-08', provisional: false } }],
    ['goods', { completeDueOn: { on: '2026-10-08', provisional: false } }],
  ] as const)('R-IMP-3, R-IMP-4: a %s project assigned on 7 Apr 2026 has the deadlines %j', (category, deadlines) => {
    expect(implementationDeadlines(category, '2026-04-07')).toEqual(deadlines);
  });
});

describe('R-FUN-3: the subsidy application is due 30 November, late 30 January of the next year', () => {
  test.each([
    [2025, { on: '2025-12-01', provisional: false }, { on: '2026-01-30', provisional: false }, '30 Nov 2025 is a Sunday: it rolls to Mon 1 Dec like every deadline'],
    [2026, { on: '2026-11-30', provisional: false }, { on: '2027-02-01', provisional: true }, 'the late date lies on Sat 30 Jan 2027, a year the bundled calendar does not know: rolled on weekdays, provisional'],
  ])('R-FUN-3, R-TIME-2, R-TIME-3: the application of %i is due %j, late %j (%s)', (year, dueOn, lateDueOn) => {
    expect(subsidyDueOn(year)).toEqual({ dueOn, lateDueOn });
  });

  it('R-TIME-3: once the calendar knows 2027, the late date of 2026 is computed on it and is no longer provisional', () => {
    // A made-up schedule for 2027 in which Mon 1 Feb is a holiday.
    const known = new WorkCalendar({ holidays: { ...chineseDays.holidays, '2027-01-01': 'x', '2027-02-01': 'x' }, workdays: chineseDays.workdays });
    expect(subsidyDueOn(2026, known).lateDueOn).toEqual({ on: '2027-02-02', provisional: false });
  });

  it('R-TIME-3: a year is known when the calendar data names it, even one with no holiday listed', () => {
    const known = new WorkCalendar({ holidays: chineseDays.holidays, workdays: chineseDays.workdays, years: [2027] });
    expect(known.covers(2027)).toBe(true);
    expect(subsidyDueOn(2026, known).lateDueOn).toEqual({ on: '2027-02-01', provisional: false });
  });
});

describe('the deadlines that currently run for a proposal', () => {
  test.each<[string, Partial<ProposalRecord>, object]>([
    ['submitted: none yet', { state: 'submitted' }, {}],
    ['R-REV-1: under street review: the review', { state: 'street_review' }, { reviewDueOn: { on: '2026-04-03', provisional: false } }],
    ['approved, not yet published: none', { state: 'approved' }, {}],
    ['R-PUB-1: in publicity: the window as published', { state: 'publicity' }, { publicityEndsOn: { on: '2026-04-02', provisional: false } }],
    [
      'R-IMP-4: a goods project implementing: the completion',
      { state: 'implementing' },
      { completeDueOn: { on: '2026-10-08', provisional: false } },
    ],
    [
      'R-IMP-3: a services project implementing and not started: the start',
      { state: 'implementing', category: 'services', implementation: { implementer: 'x', side: 'community', assignedOn: '2026-04-07' } },
      { startDueOn: { on: '2026-05-07', provisional: false } },
    ],
    ['R-IMP-3: a services project that started: none', { state: 'implementing', category: 'services' }, {}],
    ['completed: none', { state: 'completed' }, {}],
  ])('%s', (_title, overrides, deadlines) => {
    expect(deadlinesOf(buildProposal(overrides), defaultCalendar)).toEqual(deadlines);
  });

  it('R-PUB-1: the window is the one published, even if the holiday data has changed since', () => {
    const record = buildProposal({ state: 'publicity', publicity: { publishedOn: '2026-12-30', endsOn: { on: '2027-01-04', provisional: true }, timeLimit: '确定实施主体之日起 6 个月内完成' } });
    expect(deadlinesOf(record)).toEqual({ publicityEndsOn: { on: '2027-01-04', provisional: true } });
  });
});

describe('a passed deadline is a flag, never a block', () => {
  test.each<[string, string, Partial<ProposalRecord>, string[]]>([
    ['R-REV-1: a review on its last day is not overdue', '2026-04-03', { state: 'street_review' }, []],
    ['R-REV-1: a review the day after its last day is overdue', '2026-04-04', { state: 'street_review' }, ['reviewDueOn']],
    ['R-PUB-1: the end of the publicity window is never overdue', '2026-05-01', { state: 'publicity' }, []],
    ['R-IMP-4: a goods project unfinished after its deadline is overdue', '2026-10-09', { state: 'implementing' }, ['completeDueOn']],
    ['R-IMP-4: a goods project on its deadline is not overdue', '2026-10-08', { state: 'implementing' }, []],
    ['R-IMP-3: a services project not started after a month is overdue', '2026-05-08', { state: 'implementing', category: 'services', implementation: { implementer: 'x', side: 'community', assignedOn: '2026-04-07' } }, ['startDueOn']],
    ['R-IMP-3: a services project that started is not overdue', '2026-12-01', { state: 'implementing', category: 'services' }, []],
    ['a completed project is never overdue', '2027-12-01', { state: 'completed' }, []],
  ])('%s (on %s)', (_title, today, overrides, names) => {
    const flags = overdueOf(buildProposal(overrides), today, defaultCalendar);
    expect(flags.map((flag) => flag.name)).toEqual(names);
  });

  it('R-REV-1: an overdue flag names its deadline and says so in Chinese', () => {
    expect(overdueOf(buildProposal({ state: 'street_review' }), '2026-04-07')).toEqual([
      { name: 'reviewDueOn', due: { on: '2026-04-03', provisional: false }, label: '街道审核逾期' },
    ]);
  });
});

describe('R-PUB-1: the time limit a publicity notice announces', () => {
  test.each([
    ['works', '确定实施主体之日起 6 个月内完成'],
    ['goods', '确定实施主体之日起 6 个月内完成'],
    ['services', '确定实施主体之日起 1 个月内开展服务'],
  ] as const)('R-IMP-3, R-IMP-4: a %s project announces %s', (category, words) => {
    expect(implementationTimeLimit(category)).toBe(words);
  });
});
