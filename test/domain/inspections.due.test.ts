import { dueChecksNow } from '../../backend/domain/inspections.due';

const street = { level: 'street' as const, id: 's-shatoujiao', streetIds: [] };
const district = { level: 'district' as const, id: 'd-yantian', streetIds: ['s-shatoujiao', 's-haishan'] };

describe('dueChecksNow', () => {
  it('R-INS-1: a street is due its self-check in May, done once it held one that month', () => {
    expect(dueChecksNow(street, '2026-05-04', [])).toEqual([{ kind: 'self_check', year: 2026, month: 5, done: false }]);
    expect(dueChecksNow(street, '2026-05-20', [{ scopeId: 's-shatoujiao', kind: 'self_check', heldOn: '2026-05-12' }])[0].done).toBe(true);
  });

  it('R-INS-1: last November\'s self-check or another street\'s does not count for this May', () => {
    const held = [
      { scopeId: 's-shatoujiao', kind: 'self_check' as const, heldOn: '2025-11-12' },
      { scopeId: 's-haishan', kind: 'self_check' as const, heldOn: '2026-05-12' },
    ];
    expect(dueChecksNow(street, '2026-05-20', held)[0].done).toBe(false);
  });

  it('R-INS-1: nothing is due outside May and November', () => {
    expect(dueChecksNow(street, '2026-06-01', [])).toEqual([]);
    expect(dueChecksNow(district, '2026-03-02', [])).toEqual([]);
  });

  it('R-INS-1: in May the district follows its streets\' self-checks, done when every street held one', () => {
    const one = [{ scopeId: 's-shatoujiao', kind: 'self_check' as const, heldOn: '2026-05-12' }];
    expect(dueChecksNow(district, '2026-05-20', one)).toEqual([{ kind: 'self_check', year: 2026, month: 5, done: false }]);
    const both = [...one, { scopeId: 's-haishan', kind: 'self_check' as const, heldOn: '2026-05-14' }];
    expect(dueChecksNow(district, '2026-05-20', both)[0].done).toBe(true);
    expect(dueChecksNow({ ...district, streetIds: [] }, '2026-05-20', both)[0].done).toBe(false);
  });

  it('R-INS-1: in November the district is due its census, held by the district itself', () => {
    expect(dueChecksNow(district, '2026-11-03', [])).toEqual([{ kind: 'census', year: 2026, month: 11, done: false }]);
    expect(dueChecksNow(district, '2026-11-20', [{ scopeId: 'd-yantian', kind: 'census', heldOn: '2026-11-18' }])[0].done).toBe(true);
  });
});
