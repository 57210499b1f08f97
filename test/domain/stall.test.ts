import { defaultCalendar } from '../../backend/domain/calendar';
import { DEFAULT_STALL_WORKING_DAYS, stallClockOf, stalledOf, stallIndexOn, stallWorkingDaysOf } from '../../backend/domain/stall';
import type { ProposalState } from '../../types/domain';
import { buildPolicy, buildProposal } from './factories';

describe('R-SUP-1: stalled projects (issue 18)', () => {
  it('R-SUP-1: the district leaves 20 working days by default, or sets its own number', () => {
    expect(stallWorkingDaysOf(buildPolicy())).toBe(DEFAULT_STALL_WORKING_DAYS);
    expect(DEFAULT_STALL_WORKING_DAYS).toBe(20);
    expect(stallWorkingDaysOf(buildPolicy({ stallWorkingDays: 5 }))).toBe(5);
  });

  test.each<[ProposalState, string, string]>([
    // Approved Fri 27 Mar 2026: 20 working days later, counting over Qingming (4–6 Apr), is Mon 27 Apr.
    ['approved', 'stalled_publicity', '2026-03-27'],
    ['completed', 'stalled_evaluation', '2026-06-30'],
    ['evaluated', 'stalled_audit', '2026-07-10'],
  ])('R-SUP-1: a project %s waits from its step for the district\'s working days, then is %s', (state, reason, since) => {
    const record = buildProposal({ state });
    const clock = stallClockOf(record, buildPolicy(), defaultCalendar)!;
    expect(clock).toEqual({ reason, since, dueOn: defaultCalendar.addWorkingDays(since, 20) });
    expect(stalledOf(record, clock.dueOn.on, buildPolicy(), defaultCalendar)).toBeNull();
    expect(stalledOf(record, defaultCalendar.addWorkingDays(clock.dueOn.on, 1).on, buildPolicy(), defaultCalendar)).toEqual(clock);
  });

  it('R-SUP-1: the 20th working day after the approval of 27 March 2026 is 27 April', () => {
    expect(stallClockOf(buildProposal({ state: 'approved' }), buildPolicy())!.dueOn).toEqual({ on: '2026-04-27', provisional: false });
  });

  it('R-SUP-1: a shorter policy flags sooner', () => {
    const record = buildProposal({ state: 'approved' });
    expect(stalledOf(record, '2026-04-06', buildPolicy({ stallWorkingDays: 5 }))?.reason).toBe('stalled_publicity');
    expect(stalledOf(record, '2026-04-06', buildPolicy())).toBeNull();
  });

  test.each<ProposalState>(['submitted', 'street_review', 'publicity', 'implementing', 'audited', 'withdrawn'])('R-SUP-1: a project %s has no stall clock', (state) => {
    expect(stallClockOf(buildProposal({ state }), buildPolicy())).toBeNull();
  });

  it('a record missing the day its wait began has no stall clock (the checklist reports the gap)', () => {
    expect(stallClockOf(buildProposal({ state: 'completed', implementation: undefined }), buildPolicy())).toBeNull();
    expect(stallClockOf(buildProposal({ state: 'approved', review: undefined }), buildPolicy())).toBeNull();
    expect(stallClockOf(buildProposal({ state: 'evaluated', evaluation: undefined }), buildPolicy())).toBeNull();
  });
});

describe('R-SUP-1: the overdue lists look at a waiting record from the shortest wait any policy allows', () => {
  it('R-SUP-1: an approval of Fri 27 March 2026 is looked at from Mon 30 March, whatever the policy', () => {
    expect(stallIndexOn(buildProposal({ state: 'approved' }), defaultCalendar)).toBe('2026-03-30');
    expect(stallIndexOn(buildProposal({ state: 'approved' }))).toBe('2026-03-30');
  });

  it('R-SUP-1: a record that waits for nothing, or lacks the day its wait began, is not looked at', () => {
    expect(stallIndexOn(buildProposal({ state: 'implementing' }))).toBeNull();
    expect(stallIndexOn(buildProposal({ state: 'approved', review: undefined }))).toBeNull();
  });
});
