import { approvedVsAsked } from '../../../src/lib/approved-vs-asked';

describe('the approved budget beside the asked one (review.decide approves at most the report total)', () => {
  it('says nothing before an approval', () => {
    expect(approvedVsAsked(undefined, 5_000_000)).toBeNull();
  });

  it('says the approval equals the ask', () => {
    expect(approvedVsAsked(5_000_000, 5_000_000)).toBe('与申请预算一致');
  });

  it('says how much less the street approved', () => {
    expect(approvedVsAsked(4_800_000, 5_000_000)).toMatch(/^较申请预算核减 .*2,000/);
  });

  it('says an approved adjustment raised it above the ask', () => {
    expect(approvedVsAsked(5_500_000, 5_000_000)).toMatch(/^较申请预算调增 .*5,000.*经调整批复/);
  });
});
