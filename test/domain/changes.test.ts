import { decideChange } from '../../backend/domain/changes';
import { buildChange } from './factories';

describe('R-CHG-1: the street decides a change with a reason', () => {
  test.each([
    [true, 'approved'],
    [false, 'refused'],
  ] as const)('R-CHG-1: a decision approve=%p makes the change %s', (approve, state) => {
    const result = decideChange(buildChange(), { approve, reason: '经审核' }, '2026-04-01');
    expect(result).toEqual({ ok: true, value: { ...buildChange(), state, decisionReason: '经审核', decidedOn: '2026-04-01' } });
  });

  test.each([
    ['a change already decided', buildChange({ state: 'approved' }), '经审核', 'invalid_state'],
    ['a decision without a reason', buildChange(), ' ', 'invalid_input'],
  ])('R-CHG-1: refuses %s', (_what, change, reason, code) => {
    expect(decideChange(change, { approve: true, reason }, '2026-04-01')).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });
});
